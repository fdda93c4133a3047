/**
 * Kaplan–Meier curves of the cumulative probability of a win by days since handoff, one per level, with 95% bands;
 * open handoffs are censored where the data ends, so a young handoff is not read as a lost one.
 */
import * as Plot from "@observablehq/plot";
import {max} from "d3-array";
import {plot} from "./plot.js";
import type {TimeToWin} from "../lib/analysis/conversion.js";
import type {SurvivalStep} from "../lib/core/survival.js";
import {t} from "../lib/i18n/i18n.js";
import {levelPalette} from "./level-colors.js";

/** Curves need a display label per level. */
export type LabelledTimeToWin = TimeToWin & {label: string};

/** Step curves with confidence bands, up to `maxDays`. */
export function timeToWinChart(
  curves: LabelledTimeToWin[],
  {
    width = 640,
    height = 320,
    maxDays = 365,
    ...options
  }: {width?: number; height?: number; maxDays?: number} & Record<string, unknown> = {}
) {
  const points = curves.flatMap((curve) => {
    const start = {label: curve.label, level: curve.level, days: 0, p: 0, lo: 0, hi: 0};
    const steps = drawnSteps(curve.steps, maxDays, width).map((d) => ({
      label: curve.label,
      level: curve.level,
      days: d.time,
      p: 1 - d.survival,
      lo: 1 - d.hi,
      hi: 1 - d.lo
    }));
    const last = steps[steps.length - 1] ?? start;
    return [
      start,
      ...steps,
      {...last, days: Math.min(maxDays, Math.max(last.days, max(curve.steps, (d) => d.time) ?? 0))}
    ];
  });
  return plot({
    ...options,
    width,
    height,
    x: {label: t("chart.daysSinceHandoff"), domain: [0, maxDays], grid: true},
    y: {label: t("chart.cumulativeWin"), percent: true, grid: true},
    // Each level in its colour of every other chart (viridis drew level 5 in a yellow that vanished on a projector).
    color: {domain: curves.map((d) => d.label), range: curves.map((d) => levelPalette[d.level - 1]), legend: true},
    marginRight: 24,
    marks: [
      Plot.areaY(points, {x: "days", y1: "lo", y2: "hi", fill: "label", fillOpacity: 0.12, curve: "step-after"}),
      Plot.lineY(points, {x: "days", y: "p", stroke: "label", curve: "step-after", strokeWidth: 2, tip: true}),
      // The level at each curve's end: neighbouring blues are told apart without the legend.
      Plot.text(points, Plot.selectLast({x: "days", y: "p", z: "label", text: "level", dx: 6, textAnchor: "start"})),
      Plot.ruleX([30, 90, 180], {strokeDasharray: "3,3", strokeOpacity: 0.5}),
      Plot.ruleY([0])
    ]
  });
}

/**
 * The steps up to `maxDays` that a chart `width` pixels wide can show: those that move the curve or its band, and of
 * those at most the first and the last in each pixel column. Every censored handoff is a step of its own (a million
 * leads: 600,000 steps, nearly all where nothing moves), and drawing them all took seconds of the conversion page
 * (docs/page-speed.md); what is left draws the same curve.
 */
export function drawnSteps(steps: SurvivalStep[], maxDays: number, width: number): SurvivalStep[] {
  const kept: SurvivalStep[] = [];
  let column = -1;
  let columnStart = 0;
  for (const step of steps) {
    if (step.time > maxDays) break;
    const last = kept.at(-1);
    if (last && last.survival === step.survival && last.lo === step.lo && last.hi === step.hi) continue;
    const at = Math.floor((step.time / maxDays) * width);
    if (at === column && kept.length - 1 > columnStart) {
      kept[kept.length - 1] = step;
      continue;
    }
    if (at !== column) [column, columnStart] = [at, kept.length];
    kept.push(step);
  }
  return kept;
}
