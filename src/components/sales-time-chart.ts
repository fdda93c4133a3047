/**
 * Where sales time goes: hours of sales touches per level, split into handoffs won, not won (lost, rejected,
 * recycled) and still open, with the cost of the hours that bought nothing.
 */
import * as Plot from "@observablehq/plot";
import {formatMoney} from "../lib/i18n/format.js";
import {plot} from "./plot.js";
import type {SalesTime} from "../lib/analysis/timing.js";
import {outcomeColors} from "./outcomes.js";
import {currentLanguage, t} from "../lib/i18n/i18n.js";

/** Rows need a display label per level. */
export type LabelledSalesTime = SalesTime & {label: string};

const parts = [
  {key: "won", label: () => t("chart.partWon"), color: outcomeColors.won},
  {key: "notWon", label: () => t("chart.partNotWon"), color: outcomeColors.lost},
  {key: "open", label: () => t("chart.partOpen"), color: outcomeColors.open}
] as const;

/** Stacked bars of sales hours per level by outcome, labelled with the hours not won and their cost. */
export function salesTimeChart(
  rows: LabelledSalesTime[],
  {
    width = 640,
    height = 300,
    hourlyRate = 0,
    money = (x: number) => formatMoney(x, "EUR", {compact: true}),
    ...options
  }: {width?: number; height?: number; hourlyRate?: number; money?: (amount: number) => string} & Record<
    string,
    unknown
  > = {}
) {
  const segments = rows.flatMap((d) =>
    parts.map((p) => ({label: d.label, part: p.label(), key: p.key, hours: d[p.key]}))
  );
  return plot({
    ...options,
    width,
    height,
    marginBottom: 48,
    insetTop: 28,
    x: {label: null, domain: rows.map((d) => d.label), tickSize: 0, tickFormat: (d: string) => d.replace(" · ", "\n")},
    // Without any hour (a selection nobody touched) the axis would have one tick, "0.000000": whole hours from 0 to 1.
    y: {label: t("chart.salesHours"), grid: true, ...(rows.some((d) => d.total > 0) ? {} : {domain: [0, 1]})},
    color: {domain: parts.map((d) => d.label()), range: parts.map((d) => d.color), legend: true},
    marks: [
      Plot.barY(segments, {x: "label", y: "hours", fill: "part", order: parts.map((d) => d.label()), tip: true}),
      Plot.text(rows, {
        x: "label",
        y: "total",
        text: (d: LabelledSalesTime) =>
          d.notWon > 0
            ? `${t("chart.hoursNotWon", {hours: compact(d.notWon)})}${hourlyRate > 0 ? `\n${money(d.notWon * hourlyRate)}` : ""}`
            : "",
        dy: -16,
        fontSize: 9
      }),
      Plot.ruleY([0])
    ]
  });
}

function compact(x: number): string {
  return new Intl.NumberFormat(currentLanguage() === "de" ? "de-DE" : "en-US", {
    notation: "compact",
    maximumFractionDigits: 1
  }).format(x);
}
