/**
 * The eventual win rate per ladder level with its 95% Wilson interval and the number of handoffs behind it. By
 * default the rate is won ÷ closed: open handoffs are not in the denominator, they have not lost (yet). Data without
 * lost outcomes can only show the share won of all handoffs (measure "wonShare"), labelled as such.
 */
import * as Plot from "@observablehq/plot";
import {formatCount, formatInterval, formatPercent} from "../lib/i18n/format.js";
import {plot} from "./plot.js";
import {twoLineLabel, type LevelRow} from "./handoffs-by-level-chart.js";
import {outcomeColors} from "./outcomes.js";
import {t} from "../lib/i18n/i18n.js";
import {minimumClosed} from "../lib/readings/overview-reading.js";
import type {Proportion} from "../lib/core/stats.js";

/** Which proportion the chart shows. */
export type WinMeasure = "winRate" | "wonShare";

const axisLabels: Record<WinMeasure, () => string> = {
  winRate: () => t("chart.winRateAxis"),
  wonShare: () => t("chart.shareWonAxis")
};

/**
 * Dots with interval rules, one per level, labelled with n; a level with n = 0 shows "n = 0" only, and a level with
 * fewer than the minimum gets a hollow dot.
 */
export function winRateByLevelChart(
  levels: LevelRow[],
  {
    width = 640,
    height = 320,
    measure = "winRate",
    ...options
  }: {width?: number; height?: number; measure?: WinMeasure} & Record<string, unknown> = {}
) {
  const p = (d: LevelRow): Proportion => d[measure];
  const rated = levels.filter((d) => p(d).rate !== null);
  // The percent option scales values by 100, so the domain is in percent too.
  const top = Math.max(0.1, ...rated.map((d) => p(d).hi ?? 0));
  return plot({
    ...options,
    width,
    height,
    marginBottom: 48,
    insetTop: 16,
    x: {label: null, domain: levels.map((d) => d.label), tickSize: 0, tickFormat: twoLineLabel},
    y: {label: axisLabels[measure](), percent: true, grid: true, domain: [0, Math.min(100, top * 125)]},
    opacity: {type: "identity"},
    marks: [
      Plot.ruleX(rated, {
        x: "label",
        y1: (d: LevelRow) => p(d).lo,
        y2: (d: LevelRow) => p(d).hi,
        strokeWidth: 3,
        stroke: outcomeColors.won,
        strokeOpacity: 0.45
      }),
      // A hollow dot: the rate rests on fewer handoffs than the page trusts.
      Plot.dot(rated, {
        x: "label",
        y: (d: LevelRow) => p(d).rate,
        r: 5,
        stroke: outcomeColors.won,
        fill: outcomeColors.won,
        fillOpacity: (d: LevelRow) => (p(d).n < minimumClosed ? 0 : 1),
        title: (d: LevelRow) =>
          t(measure === "winRate" ? "chart.tipWinRate" : "chart.tipShareWon", {
            label: d.label,
            rate: formatPercent(p(d).rate),
            interval: formatInterval(p(d)),
            won: formatCount(d.won),
            n: formatCount(p(d).n),
            open: formatCount(d.open)
          }) +
          (p(d).n < minimumClosed
            ? t(measure === "winRate" ? "chart.tipFewClosed" : "chart.tipFewHandoffs", {min: minimumClosed})
            : "")
      }),
      Plot.text(rated, {
        x: "label",
        y: (d: LevelRow) => p(d).rate,
        text: (d: LevelRow) => formatPercent(p(d).rate),
        dx: 10,
        textAnchor: "start"
      }),
      Plot.text(levels, {
        x: "label",
        y: (d: LevelRow) => p(d).hi ?? 0,
        text: (d: LevelRow) => `n = ${formatCount(p(d).n)}`,
        dy: -10,
        fillOpacity: 0.7
      }),
      Plot.ruleY([0])
    ]
  });
}
