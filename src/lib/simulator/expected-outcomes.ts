/**
 * What each handoff will in the end bring: its win (0 or 1, or a chance while open), its total sales hours and its
 * revenue. A closed handoff brings what it brought. An open one is still in play at the data end, after being
 * followed for c hours; it is expected to end like the closed handoffs of its level that were still open at c —
 * weighted by the inverse chance of their being seen to close at all (inverse probability of censoring weights,
 * with the censoring survival G estimated by Kaplan–Meier over every handoff's follow-up), so that slow deals,
 * which the data end cuts off more often, count as often as they happen. Never the pooled rate of higher levels.
 * Where the data records no loss at all (won deals only), the closed handoffs are all wins and say nothing of how an
 * open one ends: open handoffs then count as they stand at the data end (not won, their hours so far), and the wins
 * are those won by then, a lower bound.
 *
 * The bootstrap asks for this hundreds of times with other weights, so the orders are prepared once
 * (follow-order.ts), and each call is a few linear sweeps.
 */
import {inFollowOrder, prepareOutcomes, type FollowOrder, type PreparedOutcomes} from "./follow-order.js";
import type {SimulatorExtract} from "./simulator-extract.js";
import {toEnd} from "./phases.js";
import {zeros, type Scratch} from "./scratch.js";

/**
 * Expected win, total hours and revenue: per index of rows (the i of rows[i]) from expectedOutcomes; per position in
 * the prepared follow order (prepared.order.byFollow[m] is the index) from expectedFromPrepared, the order in which
 * the simulator reads them.
 */
export interface ExpectedOutcomes {
  win: Float64Array;
  hours: Float64Array;
  revenue: Float64Array;
  /** Open handoffs with no closed handoff of their level followed as long (their win counts as 0). */
  unmatched: number;
}

/**
 * Expected outcomes of `rows` (stages by the ladder in force), each row weighted by `weights[i]` (bootstrap) or 1,
 * per index of rows. Won deals without an amount count at their level's mean won amount.
 */
export function expectedOutcomes(
  extract: SimulatorExtract,
  rows: ArrayLike<number>,
  stages: Uint8Array,
  weights?: ArrayLike<number>
): ExpectedOutcomes {
  const prepared = prepareOutcomes(extract, rows, stages);
  const positional = expectedFromPrepared(prepared, weights && inFollowOrder(prepared, weights));
  const {byFollow} = prepared.order;
  const byIndex = {
    win: new Float64Array(byFollow.length),
    hours: new Float64Array(byFollow.length),
    revenue: new Float64Array(byFollow.length),
    unmatched: positional.unmatched
  };
  for (let m = 0; m < byFollow.length; ++m) {
    byIndex.win[byFollow[m]] = positional.win[m];
    byIndex.hours[byFollow[m]] = positional.hours[m];
    byIndex.revenue[byFollow[m]] = positional.revenue[m];
  }
  return byIndex;
}

/** The same per position of the follow order, from prepared orders and weights in that order (inFollowOrder). */
export function expectedFromPrepared(prepared: PreparedOutcomes, weights?: Float64Array): ExpectedOutcomes {
  return toEnd(expectedInPhases(prepared, weights));
}

/**
 * expectedFromPrepared in phases: it pauses (yields nothing) after a weighted censoring survival and every few hundred
 * thousand positions of the sweep (a whole resample's sweep was one phase of 40–65 ms at a million leads). Its arrays
 * are taken from `scratch` if given (scratch.ts); an unweighted result is kept with `prepared`, so its scratch must
 * not be given to a weighted sweep.
 */
export function* expectedInPhases(
  prepared: PreparedOutcomes,
  weights?: Float64Array,
  scratch?: Scratch
): Generator<void, ExpectedOutcomes> {
  // Unweighted, it is the same every time: the estimate and the page's note on unmatched handoffs share it.
  let expected = weights ? undefined : unweighted.get(prepared);
  if (expected) return expected;
  const {order, stage} = prepared;
  const n = order.follow.length;
  // Unweighted, the censoring survival depends on the rows alone: kept with their follow order for every ladder.
  const g = weights ? censoringSurvival(order.follow, order.open, weights) : unweightedSurvival(order);
  if (weights) yield;
  // A loop, not Math.max(...stage): spreading 716,003 arguments overflowed the call stack at a million leads.
  let top = 1;
  for (let m = 0; m < n; ++m) top = Math.max(top, stage[m] + 1);
  const sweep: Sweep = {
    prepared,
    w: weights ?? ones(order),
    g,
    unmatched: 0,
    out: {
      win: zeros(scratch, "expectedWin", Float64Array, n),
      hours: zeros(scratch, "expectedHours", Float64Array, n),
      revenue: zeros(scratch, "expectedRevenue", Float64Array, n)
    },
    sums: {
      w: new Float64Array(top),
      win: new Float64Array(top),
      hours: new Float64Array(top),
      revenue: new Float64Array(top)
    }
  };
  for (let j = n - 1; j >= 0; j = sweepDown(sweep, j, j - positionsPerPhase)) if (j < n - 1) yield;
  expected = {...sweep.out, unmatched: sweep.unmatched};
  if (!weights) unweighted.set(prepared, expected);
  return expected;
}

