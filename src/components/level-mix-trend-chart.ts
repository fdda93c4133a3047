/**
 * The level mix by handoff month as stacked shares, with the survey benchmark's cumulative shares as dashed lines:
 * is the company handing off earlier or later over time?
 */
import * as Plot from "@observablehq/plot";
import {plot} from "./plot.js";
import {levelColors} from "./level-colors.js";
import type {MonthMix} from "../lib/analysis/timing.js";
import {t} from "../lib/i18n/i18n.js";

/** Stacked share areas per level over months; `labels` names the levels, `survey` their benchmark shares. */
export function levelMixTrendChart(
  months: MonthMix[],
  {
    width = 640,
    height = 300,
    labels,
    survey,
    ...options
  }: {width?: number; height?: number; labels: string[]; survey: (number | null)[]} & Record<string, unknown>
) {
  const points = months.flatMap((m) =>
    m.counts.map((count, i) => ({
      month: new Date(`${m.month}-01T00:00:00Z`),
      level: labels[i],
      share: m.handoffs > 0 ? count / m.handoffs : 0,
      n: m.handoffs
    }))
  );
  // Each month's step spans the whole month: the last month's shares again at the first instant after it, or a step
  // curve ends where the last month begins, and a single month draws nothing at all.
  const last = points.slice(-labels.length);
  const end = last.map((d) => ({
    ...d,
    month: new Date(Date.UTC(d.month.getUTCFullYear(), d.month.getUTCMonth() + 1, 1))
  }));
  // The benchmark as the cumulative share below each level boundary, to compare with the stacked areas.
  const cumulative = survey.every((d) => d !== null)
    ? survey.slice(0, -1).map((_, i) => survey.slice(0, i + 1).reduce((s, d) => s + (d ?? 0), 0))
    : [];
  return plot({
    ...options,
    width,
    height,
    x: {label: null, type: "utc"},
    y: {label: t("chart.mixAxis"), percent: true, domain: [0, 100]},
    color: {domain: labels, range: levelColors(labels.length), legend: true},
    marks: [
      Plot.areaY([...points, ...end], {
        x: "month",
        y: "share",
        // One series per level, said outright: with few months Plot took the levels for a quantity and warned.
        z: "level",
        fill: "level",
        order: labels,
        curve: "step-after",
        tip: true
      }),
      Plot.ruleY(cumulative, {strokeDasharray: "4,3", stroke: "currentColor", strokeOpacity: 0.7}),
      Plot.text(cumulative, {
        y: (d: number) => d,
        frameAnchor: "right",
        text: (d: number) => t("chart.surveyLine", {share: Math.round(d * 100)}),
        dy: -6,
        fontSize: 9
      })
    ]
  });
}
