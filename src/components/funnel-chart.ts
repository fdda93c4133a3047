/**
 * The funnel from handoff to a win, per level: bars for handed off, accepted, opportunity and won, labelled with the
 * share that reached each step from the one before.
 */
import * as Plot from "@observablehq/plot";
import {plot} from "./plot.js";
import {funnelSteps, type FunnelRow} from "../lib/analysis/conversion.js";
import {label, t} from "../lib/i18n/i18n.js";

/** Rows need a display label per level. */
export type LabelledFunnelRow = FunnelRow & {label: string};

/** Grouped bars per level (facets) and step; clicking a bar pins it (the plot's value) for the drill-down. */
export function funnelChart(
  rows: LabelledFunnelRow[],
  {width = 640, height = 300, ...options}: {width?: number; height?: number} & Record<string, unknown> = {}
) {
  const steps = rows[0]?.steps ?? [...funnelSteps];
  const bars = rows.flatMap((d) =>
    d.steps.map((step, i) => ({
      level: d.level,
      label: d.label,
      step,
      stepLabel: label(step),
      stepIndex: i,
      count: d.counts[i],
      next: d.nextStep[i],
      cumulative: d.cumulative[i]
    }))
  );
  return plot({
    ...options,
    width,
    height,
    marginBottom: 48,
    insetTop: 16,
    fx: {
      label: null,
      domain: rows.map((d) => d.label),
      tickFormat: (d: string) => d.replace(" · ", "\n"),
      padding: 0.12
    },
    x: {axis: null, domain: steps.map((d) => label(d))},
    y: {label: t("chart.handoffs"), grid: true},
    color: {
      domain: steps.map((d) => label(d)),
      range: ["#a9b4c2", "#6c8ebf", "#4269d0", "#2f9e6e"],
      legend: true
    },
    marks: [
      Plot.barY(bars, {
        fx: "label",
        x: "stepLabel",
        y: "count",
        fill: "stepLabel",
        tip: {format: {fx: false, x: true, y: true}}
      }),
      Plot.text(
        bars.filter((d) => d.stepIndex > 0 && d.next !== null),
        {
          fx: "label",
          x: "step",
          y: "count",
          text: (d: {next: number}) => `${Math.round(d.next * 100)}%`,
          dy: -7,
          fontSize: 9
        }
      ),
      Plot.ruleY([0])
    ]
  });
}
