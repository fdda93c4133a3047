/**
 * A distribution over ordered categories as bars of shares, each labelled with its count: how handoffs spread over
 * follow-up speeds, say. n (the whole) is in the axis label.
 */
import * as Plot from "@observablehq/plot";
import {formatCount} from "../lib/i18n/format.js";
import {t} from "../lib/i18n/i18n.js";
import {plot} from "./plot.js";

/** One category and how many fall in it. */
export interface CountRow {
  label: string;
  count: number;
}

/** Bars of count ÷ total per category. */
export function shareBarsChart(
  rows: CountRow[],
  {
    width = 640,
    height = 260,
    total,
    color = "#4269d0",
    ...options
  }: {width?: number; height?: number; total: number; color?: string} & Record<string, unknown>
) {
  const data = rows.map((d) => ({...d, share: total > 0 ? d.count / total : 0}));
  return plot({
    ...options,
    width,
    height,
    marginBottom: 40,
    insetTop: 16,
    x: {label: null, domain: rows.map((d) => d.label), tickSize: 0},
    y: {label: t("chart.shareOfHandoffs", {n: formatCount(total)}), percent: true, grid: true},
    marks: [
      Plot.barY(data, {
        x: "label",
        y: "share",
        fill: color,
        tip: true,
        title: (d: {label: string; count: number}) => `${d.label}: ${formatCount(d.count)}`
      }),
      Plot.text(data, {x: "label", y: "share", text: (d: {count: number}) => formatCount(d.count), dy: -7}),
      Plot.ruleY([0])
    ]
  });
}
