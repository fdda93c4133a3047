/**
 * Which single fact known at handoff goes with winning: for each evidence type, the win rate of handoffs that had
 * it beside those that did not, with 95% intervals and n.
 */
import * as Plot from "@observablehq/plot";
import {plot} from "./plot.js";
import type {Criterion} from "../lib/analysis/conversion.js";
import {t} from "../lib/i18n/i18n.js";
import {formatCount, formatInterval, formatPercent} from "../lib/i18n/format.js";

/** Paired dots with intervals per evidence type, sorted by the difference. */
export function criteriaChart(
  rows: Criterion[],
  {
    width = 640,
    height,
    label = (d: string) => d,
    ...options
  }: {width?: number; height?: number; label?: (evidence: string) => string} & Record<string, unknown> = {}
) {
  const sides = [t("chart.known"), t("chart.notKnown")];
  const sorted = [...rows].sort((a, b) => (b.difference ?? -2) - (a.difference ?? -2));
  const points = sorted
    .flatMap((d) => [
      {evidence: label(d.evidence), key: d.evidence, known: true, side: sides[0], ...d.with},
      {evidence: label(d.evidence), key: d.evidence, known: false, side: sides[1], ...d.without}
    ])
    .filter((d) => d.rate !== null);
  return plot({
    ...options,
    width,
    height: height ?? 50 + sorted.length * 34,
    marginLeft: Math.min(170, width / 3),
    x: {label: t("chart.winRateArrow"), percent: true, grid: true},
    fy: {label: null, domain: sorted.map((d) => label(d.evidence)), padding: 0.1},
    y: {axis: null, domain: sides},
    color: {domain: sides, range: ["#2f9e6e", "#a9b4c2"], legend: true},
    marks: [
      Plot.ruleY(points, {
        fy: "evidence",
        y: "side",
        x1: "lo",
        x2: "hi",
        stroke: "side",
        strokeWidth: 3,
        strokeOpacity: 0.4
      }),
      Plot.dot(points, {
        fy: "evidence",
        y: "side",
        x: "rate",
        fill: "side",
        r: 4,
        title: (d: {side: string; rate: number; lo: number; hi: number; k: number; n: number}) =>
          t("chart.tipProportion", {
            label: d.side,
            rate: formatPercent(d.rate),
            interval: formatInterval(d),
            k: formatCount(d.k),
            n: formatCount(d.n)
          })
      })
    ]
  });
}
