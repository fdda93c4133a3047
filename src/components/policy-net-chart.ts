/**
 * Net value per threshold k under both assumptions of the simulator: a filled dot for "bar", an open one for "self",
 * a line for the 95% interval over both, and a dashed rule at what actually happened. Figures are divided by
 * `quarters`, as the page's table divides them, so that the chart and the table show the same numbers.
 */
import * as Plot from "@observablehq/plot";
import {t} from "../lib/i18n/i18n.js";
import type {PolicyResult} from "../lib/simulator/decision.js";
import {plot} from "./plot.js";

/**
 * The chart; `money` formats an amount for the axis, `highlight` marks the recommended k, `quarters` divides every
 * figure (1: the totals) and `per` names what that makes them ("per quarter") on the axis.
 */
export function policyNetChart(
  policies: PolicyResult[],
  {
    width = 640,
    height = 260,
    money = (x: number) => `${x}`,
    highlight = null as number | null,
    currencySymbol = "€",
    quarters = 1,
    per = "",
    ...options
  }: {
    width?: number;
    height?: number;
    money?: (x: number) => string;
    highlight?: number | null;
    currencySymbol?: string;
    quarters?: number;
    per?: string;
  } & Record<string, unknown> = {}
) {
  const each = (x: number) => x / Math.max(quarters, 1e-9);
  const rows = policies.map((d) => ({
    k: `${d.k}`,
    bar: each(d.bar.netValue),
    self: each(d.self.netValue),
    lo: each(d.intervals.netValue.lo),
    hi: each(d.intervals.netValue.hi),
    best: d.k === highlight
  }));
  const color = (d: {best: boolean}) => (d.best ? "#2f9e6e" : "#4269d0");
  return plot({
    ...options,
    width,
    height,
    // Thresholds are named levels, spaced evenly: a point scale (stated, or Plot warns about numeric strings).
    x: {type: "point", label: t("simulator.k")},
    y: {
      label: `${t("simulator.netValueAxis", {currency: currencySymbol})} ${per}`.trim(),
      grid: true,
      tickFormat: money
    },
    marks: [
      Plot.ruleY([each(policies[0]?.bar.netValue ?? 0)], {strokeDasharray: "4,3"}),
      Plot.ruleX(rows, {x: "k", y1: "lo", y2: "hi", stroke: color, strokeWidth: 3, strokeOpacity: 0.35}),
      Plot.dot(rows, {
        x: "k",
        y: "bar",
        fill: color,
        r: 5,
        tip: true,
        title: (d) => `k = ${d.k} “bar”: ${money(d.bar)}`
      }),
      Plot.dot(rows, {
        x: "k",
        y: "self",
        stroke: color,
        r: 5,
        tip: true,
        title: (d) => `k = ${d.k} “self”: ${money(d.self)}`
      })
    ]
  });
}
