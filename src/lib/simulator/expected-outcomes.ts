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
 * (prepareOutcomes), every column the sweeps read is laid out in that order (a sweep in row order jumps around
 * memory: at a million leads that cost four fifths of its time), and each call is a few linear sweeps.
 */
import type {SimulatorExtract} from "./simulator-extract.js";
import {outcomeCode} from "../core/measures.js";
import {lossesRecorded} from "./unmeasured.js";

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

/** The rows by follow-up (to the close, or to the data end while open), shortest first: what every sweep reads. */
export interface FollowOrder {
  extract: SimulatorExtract;
  /** Indices of rows in that order; the arrays below are at the same positions. */
  byFollow: Uint32Array;
  follow: Float64Array;
  open: Uint8Array;
  won: Uint8Array;
  salesHours: Float64Array;
  amount: Float64Array;
  /** Whether the data records losses, so that open handoffs can be expected to end like closed ones. */
  imputeOpen: boolean;
}

/** The orders the sweeps need, for one set of rows and stages. */
export interface PreparedOutcomes {
  rows: ArrayLike<number>;
  order: FollowOrder;
  /** Stage at each position of the order. */
  stage: Uint8Array;
  /** Won amount at each position (a won deal without one counts at its level's mean), 0 unless won. */
  value: Float64Array;
}

/** One follow order per set of rows: a page re-classifying after a ladder edit keeps its rows and skips the sort. */
const followOrders = new WeakMap<object, FollowOrder>();

/** The follow order of `rows`, sorted once per set of rows (by identity) and extract. */
export function followOrder(extract: SimulatorExtract, rows: ArrayLike<number>): FollowOrder {
  const cached = followOrders.get(rows);
  if (cached?.extract === extract) return cached;
  const {outcome, hoursToClose, hoursToDataEnd, salesHours, amount} = extract.columns;
  const n = rows.length;
  const follows = new Float64Array(n);
  const opens = new Uint8Array(n);
  for (let i = 0; i < n; ++i) {
    const row = rows[i];
    opens[i] = outcome[row] === outcomeCode.open ? 1 : 0;
    follows[i] = opens[i] ? hoursToDataEnd[row] : Math.max(0, hoursToClose[row] || 0);
  }
  const byFollow = Uint32Array.from({length: n}, (_, i) => i).sort(
    (a, b) => follows[a] - follows[b] || opens[a] - opens[b]
  );
  const order = {
    extract,
    byFollow,
    follow: new Float64Array(n),
    open: new Uint8Array(n),
    won: new Uint8Array(n),
    salesHours: new Float64Array(n),
    amount: new Float64Array(n),
    imputeOpen: lossesRecorded(extract)
  };
  for (let m = 0; m < n; ++m) {
    const i = byFollow[m];
    const row = rows[i];
    order.follow[m] = follows[i];
    order.open[m] = opens[i];
    order.won[m] = outcome[row] === outcomeCode.won ? 1 : 0;
    order.salesHours[m] = salesHours[row];
    order.amount[m] = amount[row];
  }
  followOrders.set(rows, order);
  return order;
}

/** Sorts once what every bootstrap resample sweeps, for rows at `stages` (per extract row). */
export function prepareOutcomes(
  extract: SimulatorExtract,
  rows: ArrayLike<number>,
  stages: Uint8Array
): PreparedOutcomes {
  const order = followOrder(extract, rows);
  const stage = Uint8Array.from(order.byFollow, (i) => stages[rows[i]]);
  return outcomesInOrder(rows, order, stage);
}

