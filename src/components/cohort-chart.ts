/**
 * Cohorts by handoff month: the share won within 1, 2, 3, … months of handoff, one line per cohort, drawn only as
 * far as each cohort has been observed, so that a young cohort is not mistaken for a bad one.
 */
import * as Plot from "@observablehq/plot";
import {plot} from "./plot.js";
import {sequentialBlues} from "./level-colors.js";
import type {Cohort} from "../lib/analysis/conversion.js";
import {t} from "../lib/i18n/i18n.js";

/** Lines of cumulative share won by months since handoff, coloured by cohort month. */
export function cohortChart(
  cohorts: Cohort[],
  {width = 640, height = 300, ...options}: {width?: number; height?: number} & Record<string, unknown> = {}
) {
  const points = cohorts.flatMap((c) =>
    c.wonWithin.map((share, m) => ({cohort: c.month, months: m + 1, share, n: c.handoffs}))
  );
  // Cohorts without a win would give the axis no extent (one tick, "0.000000"): up to 10% then (percent: the domain
  // is in percent).
  const noWin = points.every((d) => !(d.share > 0));
  return plot({
    ...options,
    width,
    height,
    x: {label: t("chart.monthsSinceHandoff"), grid: true, ticks: 12},
    y: {label: t("chart.shareWonPercent"), percent: true, grid: true, ...(noWin ? {domain: [0, 10]} : {})},
    color: {
      type: "ordinal",
      domain: cohorts.map((c) => c.month),
      range: sequentialBlues(cohorts.length),
      legend: false
    },
    marks: [
      Plot.lineY(points, {x: "months", y: "share", stroke: "cohort", strokeWidth: 1.5, tip: {format: {n: true}}}),
      Plot.dot(points, {x: "months", y: "share", fill: "cohort", r: 2}),
      Plot.ruleY([0])
    ]
  });
}
