/**
 * Handoffs per ladder level, each bar split by what became of the handoffs, so that open ones are visibly apart
 * from the lost ones.
 */
import * as Plot from "@observablehq/plot";
import {formatCount} from "../lib/i18n/format.js";
import {plot} from "./plot.js";
import type {LevelSummary} from "../lib/core/overview.js";
import {handoffOutcomes} from "../lib/core/model.js";
import {outcomeColors, outcomeLabel} from "./outcomes.js";
import {t} from "../lib/i18n/i18n.js";

/** A level label as two tick lines, number over name, so that five or six levels fit side by side. */
export function twoLineLabel(label: string): string {
  return label.replace(" · ", "\n");
}

/** A level's row as the overview's charts take it: the summary plus its display label. */
export type LevelRow = LevelSummary & {label: string};

/** Stacked bars: one per level, segments for won, lost, rejected, recycled and open, the total above each bar. */
export function handoffsByLevelChart(
  levels: LevelRow[],
  {width = 640, height = 320, ...options}: {width?: number; height?: number} & Record<string, unknown> = {}
) {
  const segments = levels.flatMap((d) =>
    handoffOutcomes.map((outcome) => ({label: d.label, outcome: outcomeLabel(outcome), count: d[outcome]}))
  );
  return plot({
    ...options,
    width,
    height,
    marginBottom: 48,
    // Room above the tallest bar for its total, below the y axis's label.
    marginTop: 30,
    insetTop: 14,
    x: {label: null, domain: levels.map((d) => d.label), tickSize: 0, tickFormat: twoLineLabel},
    y: {label: t("chart.handoffs"), grid: true},
    color: {
      domain: handoffOutcomes.map(outcomeLabel),
      range: handoffOutcomes.map((d) => outcomeColors[d]),
      legend: true
    },
    marks: [
      Plot.barY(segments, {
        x: "label",
        y: "count",
        fill: "outcome",
        order: handoffOutcomes.map(outcomeLabel),
        tip: true
      }),
      Plot.text(levels, {x: "label", y: "handoffs", text: (d: LevelRow) => formatCount(d.handoffs), dy: -8}),
      Plot.ruleY([0])
    ]
  });
}
