/**
 * The level mix of two periods side by side: per ladder level, the share of the chosen period's handoffs next to the
 * comparison period's, so that a shift towards later (or earlier) handoffs shows at a glance.
 */
import * as Plot from "@observablehq/plot";
import {t} from "../lib/i18n/i18n.js";
import {plot} from "./plot.js";

/** One level's shares in the two periods. */
export interface PeriodMixRow {
  label: string;
  current: number | null;
  comparison: number | null;
}

/** Grouped bars: per level, this period (dark) and the comparison period (light). */
export function periodMixChart(
  rows: PeriodMixRow[],
  {width = 640, height = 260, ...options}: {width?: number; height?: number} & Record<string, unknown> = {}
) {
  const series = [t("compare.thisPeriod"), t("compare.comparisonPeriod")];
  const bars = rows.flatMap((d) => [
    {label: d.label, series: series[0], share: d.current ?? 0},
    {label: d.label, series: series[1], share: d.comparison ?? 0}
  ]);
  return plot({
    ...options,
    width,
    height,
    marginBottom: 40,
    fx: {
      label: null,
      domain: rows.map((d) => d.label),
      padding: 0.15,
      tickFormat: (d: string) => d.replace(" · ", "\n")
    },
    x: {axis: null, domain: series},
    y: {label: t("chart.mixAxis"), percent: true, grid: true},
    color: {domain: series, range: ["#4269d0", "#a9b8e8"], legend: true},
    marks: [Plot.barY(bars, {fx: "label", x: "series", y: "share", fill: "series", tip: true}), Plot.ruleY([0])]
  });
}
