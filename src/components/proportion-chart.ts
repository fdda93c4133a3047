/**
 * Proportions by category (win rate by speed bin, by days to handoff, …): a dot with its 95% interval; a hollow dot
 * where n is below the page's minimum. Each category's rate and n are written under it, as lines of its tick label,
 * so that they never collide with a neighbour's however narrow the chart; a category without any case shows "n = 0".
 */
import * as Plot from "@observablehq/plot";
import {formatCount, formatInterval, formatPercent} from "../lib/i18n/format.js";
import {t} from "../lib/i18n/i18n.js";
import {plot} from "./plot.js";
import type {Proportion} from "../lib/core/stats.js";

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
    marginBottom: 46,
    insetTop: 8,
    x: {
      label: null,
      domain: rows.map((d) => d.label),
      tickSize: 0,
      tickFormat: (label: string) => {
        const p = rows.find((d) => d.label === label)!.p;
        return [label, p.rate === null ? "–" : formatPercent(p.rate), `n = ${formatCount(p.n)}`].join("\n");
      }
    },
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
          t("chart.tipProportion", {
            label: d.label,
            rate: formatPercent(d.p.rate),
            interval: formatInterval(d.p),
            k: formatCount(d.p.k),
            n: formatCount(d.p.n)
          }) + (d.p.n < minN ? t("chart.fewerThan", {min: minN}) : "")
      }),
      Plot.ruleY([0])
    ]
  });
}
