/**
 * How long leads take to reach sales, per level: the middle half of the handoffs as a bar (25th–75th percentile),
 * the 10th–90th percentile as a line, the median as a tick, with n per level.
 */
import * as Plot from "@observablehq/plot";
import {plot} from "./plot.js";
import type {LevelDistribution} from "../lib/timing.js";
import {formatCount, formatNumber} from "../lib/format.js";
import {t} from "../lib/i18n.js";

/** Rows need a display label per level. */
export type LabelledDistribution = LevelDistribution & {label: string};

/** Box-style distribution per level on a logarithmic day axis (handoffs range from hours to months). */
export function distributionByLevelChart(
  rows: LabelledDistribution[],
  {width = 640, height = 260, ...options}: {width?: number; height?: number} & Record<string, unknown> = {}
) {
  const shown = rows.filter((d) => d.n > 0);
  return plot({
    ...options,
    width,
    height,
    marginLeft: Math.min(210, width / 3),
    x: {type: "symlog", label: t("chart.daysToHandoffAxis"), grid: true},
    // n and the median go into the level's tick label, where they cannot collide with the boxes.
    y: {
      label: null,
      domain: rows.map((d) => d.label),
      tickFormat: (label: string) => describe(rows.find((d) => d.label === label)!)
    },
    marks: [
      Plot.ruleY(shown, {y: "label", x1: "p10", x2: "p90", strokeOpacity: 0.5}),
      Plot.barX(shown, {
        y: "label",
        x1: "p25",
        x2: "p75",
        fill: "#4269d0",
        fillOpacity: 0.6,
        insetTop: 6,
        insetBottom: 6
      }),
      Plot.tickX(shown, {
        y: "label",
        x: "median",
        strokeWidth: 3,
        insetTop: 4,
        insetBottom: 4,
        title: (d: LabelledDistribution) =>
          `${d.label}: median ${d.median?.toFixed(1)} days; middle half ${d.p25?.toFixed(1)}–${d.p75?.toFixed(1)}; n = ${d.n}`
      })
    ]
  });
}

function describe(d: LabelledDistribution): string {
  return `${d.label}\nn = ${formatCount(d.n)}${d.median === null ? "" : `, ${t("chart.median")} ${formatNumber(d.median, 1)} d`}`;
}