const unweighted = new WeakMap<PreparedOutcomes, ExpectedOutcomes>();

/** Positions of the follow order swept per phase: about 10 ms at a million leads in Node. */
const positionsPerPhase = 1 << 18;

/** A sweep's state: its inputs, what it writes per position, and its running sums per level. */
interface Sweep {
  prepared: PreparedOutcomes;
  w: Float64Array;
  g: Float64Array;
  unmatched: number;
  out: {win: Float64Array; hours: Float64Array; revenue: Float64Array};
  sums: {w: Float64Array; win: Float64Array; hours: Float64Array; revenue: Float64Array};
}

/**
 * Sweeps from position j down, a group of equal follow-ups at a time, until past `limit`: running sums per level of
 * closed handoffs followed longer than each open one, from the longest follow-up down. Returns where to go on.
 */
function sweepDown(sweep: Sweep, j: number, limit: number): number {
  const {prepared, w, g, out, sums} = sweep;
  const {order, stage, value} = prepared;
  const {follow, open, won, salesHours} = order;
  const {win, hours, revenue} = out;
  let unmatched = 0;
  while (j >= 0 && j > limit) {
    const t = follow[j];
    let start = j;
    while (start > 0 && follow[start - 1] === t) --start;
    // Open handoffs censored at t learn only from closes strictly later: answer them before adding closes at t.
    for (let m = start; m <= j; ++m) {
      if (!open[m]) continue;
      const s = stage[m];
      if (order.imputeOpen && sums.w[s] <= 0) unmatched++;
      if (!order.imputeOpen || sums.w[s] <= 0) {
        hours[m] = salesHours[m];
        continue;
      }
      win[m] = sums.win[s] / sums.w[s];
      hours[m] = Math.max(salesHours[m], sums.hours[s] / sums.w[s]);
      revenue[m] = sums.revenue[s] / sums.w[s];
    }
    for (let m = start; m <= j; ++m) {
      if (open[m]) continue;
      win[m] = won[m];
      hours[m] = salesHours[m];
      revenue[m] = value[m];
      const weighted = w[m] / Math.max(g[m], 1e-9);
      const s = stage[m];
      sums.w[s] += weighted;
      sums.win[s] += weighted * won[m];
      sums.hours[s] += weighted * salesHours[m];
      sums.revenue[s] += weighted * value[m];
    }
    j = start - 1;
  }
  sweep.unmatched += unmatched;
  return j;
}

const unitWeights = new WeakMap<FollowOrder, Float64Array>();
const survivals = new WeakMap<FollowOrder, Float64Array>();

/** Weight 1 for every position of `order`, made once per order. */
function ones(order: FollowOrder): Float64Array {
  let w = unitWeights.get(order);
  if (!w) unitWeights.set(order, (w = new Float64Array(order.follow.length).fill(1)));
  return w;
}

/** The unweighted censoring survival of `order`, computed once per order. */
function unweightedSurvival(order: FollowOrder): Float64Array {
  let g = survivals.get(order);
  if (!g) survivals.set(order, (g = censoringSurvival(order.follow, order.open, ones(order))));
  return g;
}

/** Kaplan–Meier censoring survival just before each position's follow-up (censoring at the same instant comes after). */
function censoringSurvival(follow: Float64Array, open: Uint8Array, w: Float64Array): Float64Array {
  const n = follow.length;
  const g = new Float64Array(n);
  let atRisk = 0;
  for (let m = 0; m < n; ++m) atRisk += w[m];
  let survival = 1;
  for (let j = 0; j < n;) {
    const t = follow[j];
    let censored = 0;
    let leaving = 0;
    for (; j < n && follow[j] === t; ++j) {
      g[j] = survival;
      leaving += w[j];
      if (open[j]) censored += w[j];
    }
    if (atRisk > 0) survival *= 1 - censored / atRisk;
    atRisk -= leaving;
  }
  return g;
}
