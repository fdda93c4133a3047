/**
 * What each handoff will in the end bring: its win (0 or 1, or a chance while open), its total sales hours and its
 * revenue. A closed handoff brings what it brought. An open one is still in play at the data end, after being
 * followed for c hours; it is expected to end like the closed handoffs of its level that were still open at c —
 * weighted by the inverse chance of their being seen to close at all (inverse probability of censoring weights,
 * with the censoring survival G estimated by Kaplan–Meier over every handoff's follow-up), so that slow deals,
 * which the data end cuts off more often, count as often as they happen. Never the pooled rate of higher levels.
 *
 * The bootstrap asks for this hundreds of times with other weights, so the orders are prepared once
 * (prepareOutcomes) and each call is a few linear sweeps.
 */
import type {Extract} from "../core/extract.js";
import {outcomeCode} from "../core/measures.js";

/** Per row of the extract (filled for the rows asked for): expected win, total hours and revenue. */
export interface ExpectedOutcomes {
  win: Float64Array;
  hours: Float64Array;
  revenue: Float64Array;
  /** Open handoffs with no closed handoff of their level followed as long (their win counts as 0). */
  unmatched: number;
}

/** The orders the sweeps need, for one set of rows and stages. */
export interface PreparedOutcomes {
  extract: Extract;
  rows: ArrayLike<number>;
  stages: Uint8Array;
  /** Follow-up per index of rows: to the close, or to the data end while open. */
  follow: Float64Array;
  open: Uint8Array;
  /** Indices of rows by follow-up, shortest first. */
  byFollow: Uint32Array;
  /** Won amount per index (a won deal without one counts at its level's mean), 0 unless won. */
  value: Float64Array;
}

/** Sorts once what every bootstrap resample sweeps. */
export function prepareOutcomes(extract: Extract, rows: ArrayLike<number>, stages: Uint8Array): PreparedOutcomes {
  const {outcome, hoursToClose, hoursToDataEnd, amount} = extract.columns;
  const n = rows.length;
  const follow = new Float64Array(n);
  const open = new Uint8Array(n);
  const value = new Float64Array(n);
  const sums = new Map<number, [number, number]>();
  for (let i = 0; i < n; ++i) {
    const row = rows[i];
    open[i] = outcome[row] === outcomeCode.open ? 1 : 0;
    follow[i] = open[i] ? hoursToDataEnd[row] : Math.max(0, hoursToClose[row] || 0);
    if (outcome[row] === outcomeCode.won && !Number.isNaN(amount[row])) {
      const sum = sums.get(stages[row]) ?? [0, 0];
      sum[0] += amount[row];
      sum[1]++;
      sums.set(stages[row], sum);
    }
  }
  for (let i = 0; i < n; ++i) {
    const row = rows[i];
    if (outcome[row] !== outcomeCode.won) continue;
    const mean = sums.get(stages[row]);
    value[i] = Number.isNaN(amount[row]) ? (mean ? mean[0] / mean[1] : 0) : amount[row];
  }
  const byFollow = Uint32Array.from({length: n}, (_, i) => i).sort(
    (a, b) => follow[a] - follow[b] || open[a] - open[b]
  );
  return {extract, rows, stages, follow, open, byFollow, value};
}

/**
 * Expected outcomes of `rows` (stages by the ladder in force), each row weighted by `weights[i]` (bootstrap) or 1.
 * Won deals without an amount count at their level's mean won amount.
 */
export function expectedOutcomes(
  extract: Extract,
  rows: ArrayLike<number>,
  stages: Uint8Array,
  weights?: ArrayLike<number>
): ExpectedOutcomes {
  return expectedFromPrepared(prepareOutcomes(extract, rows, stages), weights);
}

/** The same from prepared orders. */
export function expectedFromPrepared(prepared: PreparedOutcomes, weights?: ArrayLike<number>): ExpectedOutcomes {
  const {extract, rows, stages, follow, open, byFollow, value} = prepared;
  const {outcome, salesHours} = extract.columns;
  const n = rows.length;
  const weight = (i: number) => (weights ? weights[i] : 1);
  const win = new Float64Array(extract.rows);
  const hours = new Float64Array(extract.rows);
  const revenue = new Float64Array(extract.rows);
  // Censoring survival just before each closed handoff's close (censoring at the same instant comes after).
  const g = new Float64Array(n);
  let atRisk = 0;
  for (let i = 0; i < n; ++i) atRisk += weight(i);
  let survival = 1;
  for (let j = 0; j < n;) {
    const t = follow[byFollow[j]];
    let censored = 0;
    let leaving = 0;
    for (; j < n && follow[byFollow[j]] === t; ++j) {
      const i = byFollow[j];
      g[i] = survival;
      leaving += weight(i);
      if (open[i]) censored += weight(i);
    }
    if (atRisk > 0) survival *= 1 - censored / atRisk;
    atRisk -= leaving;
  }
  // From the longest follow-up down: running sums per level of closed handoffs followed longer than each open one.
  // A loop, not Math.max(...rows): spreading 716,003 arguments overflowed the call stack at a million leads.
  let top = 1;
  for (let i = 0; i < n; ++i) top = Math.max(top, stages[rows[i]] + 1);
  const sum = {
    w: new Float64Array(top),
    win: new Float64Array(top),
    hours: new Float64Array(top),
    revenue: new Float64Array(top)
  };
  let unmatched = 0;
  for (let j = n - 1; j >= 0;) {
    const t = follow[byFollow[j]];
    let start = j;
    while (start > 0 && follow[byFollow[start - 1]] === t) --start;
    // Open handoffs censored at t learn only from closes strictly later: answer them before adding closes at t.
    for (let m = start; m <= j; ++m) {
      const i = byFollow[m];
      if (!open[i]) continue;
      const row = rows[i];
      const s = stages[row];
      if (sum.w[s] <= 0) {
        unmatched++;
        hours[row] = salesHours[row];
        continue;
      }
      win[row] = sum.win[s] / sum.w[s];
      hours[row] = Math.max(salesHours[row], sum.hours[s] / sum.w[s]);
      revenue[row] = sum.revenue[s] / sum.w[s];
    }
    for (let m = start; m <= j; ++m) {
      const i = byFollow[m];
      if (open[i]) continue;
      const row = rows[i];
      const won = outcome[row] === outcomeCode.won ? 1 : 0;
      win[row] = won;
      hours[row] = salesHours[row];
      revenue[row] = value[i];
      const w = weight(i) / Math.max(g[i], 1e-9);
      const s = stages[row];
      sum.w[s] += w;
      sum.win[s] += w * won;
      sum.hours[s] += w * salesHours[row];
      sum.revenue[s] += w * value[i];
    }
    j = start - 1;
  }
  return {win, hours, revenue, unmatched};
}
