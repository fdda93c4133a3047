/**
 * Proportions by category (win rate by speed bin, by days to handoff, …): a dot with its 95% interval and n above
 * it; a hollow dot where n is below the page's minimum; categories without any case show "n = 0" only.
 */
import * as Plot from "@observablehq/plot";
import {formatCount, formatPercent} from "../lib/format.js";
import {t} from "../lib/i18n.js";
import {plot} from "./plot.js";
import type {Proportion} from "../lib/stats.js";

/** One category's proportion. */
export interface ProportionRow {
  label: string;
  p: Proportion;
}

/** The chart; `yLabel` names the rate (e.g. "Win rate of closed handoffs (%)"). */
export function proportionChart(
  rows: ProportionRow[],
  {
    width = 640,
    height = 280,
    yLabel = "Win rate (%)",
    minN = 30,
    color = "#2f9e6e",
    ...options
  }: {width?: number; height?: number; yLabel?: string; minN?: number; color?: string} & Record<string, unknown> = {}
) {
  const rated = rows.filter((d) => d.p.rate !== null);
  const top = Math.max(0.05, ...rated.map((d) => d.p.hi ?? 0));
  return plot({
    ...options,
    width,
    height,
    marginBottom: 40,
    insetTop: 16,
    x: {label: null, domain: rows.map((d) => d.label), tickSize: 0},
    y: {label: yLabel, percent: true, grid: true, domain: [0, Math.min(100, top * 125)]},
    opacity: {type: "identity"},
    marks: [
      Plot.ruleX(rated, {
        x: "label",
        y1: (d: ProportionRow) => d.p.lo,
        y2: (d: ProportionRow) => d.p.hi,
        stroke: color,
        strokeWidth: 3,
        strokeOpacity: 0.45
      }),
      Plot.dot(rated, {
        x: "label",
        y: (d: ProportionRow) => d.p.rate,
        r: 5,
        stroke: color,
        fill: color,
        fillOpacity: (d: ProportionRow) => (d.p.n < minN ? 0 : 1),
        title: (d: ProportionRow) =>
          `${d.label}: ${formatPercent(d.p.rate)} (95% CI ${formatPercent(d.p.lo)}–${formatPercent(d.p.hi)}), ${formatCount(d.p.k)} / ${formatCount(d.p.n)}` +
          (d.p.n < minN ? t("chart.fewerThan", {min: minN}) : "")
      }),
      Plot.text(rated, {
        x: "label",
        y: (d: ProportionRow) => d.p.rate,
        text: (d: ProportionRow) => formatPercent(d.p.rate),
        dx: 8,
        textAnchor: "start"
      }),
      Plot.text(rows, {
        x: "label",
        y: (d: ProportionRow) => d.p.hi ?? 0,
        text: (d: ProportionRow) => `n = ${formatCount(d.p.n)}`,
        dy: -10,
        fillOpacity: 0.7
      }),
      Plot.ruleY([0])
    ]
  });
}
