/**
 * Sales hours against wins for every threshold k, under both assumptions ("bar" filled, "self" open), with the 95%
 * intervals over both on each axis: what a stricter rule saves against what it costs. Figures are divided by
 * `quarters`, as the page's table divides them.
 */
import * as Plot from "@observablehq/plot";
import {group} from "d3-array";
import {t} from "../lib/i18n/i18n.js";
import type {PolicyResult} from "../lib/simulator/decision.js";
import {plot} from "./plot.js";

/** The chart; `quarters` divides every figure (1: the totals) and `per` names what that makes them on the axes. */
export function policyTradeoffChart(
  policies: PolicyResult[],
  {
    width = 640,
    height = 260,
    quarters = 1,
    per = "",
    ...options
  }: {width?: number; height?: number; quarters?: number; per?: string} & Record<string, unknown> = {}
) {
  const each = (x: number) => x / Math.max(quarters, 1e-9);
  const rows = policies.flatMap((d) =>
    (["bar", "self"] as const).map((assumption) => ({
      k: d.k,
      assumption,
      hours: each(d[assumption].salesHours),
      wins: each(d[assumption].wins),
      hoursLo: each(d.intervals.salesHours.lo),
      hoursHi: each(d.intervals.salesHours.hi),
      winsLo: each(d.intervals.wins.lo),
      winsHi: each(d.intervals.wins.hi)
    }))
  );
  const bar = rows.filter((d) => d.assumption === "bar");
  // Thresholds at the very same point (no handoff reaches either: both hand off nobody) share one label, "k = 4, 5".
  // Such a pair often sits at the origin, where a label on the left would leave the chart: shared labels go right.
  const labels = [...group(bar, (d) => `${d.hours} ${d.wins}`).values()].map((same) => ({
    ...same[0],
    right: same.length > 1 || same[0].k % 2 === 1,
    text: `k = ${same.map((d) => d.k).join(", ")}`
  }));
  // A selection without any sales hours, or without any win, would give its axis no extent (ticks like "0.000000").
  const noHours = rows.every((d) => !(d.hours > 0) && !(d.hoursHi > 0));
  const noWins = rows.every((d) => !(d.wins > 0) && !(d.winsHi > 0));
  return plot({
    ...options,
    width,
    height,
    x: {label: `${`${t("chart.salesHours")} ${per}`.trim()} →`, grid: true, ...(noHours ? {domain: [0, 1]} : {})},
    y: {label: `↑ ${`${t("simulator.wins")} ${per}`.trim()}`, grid: true, ...(noWins ? {domain: [0, 1]} : {})},
    marks: [
      Plot.ruleY(bar, {y: "wins", x1: "hoursLo", x2: "hoursHi", strokeOpacity: 0.3}),
      Plot.ruleX(bar, {x: "hours", y1: "winsLo", y2: "winsHi", strokeOpacity: 0.3}),
      Plot.dot(rows, {
        x: "hours",
        y: "wins",
        r: 5,
        fill: (d) => (d.assumption === "bar" ? "#4269d0" : "none"),
        stroke: "#4269d0",
        tip: true
      }),
      // Neighbouring thresholds often sit close together: odd ones are labelled on the right, even ones on the left.
      Plot.text(
        labels.filter((d) => d.right),
        {x: "hours", y: "wins", text: "text", dx: 10, textAnchor: "start"}
      ),
      Plot.text(
        labels.filter((d) => !d.right),
        {x: "hours", y: "wins", text: "text", dx: -10, textAnchor: "end"}
      )
    ]
  });
}
