/**
 * Campaigns, sources or segments side by side: each group's raw win rate with its 95% interval (faint where n is
 * small) and, as a ring, its empirical-Bayes shrunk rate, against the overall rate as a dashed line.
 */
import * as Plot from "@observablehq/plot";
import {formatCount, formatInterval, formatPercent} from "../lib/i18n/format.js";
import type {GroupSummary} from "../lib/analysis/campaigns.js";
import {outcomeColors} from "./outcomes.js";
import {plot, textWidth} from "./plot.js";
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
  // The names' room: what the longest needs (Plot's tick and padding, and a fifth for fonts wider than Plot's
  // measure), at most half the width, where the chart is narrow (the rates need less room than the names to be read),
  // and at most 420 px on a wide screen.
  const needed = Math.max(0, ...groups.map((d) => textWidth(groupTick(groups, d.key)))) * 1.2 + 9;
  const marginLeft = Math.max(40, Math.min(needed, width * 0.5, 420));
  const room = (marginLeft - 9) / 1.2;
  return plot({
    ...options,
    width,
    height: 40 + groups.length * 22,
    marginLeft,
    x: {label: `${rateName} (%) →`, percent: true, grid: true},
    y: {label: null, domain: groups.map((d) => d.key), tickFormat: (key: string) => groupTick(groups, key, room)},
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

/**
 * A group's tick: its name, cut in the middle to fit `room` pixels and 60 characters (the start names the channel,
 * the end often the period: "Webinar · Data…2024-Q3"), and its closed handoffs, which are never cut (the axis cut
 * them off at its end: "Webinar · Data platform 2024-Q3 (4…").
 */
export function groupTick(groups: GroupSummary[], key: string, room = Infinity): string {
  const n = ` (${formatCount(groups.find((d) => d.key === key)!.closed)})`;
  const fits = (name: string) => name.length <= 60 && textWidth(name + n) <= room;
  if (fits(key)) return key + n;
  for (let keep = Math.min(key.length, 59); keep > 2; --keep) {
    const head = Math.ceil(keep * 0.55);
    const name = `${key.slice(0, head).trimEnd()}…${key.slice(key.length - (keep - head)).trimStart()}`;
    if (fits(name)) return name + n;
  }
  return `${key.slice(0, 2)}…${n}`;
}
