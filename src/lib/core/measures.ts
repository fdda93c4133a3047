/**
 * Small measures over rows of the extract that every page shares: outcome codes, durations in days, and a
 * proportion with its Wilson interval.
 */
import type {Extract} from "./extract.js";
import {handoffOutcomes, type HandoffOutcome} from "./model.js";
import {wilson, type Proportion} from "./stats.js";

/** The outcome codes stored in the extract. */
export const outcomeCode = Object.fromEntries(handoffOutcomes.map((d, i) => [d, i])) as Record<HandoffOutcome, number>;

/** Whether a handoff has ended (open handoffs have not, and are never counted as lost). */
export function isClosed(extract: Extract, row: number): boolean {
  return extract.columns.outcome[row] !== outcomeCode.open;
}

/** Whether a handoff was won. */
export function isWon(extract: Extract, row: number): boolean {
  return extract.columns.outcome[row] === outcomeCode.won;
}

/** An hours column's value at a row in days, exact, or null when missing. */
export function daysOf(column: Float64Array, row: number): number | null {
  const value = column[row];
  return Number.isNaN(value) ? null : value / 24;
}

/**
 * The known values of an hours column at `rows`, as days, sorted: a typed array sorted natively (mapped, filtered and
 * sorted through a comparator, they took ~390 ms of the timing page at a million leads, docs/page-speed.md).
 */
export function knownDays(hours: Float64Array, rows: ArrayLike<number>): number[] {
  const days = new Float64Array(rows.length);
  let n = 0;
  for (let i = 0; i < rows.length; ++i) {
    const value = hours[rows[i]];
    if (!Number.isNaN(value)) days[n++] = value / 24;
  }
  return Array.from(days.subarray(0, n).sort());
}

/**
 * What a win rate divides by: closed handoffs (open ones have not lost yet), or, for data that does not record lost
 * deals, all handoffs: the share won by the end of the data.
 */
export type Denominator = "closed" | "all";

/** Won ÷ closed over the given rows, with its Wilson interval. */
export function winRateOf(extract: Extract, rows: ArrayLike<number>): Proportion {
  let won = 0;
  let closed = 0;
  for (let i = 0; i < rows.length; ++i) {
    const outcome = extract.columns.outcome[rows[i]];
    if (outcome === outcomeCode.open) continue;
    ++closed;
    if (outcome === outcomeCode.won) ++won;
  }
  return wilson(won, closed);
}

/** Rows grouped by a key function (keys in first-seen order). */
export function groupRows<K>(rows: ArrayLike<number>, key: (row: number) => K): Map<K, number[]> {
  const groups = new Map<K, number[]>();
  for (let i = 0; i < rows.length; ++i) {
    const k = key(rows[i]);
    const group = groups.get(k);
    if (group) group.push(rows[i]);
    else groups.set(k, [rows[i]]);
  }
  return groups;
}

/** A labelled bin of a duration, [lo, hi) in the measure's unit. */
export interface Bin {
  label: string;
  lo: number;
  hi: number;
}

/** Wins and counted handoffs on each side of a split. */
export interface SplitCounts {
  yes: {won: number; n: number};
  no: {won: number; n: number};
}

/**
 * Wins and handoffs (closed ones, or all under the "all" denominator) on each side of a split of `rows`: `side`
 * says true or false for a row, or null to leave it out. What with-versus-without comparisons count.
 */
export function splitCounts(
  extract: Extract,
  rows: ArrayLike<number>,
  denominator: Denominator,
  side: (row: number) => boolean | null
): SplitCounts {
  const counts = {yes: {won: 0, n: 0}, no: {won: 0, n: 0}};
  const {outcome} = extract.columns;
  for (let i = 0; i < rows.length; ++i) {
    const row = rows[i];
    if (denominator === "closed" && outcome[row] === outcomeCode.open) continue;
    const which = side(row);
    if (which === null) continue;
    const counted = which ? counts.yes : counts.no;
    counted.n++;
    if (outcome[row] === outcomeCode.won) counted.won++;
  }
  return counts;
}

/** The bin a value falls in, or -1. */
export function binOf(bins: readonly Bin[], value: number): number {
  return bins.findIndex((d) => value >= d.lo && value < d.hi);
}
