/**
 * What each handoff will in the end bring: its win (0 or 1, or a chance while open), its total sales hours and its
 * revenue. A closed handoff brings what it brought. An open one is still in play at the data end, after being
 * followed for c hours; it is expected to end like the closed handoffs of its level that were still open at c —
 * weighted by the inverse chance of their being seen to close at all (inverse probability of censoring weights,
 * with the censoring survival G estimated by Kaplan–Meier over every handoff's follow-up), so that slow deals,
 * which the data end cuts off more often, count as often as they happen. Never the pooled rate of higher levels.
 */
import type {Extract} from "./extract.js";
import {outcomeCode} from "./measures.js";

/** Per row of the extract (filled for the rows asked for): expected win, total hours and revenue. */
export interface ExpectedOutcomes {
  win: Float64Array;
  hours: Float64Array;
  revenue: Float64Array;
  /** Open handoffs with no closed handoff of their level followed as long (their win counts as 0). */
  unmatched: number;
}

/** The Kaplan–Meier survival of censoring just before each closed handoff's close, per row (weights optional). */
function censoringWeights(extract: Extract, rows: ArrayLike<number>, weights?: ArrayLike<number>): Float64Array {
  const {outcome, hoursToClose, hoursToDataEnd} = extract.columns;
  const n = rows.length;
  const follow = new Float64Array(n);
  for (let i = 0; i < n; ++i) {
    const row = rows[i];
    follow[i] = outcome[row] === outcomeCode.open ? hoursToDataEnd[row] : Math.max(0, hoursToClose[row] || 0);
  }
  const order = Uint32Array.from(follow.keys()).sort((a, b) => follow[a] - follow[b]);
  const g = new Float64Array(extract.rows);
  let atRisk = 0;
  for (let i = 0; i < n; ++i) atRisk += weights ? weights[i] : 1;
  let survival = 1;
  for (let j = 0; j < n;) {
    const t = follow[order[j]];
    let censored = 0;
    let leaving = 0;
    const start = j;
    for (; j < n && follow[order[j]] === t; ++j) {
      const i = order[j];
      const w = weights ? weights[i] : 1;
      leaving += w;
      if (outcome[rows[i]] === outcomeCode.open) censored += w;
    }
    // Closed at t are weighted by G(t−): censoring at the same instant happens after them.
    for (let m = start; m < j; ++m) g[rows[order[m]]] = survival;
    if (atRisk > 0) survival *= 1 - censored / atRisk;
    atRisk -= leaving;
  }
  return g;
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
  const {outcome, salesHours, amount, hoursToClose, hoursToDataEnd} = extract.columns;
  const win = new Float64Array(extract.rows);
  const hours = new Float64Array(extract.rows);
  const revenue = new Float64Array(extract.rows);
  const g = censoringWeights(extract, rows, weights);
  const meanAmount = meanWonAmountByStage(extract, rows, stages);
  // Closed handoffs per level, longest first, with running sums of their inverse-censoring-weighted outcomes.
  const closedByStage = new Map<number, {follow: number; w: number; win: number; hours: number; revenue: number}[]>();
  const open: number[] = [];
  for (let i = 0; i < rows.length; ++i) {
    const row = rows[i];
    if (outcome[row] === outcomeCode.open) {
      open.push(row);
      continue;
    }
    const won = outcome[row] === outcomeCode.won;
    const value = won ? (Number.isNaN(amount[row]) ? (meanAmount.get(stages[row]) ?? 0) : amount[row]) : 0;
    win[row] = won ? 1 : 0;
    hours[row] = salesHours[row];
    revenue[row] = value;
    const w = (weights ? weights[i] : 1) / Math.max(g[row], 1e-9);
    if (w === 0) continue;
    const list = closedByStage.get(stages[row]) ?? [];
    list.push({
      follow: Math.max(0, hoursToClose[row] || 0),
      w,
      win: w * win[row],
      hours: w * hours[row],
      revenue: w * value
    });
    closedByStage.set(stages[row], list);
  }
  const suffix = new Map([...closedByStage].map(([stage, list]) => [stage, runningSums(list)]));
  let unmatched = 0;
  for (const row of open) {
    const sums = suffix.get(stages[row]);
    const later = sums ? laterThan(sums, hoursToDataEnd[row]) : null;
    if (!later) {
      unmatched++;
      hours[row] = salesHours[row];
      continue;
    }
    win[row] = later.win / later.w;
    hours[row] = Math.max(salesHours[row], later.hours / later.w);
    revenue[row] = later.revenue / later.w;
  }
  return {win, hours, revenue, unmatched};
}

interface RunningSums {
  follow: Float64Array;
  w: Float64Array;
  win: Float64Array;
  hours: Float64Array;
  revenue: Float64Array;
}

/** Sorted by follow-up, with sums over every entry from j to the end at [j]. */
function runningSums(list: {follow: number; w: number; win: number; hours: number; revenue: number}[]): RunningSums {
  list.sort((a, b) => a.follow - b.follow);
  const n = list.length;
  const sums: RunningSums = {
    follow: Float64Array.from(list, (d) => d.follow),
    w: new Float64Array(n + 1),
    win: new Float64Array(n + 1),
    hours: new Float64Array(n + 1),
    revenue: new Float64Array(n + 1)
  };
  for (let j = n - 1; j >= 0; --j) {
    sums.w[j] = sums.w[j + 1] + list[j].w;
    sums.win[j] = sums.win[j + 1] + list[j].win;
    sums.hours[j] = sums.hours[j + 1] + list[j].hours;
    sums.revenue[j] = sums.revenue[j + 1] + list[j].revenue;
  }
  return sums;
}

/** The sums over closed handoffs followed longer than `hours`, or null when there is none. */
function laterThan(sums: RunningSums, hours: number): {w: number; win: number; hours: number; revenue: number} | null {
  let lo = 0;
  let hi = sums.follow.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sums.follow[mid] <= hours) lo = mid + 1;
    else hi = mid;
  }
  if (sums.w[lo] <= 0) return null;
  return {w: sums.w[lo], win: sums.win[lo], hours: sums.hours[lo], revenue: sums.revenue[lo]};
}

/** Mean won amount per stage over won handoffs that have one. */
function meanWonAmountByStage(extract: Extract, rows: ArrayLike<number>, stages: Uint8Array): Map<number, number> {
  const sums = new Map<number, [number, number]>();
  for (let i = 0; i < rows.length; ++i) {
    const row = rows[i];
    const value = extract.columns.amount[row];
    if (extract.columns.outcome[row] !== outcomeCode.won || Number.isNaN(value)) continue;
    const sum = sums.get(stages[row]) ?? [0, 0];
    sum[0] += value;
    sum[1]++;
    sums.set(stages[row], sum);
  }
  return new Map([...sums].map(([stage, [total, count]]) => [stage, total / count]));
}
