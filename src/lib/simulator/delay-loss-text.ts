/**
 * The simulator's assumption line about the delay loss: the value in force and where it comes from — estimated from
 * the data (with the closed handoffs and win rates it rests on), or set by hand, and then why the data could not give
 * it (no times, no handoff timestamp, too few slow or fast closed handoffs).
 */
import type {DatasetLimits} from "../core/dataset.js";
import {minimumClosed} from "../core/stats.js";
import {formatCount, formatPercent} from "../i18n/format.js";
import {t} from "../i18n/i18n.js";
import type {DelayLossEstimate} from "./delay-loss.js";

/** The line for the delay loss `delayLoss` in force, given what the export records and the data's estimate. */
export function delayLossText(limits: DatasetLimits, estimate: DelayLossEstimate, delayLoss: number): string {
  const loss = formatPercent(delayLoss);
  if (!limits.eventTimes) return t("simulator.a4NoTimes", {loss});
  if (!limits.handoffTimestamp) return t("simulator.a4NoHandoffTime", {loss});
  const slow = formatCount(estimate.slow);
  const fast = formatCount(estimate.fast);
  if (!estimate.estimated) return t("simulator.a4NoSpread", {loss, slow, fast, min: minimumClosed});
  const rates = {slowRate: formatPercent(estimate.slowRate), fastRate: formatPercent(estimate.fastRate)};
  return t("simulator.a4", {loss, slow, fast, ...rates});
}
