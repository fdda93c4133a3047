/**
 * Scorecard points per handoff level: the middle half (25th to 75th percentile) as a bar and the median as a tick,
 * each level's n under its name. If the levels do not climb in points, the ladder and the scorecard disagree.
 */
import * as Plot from "@observablehq/plot";
import {formatCount} from "../lib/i18n/format.js";
import {t} from "../lib/i18n/i18n.js";
import type {LevelScores} from "../lib/analysis/scorecard-analysis.js";
import {plot, textWidth} from "./plot.js";

/** The chart; `levelLabel` names a level ("3 · Need"), `maxScore` ends the axis. */
export function scoresByLevelChart(
  byLevel: LevelScores[],
  {
    width = 640,
    levelLabel,
    maxScore,
    ...options
  }: {width?: number; levelLabel: (level: number) => string; maxScore: number} & Record<string, unknown>
) {
  const scored = byLevel.filter((d) => d.median !== null);
  const y = (d: LevelScores) => levelLabel(d.level);
  const n = new Map(byLevel.map((d) => [levelLabel(d.level), d.n]));
  return plot({
    ...options,
    width,
    height: 60 + byLevel.length * 36,
    // Room for the longest name (a level's n goes on a line of its own), up to a third of the chart.
    marginLeft: Math.min(Math.max(60, ...byLevel.map((d) => textWidth(y(d)) + 12)), width / 3),
    x: {label: t("scorecard.scoreAxis", {max: maxScore}), domain: [0, maxScore], grid: true},
    y: {label: null, domain: byLevel.map(y), tickFormat: (d: string) => `${d}\nn = ${formatCount(n.get(d) ?? 0)}`},
    marks: [
      Plot.barX(scored, {x1: "p25", x2: "p75", y, fill: "#4269d0", fillOpacity: 0.6, insetTop: 6, insetBottom: 6}),
      Plot.tickX(scored, {
        x: "median",
        y,
        strokeWidth: 3,
        insetTop: 4,
        insetBottom: 4,
        title: (d: LevelScores) => `${d.median} (${d.p25}–${d.p75}), n = ${d.n}`
      })
    ]
  });
}
