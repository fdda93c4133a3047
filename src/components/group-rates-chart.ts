/**
 * Campaigns, sources or segments side by side: each group's raw win rate with its 95% interval (faint where n is
 * small) and, as a ring, its empirical-Bayes shrunk rate, against the overall rate as a dashed line.
 */
import * as Plot from "@observablehq/plot";
import {formatCount, formatInterval, formatPercent} from "../lib/i18n/format.js";
import type {GroupSummary} from "../lib/analysis/campaigns.js";
import {outcomeColors} from "./outcomes.js";
import {plot} from "./plot.js";
import {t} from "../lib/i18n/i18n.js";

/** The chart; `overall` is the rate over all groups, `rateName` the measure's name. */
export function groupRatesChart(
  groups: GroupSummary[],
  {
    width = 640,
    overall,
    rateName = "Win rate",
    ...options
  }: {width?: number; overall: number; rateName?: string} & Record<string, unknown>
) {
  const rated = groups.filter((d) => d.winRate.rate !== null);
  return plot({
    ...options,
    width,
    height: 40 + groups.length * 22,
    marginLeft: Math.min(300, width * 0.4),
    x: {label: `${rateName} (%) →`, percent: true, grid: true},
    y: {label: null, domain: groups.map((d) => d.key), tickFormat: (key: string) => groupTick(groups, key)},
    opacity: {type: "identity"},
    marks: [
      Plot.ruleX([overall], {strokeDasharray: "4,3"}),
      Plot.ruleY(rated, {
        y: "key",
        x1: (d: GroupSummary) => d.winRate.lo,
        x2: (d: GroupSummary) => d.winRate.hi,
        stroke: outcomeColors.won,
        strokeOpacity: 0.4,
        strokeWidth: 3
      }),
      Plot.dot(rated, {
        y: "key",
        x: (d: GroupSummary) => d.winRate.rate,
        fill: outcomeColors.won,
        fillOpacity: (d: GroupSummary) => (d.small ? 0.3 : 1),
        r: 4,
        title: (d: GroupSummary) =>
          t("chart.tipGroupRate", {
            label: d.key,
            rate: formatPercent(d.winRate.rate),
            interval: formatInterval(d.winRate),
            n: formatCount(d.closed),
            shrunk: formatPercent(d.shrunkWinRate)
          })
      }),
      Plot.dot(groups, {y: "key", x: "shrunkWinRate", stroke: "currentColor", r: 6})
    ]
  });
}

/** A group's tick: its name cut to fit, and its closed handoffs. */
function groupTick(groups: GroupSummary[], key: string): string {
  const name = key.length > 34 ? `${key.slice(0, 32)}…` : key;
  return `${name} (${formatCount(groups.find((d) => d.key === key)!.closed)})`;
}
