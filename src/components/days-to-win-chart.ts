/**
 * How long a group's won handoffs took from handoff to the win: a histogram of days, so that a campaign whose wins
 * come fast is told apart from one whose wins trickle in over a year.
 */
import * as Plot from "@observablehq/plot";
import {t} from "../lib/i18n/i18n.js";
import {outcomeColors} from "./outcomes.js";
import {plot} from "./plot.js";

/** The chart of the given days to win (one number per won handoff). */
export function daysToWinChart(
  days: number[],
  {width = 520, ...options}: {width?: number} & Record<string, unknown> = {}
) {
  return plot({
    ...options,
    width,
    height: 140,
    x: {label: t("campaigns.daysToWinAxis")},
    y: {label: t("campaigns.wins"), grid: true},
    marks: [
      Plot.rectY(days, {...Plot.binX({y: "count"}, {x: (d: number) => d}), fill: outcomeColors.won}),
      Plot.ruleY([0])
    ]
  });
}
