/**
 * The eventual win rate per ladder level with its 95% Wilson interval and the number of closed handoffs behind it.
 * Open handoffs are not in the denominator: they have not lost (yet).
 */
import * as Plot from "@observablehq/plot";
import {twoLineLabel, type LevelRow} from "./handoffsByLevelChart.js";
import {outcomeColors} from "./outcomes.js";
import {minimumClosed} from "../lib/reading.js";

/**
 * Dots with interval rules, one per level, labelled with n; a level with no closed handoff shows "n = 0" only, and a
 * level with fewer closed handoffs than the minimum gets a hollow dot.
 */
export function winRateByLevelChart(
  levels: LevelRow[],
  {width = 640, height = 320, ...options}: {width?: number; height?: number} & Record<string, unknown> = {}
) {
  const rated = levels.filter((d) => d.winRate.rate !== null);
  // The percent option scales values by 100, so the domain is in percent too.
  const top = Math.max(0.1, ...rated.map((d) => d.winRate.hi ?? 0));
  return Plot.plot({
    ...options,
    width,
    height,
    marginBottom: 48,
    insetTop: 16,
    x: {label: null, domain: levels.map((d) => d.label), tickSize: 0, tickFormat: twoLineLabel},
    y: {label: "Win rate of closed handoffs (%)", percent: true, grid: true, domain: [0, Math.min(100, top * 125)]},
    opacity: {type: "identity"},
    marks: [
      Plot.ruleX(rated, {
        x: "label",
        y1: (d: LevelRow) => d.winRate.lo,
        y2: (d: LevelRow) => d.winRate.hi,
        strokeWidth: 3,
        stroke: outcomeColors.won,
        strokeOpacity: 0.45
      }),
      // A hollow dot: the rate rests on fewer closed handoffs than the page trusts.
      Plot.dot(rated, {
        x: "label",
        y: (d: LevelRow) => d.winRate.rate,
        r: 5,
        stroke: outcomeColors.won,
        fill: outcomeColors.won,
        fillOpacity: (d: LevelRow) => (d.closed < minimumClosed ? 0 : 1),
        title: (d: LevelRow) =>
          `${d.label}\nwin rate ${pct(d.winRate.rate)} (95% CI ${pct(d.winRate.lo)}–${pct(d.winRate.hi)})\n` +
          `${d.won} won of ${d.closed} closed; ${d.open} still open` +
          (d.closed < minimumClosed ? `\nfewer than ${minimumClosed} closed: read with care` : "")
      }),
      Plot.text(rated, {
        x: "label",
        y: (d: LevelRow) => d.winRate.rate,
        text: (d: LevelRow) => pct(d.winRate.rate),
        dx: 10,
        textAnchor: "start"
      }),
      Plot.text(levels, {
        x: "label",
        y: (d: LevelRow) => d.winRate.hi ?? 0,
        text: (d: LevelRow) => `n = ${d.closed.toLocaleString("en-US")}`,
        dy: -10,
        fillOpacity: 0.7
      }),
      Plot.ruleY([0])
    ]
  });
}

function pct(x: number | null): string {
  return x === null ? "–" : `${(x * 100).toFixed(1)}%`;
}
