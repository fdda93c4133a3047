/**
 * The level mix under the ladder being edited (bars) against the build's ladder (dashed ticks): what an edit moves
 * before any outcome is looked at. Levels of either ladder appear, so a level the edit removed still shows its tick.
 */
import * as Plot from "@observablehq/plot";
import {formatCount} from "../lib/i18n/format.js";
import {t} from "../lib/i18n/i18n.js";
import {plot} from "./plot.js";

/** Handoffs at one level. */
export interface LevelCount {
  level: number;
  count: number;
}

/** The chart of the edited ladder's counts against the build's. */
export function ladderMixChart(
  edited: LevelCount[],
  {width = 640, built, ...options}: {width?: number; built: LevelCount[]} & Record<string, unknown>
) {
  const text = (rows: LevelCount[]) => rows.map((d) => ({level: `${d.level}`, count: d.count}));
  const domain = [...new Set([...edited, ...built].map((d) => d.level))].sort((a, b) => a - b).map(String);
  return plot({
    ...options,
    width,
    height: 220,
    // Room above the tallest bar for its count.
    insetTop: 20,
    x: {type: "band", label: t("overview.level"), domain},
    y: {label: t("chart.handoffs"), grid: true},
    marks: [
      Plot.barY(text(edited), {x: "level", y: "count", fill: "#4269d0", tip: true}),
      Plot.text(text(edited), {x: "level", y: "count", text: (d: LevelCount) => formatCount(d.count), dy: -7}),
      Plot.tickY(text(built), {x: "level", y: "count", stroke: "currentColor", strokeWidth: 2, strokeDasharray: "3,2"}),
      Plot.ruleY([0])
    ]
  });
}

/** Handoffs per level of a ladder among the given rows, from their stages. */
export function levelCounts(levels: number[], rows: ArrayLike<number>, stages: ArrayLike<number>): LevelCount[] {
  const counts = new Map(levels.map((level) => [level, 0]));
  for (let i = 0; i < rows.length; i++) {
    const stage = stages[rows[i]];
    if (counts.has(stage)) counts.set(stage, counts.get(stage)! + 1);
  }
  return levels.map((level) => ({level, count: counts.get(level)!}));
}
