/**
 * The lower end of how far a deferred lead would have climbed: as far as its own evidence went by its close.
 *
 * The nurture model (nurture.ts) learns how leads climb from the leads marketing kept. Where the teams that hand off
 * at once get weaker leads than the teams that wait, those are the wrong leads to learn from, and it lets too many
 * deferred leads reach k (the teams-differ scenario, docs/simulator.md). A handed-off lead's evidence after its
 * handoff shows how far it did climb while sales worked it, cut off at its close: no further than nurture would
 * have seen, unless sales made the evidence itself (the leakage scenario), when it shows more. So it is taken only
 * where it reaches fewer deferred leads than the nurture model does, as the lower end of the climb: each policy then
 * has a third and a fourth figure ("bar" and "self" with this climb), which the intervals and the decision take in.
 */
import type {ExpectedOutcomes} from "./expected-outcomes.js";
import type {SimulatorData} from "./simulator-data.js";

/**
 * Per stage s at the handoff and level c climbed by the close: the handoffs' weight, expected wins, hours and
 * revenue, at [(s · (top + 1) + c) · 4 + field]; top is the highest level.
 */
export interface ClimbSums {
  top: number;
  sums: Float64Array;
}

/** Sums the handoffs by stage and climbed level (weights in the follow order, as the estimate reads them). */
export function climbSums(data: SimulatorData, expected: ExpectedOutcomes, weights?: Float64Array): ClimbSums {
  const top = Math.max(...data.levels);
  const sums = new Float64Array((top + 1) * (top + 1) * 4);
  const {stage} = data.prepared;
  const climbed = data.climbedByFollow;
  const {win, hours, revenue} = expected;
  for (let m = 0; m < stage.length; ++m) {
    const w = weights ? weights[m] : 1;
    if (w === 0) continue;
    const c = (stage[m] * (top + 1) + climbed[m]) * 4;
    sums[c] += w;
    sums[c + 1] += w * win[m];
    sums[c + 2] += w * hours[m];
    sums[c + 3] += w * revenue[m];
  }
  return {top, sums};
}

/** What the deferred handoffs of one policy bring: how many reach k, their wins, hours and revenue. */
export interface DeferredFigures {
  reached: number;
  wins: number;
  salesHours: number;
  revenue: number;
}

/**
 * Policy k's deferred handoffs (stage below k) if each reached k only when its own evidence climbed to k by its
 * close: under "bar" each brings what a handoff at level k brings on average (`barAtK`; nothing where no level at
 * or above k has handoffs), under "self" its own expected outcome, less `delayLoss` of its wins and revenue.
 */
export function climbedDeferred(
  k: number,
  delayLoss: number,
  {top, sums}: ClimbSums,
  barAtK: {win: number; hours: number; revenue: number}
): {bar: DeferredFigures; self: DeferredFigures} {
  const bar = {reached: 0, wins: 0, salesHours: 0, revenue: 0};
  const self = {reached: 0, wins: 0, salesHours: 0, revenue: 0};
  const keep = 1 - delayLoss;
  const known = !Number.isNaN(barAtK.win);
  for (let s = 0; s < Math.min(k, top + 1); ++s) {
    for (let c = k; c <= top; ++c) {
      const at = (s * (top + 1) + c) * 4;
      const w = sums[at];
      if (w === 0) continue;
      bar.reached += w;
      if (known) {
        bar.wins += w * barAtK.win;
        bar.salesHours += w * barAtK.hours;
        bar.revenue += w * barAtK.revenue;
      }
      self.wins += sums[at + 1] * keep;
      self.salesHours += sums[at + 2];
      self.revenue += sums[at + 3] * keep;
    }
  }
  self.reached = bar.reached;
  return {bar, self};
}
