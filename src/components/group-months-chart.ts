/**
 * One campaign's (source's, segment's) handoffs by month of handoff, stacked by the level they were handed off at,
 * so that a campaign whose leads arrive ever less qualified shows it. Months with a tick only at each January once
 * there are more than twelve, so that labels never run into each other.
 */
import * as Plot from "@observablehq/plot";
import {t} from "../lib/i18n/i18n.js";
import type {CampaignDetail} from "../lib/analysis/campaigns.js";
import {plot} from "./plot.js";
import {levelColors} from "./level-colors.js";

/** The chart; `levelLabels` names the levels in ladder order ("3 · Need"). */
export function groupMonthsChart(
  months: CampaignDetail["months"],
  {width = 520, levelLabels, ...options}: {width?: number; levelLabels: string[]} & Record<string, unknown>
) {
  const cells = months.flatMap((m) => m.counts.map((count, i) => ({month: m.month, level: levelLabels[i], count})));
  return plot({
    ...options,
    width,
    height: 200,
    x: {label: null, type: "band", tickFormat: (d: string) => (d.endsWith("-01") || months.length < 13 ? d : "")},
    y: {label: t("chart.handoffs"), grid: true},
    color: {domain: levelLabels, range: levelColors(levelLabels.length), legend: true},
    marks: [Plot.barY(cells, {x: "month", y: "count", fill: "level", order: levelLabels, tip: true}), Plot.ruleY([0])]
  });
}