/** The same from the stage at each position of the follow order (what the simulator works out in that order). */
export function outcomesInOrder(rows: ArrayLike<number>, order: FollowOrder, stage: Uint8Array): PreparedOutcomes {
  const {won, amount} = order;
  const n = stage.length;
  // Per stage (a byte): the won amounts' sum and count, for the mean that a won deal without an amount counts at.
  const sum = new Float64Array(256);
  const count = new Uint32Array(256);
  for (let m = 0; m < n; ++m) {
    if (!won[m] || Number.isNaN(amount[m])) continue;
    sum[stage[m]] += amount[m];
    count[stage[m]]++;
  }
  const value = new Float64Array(n);
  for (let m = 0; m < n; ++m) {
    if (!won[m]) continue;
    const s = stage[m];
    value[m] = Number.isNaN(amount[m]) ? (count[s] ? sum[s] / count[s] : 0) : amount[m];
  }
  return {rows, order, stage, value};
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

/** Weights per index of rows, laid out in the follow order. */
export function inFollowOrder(prepared: PreparedOutcomes, weights: ArrayLike<number>): Float64Array {
  const {byFollow} = prepared.order;
  const out = new Float64Array(byFollow.length);
  for (let m = 0; m < byFollow.length; ++m) out[m] = weights[byFollow[m]];
  return out;
}

/** The same per position of the follow order, from prepared orders and weights in that order (inFollowOrder). */
export function expectedFromPrepared(prepared: PreparedOutcomes, weights?: Float64Array): ExpectedOutcomes {
  if (weights) return expectedSweep(prepared, weights);
  // Unweighted, it is the same every time: the estimate and the page's note on unmatched handoffs share it.
  let expected = unweighted.get(prepared);
  if (!expected) unweighted.set(prepared, (expected = expectedSweep(prepared)));
  return expected;
}

const unweighted = new WeakMap<PreparedOutcomes, ExpectedOutcomes>();

function expectedSweep(prepared: PreparedOutcomes, weights?: Float64Array): ExpectedOutcomes {
  const {order, stage, value} = prepared;
  const {follow, open, won, salesHours} = order;
  const n = follow.length;
  const w = weights ?? ones(order);
  // Unweighted, the censoring survival depends on the rows alone: kept with their follow order for every ladder.
  const g = weights ? censoringSurvival(follow, open, w) : unweightedSurvival(order);
  const win = new Float64Array(n);
  const hours = new Float64Array(n);
  const revenue = new Float64Array(n);
  // From the longest follow-up down: running sums per level of closed handoffs followed longer than each open one.
  // A loop, not Math.max(...stage): spreading 716,003 arguments overflowed the call stack at a million leads.
  let top = 1;
  for (let m = 0; m < n; ++m) top = Math.max(top, stage[m] + 1);
  const sumW = new Float64Array(top);
  const sumWin = new Float64Array(top);
  const sumHours = new Float64Array(top);
  const sumRevenue = new Float64Array(top);
  let unmatched = 0;
  for (let j = n - 1; j >= 0;) {
    const t = follow[j];
    let start = j;
    while (start > 0 && follow[start - 1] === t) --start;
    // Open handoffs censored at t learn only from closes strictly later: answer them before adding closes at t.
    for (let m = start; m <= j; ++m) {
      if (!open[m]) continue;
      const s = stage[m];
      if (!order.imputeOpen) {
        hours[m] = salesHours[m];
        continue;
      }
      if (sumW[s] <= 0) {
        unmatched++;
        hours[m] = salesHours[m];
        continue;
      }
      win[m] = sumWin[s] / sumW[s];
      hours[m] = Math.max(salesHours[m], sumHours[s] / sumW[s]);
      revenue[m] = sumRevenue[s] / sumW[s];
    }
    for (let m = start; m <= j; ++m) {
      if (open[m]) continue;
      win[m] = won[m];
      hours[m] = salesHours[m];
      revenue[m] = value[m];
      const weighted = w[m] / Math.max(g[m], 1e-9);
      const s = stage[m];
      sumW[s] += weighted;
      sumWin[s] += weighted * won[m];
      sumHours[s] += weighted * salesHours[m];
      sumRevenue[s] += weighted * value[m];
    }
    j = start - 1;
  }
  return {win, hours, revenue, unmatched};
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
