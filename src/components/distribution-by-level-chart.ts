/**
 * How long leads take to reach sales, per level: the middle half of the handoffs as a bar (25th–75th percentile),
 * the 10th–90th percentile as a line, the median as a tick, with n per level.
 */
import * as Plot from "@observablehq/plot";
import {plot} from "./plot.js";
import type {LevelDistribution} from "../lib/analysis/timing.js";
import {formatCount, formatNumber} from "../lib/i18n/format.js";
import {t} from "../lib/i18n/i18n.js";

/** Rows need a display label per level. */
export type LabelledDistribution = LevelDistribution & {label: string};

/** Box-style distribution per level on a logarithmic day axis (handoffs range from hours to months). */
export function distributionByLevelChart(
  rows: LabelledDistribution[],
  {width = 640, height = 260, ...options}: {width?: number; height?: number} & Record<string, unknown> = {}
) {
  const shown = rows.filter((d) => d.n > 0);
  const marginLeft = Math.min(210, width / 3);
  const max = Math.max(1, ...shown.map((d) => d.p90 ?? 0));
  return plot({
    ...options,
    width,
    height,
    marginLeft,
    x: {
      type: "symlog",
      label: t("chart.daysToHandoffAxis"),
      grid: true,
      // From 0 so that the first tick is "0 days" whatever the data's shortest handoff.
      domain: [0, max],
      ticks: dayTicks(max, width - marginLeft - 20)
    },
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
          t("chart.tipDistribution", {
            label: d.label,
            median: oneDecimal(d.median),
            p25: oneDecimal(d.p25),
            p75: oneDecimal(d.p75),
            n: formatCount(d.n)
          })
      })
    ]
  });
}

/** Ticks a reader knows (day, week, month, quarter, year) for a day axis; `0` is exact, "d" stays in the axis label. */
const coarseDays = [0, 1, 7, 30, 90, 365, 730, 1825, 3650];
/** Between the coarse ticks where there is room for them. */
const fineDays = [2, 14, 60, 180, 1095];

/**
 * Tick values for a symlog day axis reaching `max` days over `innerWidth` pixels. A symlog scale's own ticks are
 * linear (0, 20, 40, … 100), which crowd together at the far end where the axis is logarithmic: "80" ran into "100".
 * The fine ticks join only when the narrowest gap they leave is at least 36 px (the width of "1,095" and a space).
 */
export function dayTicks(max: number, innerWidth: number): number[] {
  const position = (d: number) => Math.log1p(d);
  const within = (d: number) => d <= max;
  const coarse = coarseDays.filter(within);
  const all = [...coarse, ...fineDays.filter(within)].sort((a, b) => a - b);
  const pixelsPerUnit = innerWidth / Math.max(position(max), position(1));
  const narrowest = Math.min(...all.slice(1).map((d, i) => position(d) - position(all[i]!)));
  return narrowest * pixelsPerUnit >= 36 ? all : coarse;
}

function describe(d: LabelledDistribution): string {
  return `${d.label}\nn = ${formatCount(d.n)}${d.median === null ? "" : `, ${t("chart.median")} ${formatNumber(d.median, 1)} d`}`;
}

/** A number of days with one decimal, as the page's language writes it; a dash for none. */
function oneDecimal(value: number | null | undefined): string {
  return value === null || value === undefined ? "–" : formatNumber(value, 1);
}
