/**
 * The company's own mix of handoff levels beside the SiriusDecisions survey benchmark (28/25/25/10/10%): does this
 * company hand off earlier or later than most?
 */
import * as Plot from "@observablehq/plot";
import {plot} from "./plot.js";
import {twoLineLabel, type LevelRow} from "./handoffs-by-level-chart.js";
import {t} from "../lib/i18n/i18n.js";

/** Grouped bars per level: this company's share of handoffs and the survey's share of companies, labelled. */
export function levelMixChart(
  levels: LevelRow[],
  {width = 640, height = 280, ...options}: {width?: number; height?: number} & Record<string, unknown> = {}
) {
  const mixSeries = [t("chart.thisCompany"), t("chart.survey")];
  const bars = levels.flatMap((d) => [
    {label: d.label, series: mixSeries[0], share: d.share ?? 0},
    ...(d.surveyShare === null ? [] : [{label: d.label, series: mixSeries[1], share: d.surveyShare}])
  ]);
  return plot({
    ...options,
    width,
    height,
    marginBottom: 48,
    insetTop: 14,
    fx: {label: null, domain: levels.map((d) => d.label), padding: 0.15, tickFormat: twoLineLabel},
    x: {axis: null, domain: mixSeries},
    y: {label: t("chart.mixAxis"), percent: true, grid: true},
    color: {domain: mixSeries, range: ["#4269d0", "#c3c9d4"], legend: true},
    marks: [
      Plot.barY(bars, {fx: "label", x: "series", y: "share", fill: "series", tip: true}),
      Plot.text(bars, {
        fx: "label",
        x: "series",
        y: "share",
        text: (d: {share: number}) => `${Math.round(d.share * 100)}%`,
        dy: -7
      }),
      Plot.ruleY([0])
    ]
  });
}
