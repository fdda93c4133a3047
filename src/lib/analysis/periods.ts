/**
 * Comparing two periods: "better or worse than last quarter?". The comparison period is the one just before the
 * chosen period, of equal length, or the same months a year earlier. Each rate is compared with the difference's
 * 95% interval (Newcombe's hybrid score); a change counts as beyond noise only when that interval excludes zero.
 */
import type {Extract} from "../core/extract.js";
import {monthName, monthNumber, selectRows, handoffMonths, type Filters} from "./filters.js";
import {outcomeCode} from "../core/measures.js";
import type {MonthlyLevelCounts} from "../core/overview.js";
import {newcombe, type ProportionDifference} from "../core/stats.js";

/** What the chosen period is compared with. */
export type CompareMode = "previous" | "year" | "none";

/** The modes, in the order the filter bar offers them. */
export const compareModes: CompareMode[] = ["previous", "year", "none"];

/** A period as first and last month ("YYYY-MM"), both included. */
export interface Period {
  from: string;
  to: string;
}

/** The period to compare `period` with, or null for "none". */
export function comparisonPeriod(period: Period, mode: CompareMode): Period | null {
  if (mode === "none") return null;
  const from = monthNumber(period.from);
  const to = monthNumber(period.to);
  const shift = mode === "year" ? 12 : to - from + 1;
  return {from: monthName(from - shift), to: monthName(to - shift)};
}

/** The period a filter selects: its own months, or the data's first and last where it leaves them open. */
export function filteredPeriod(filters: Filters, extract: Extract): Period {
  const months = handoffMonths(extract);
  return {from: filters.from ?? months[0], to: filters.to ?? months[months.length - 1]};
}

/** What a period's handoffs did: counts overall and per ladder level (index = level − 1). */
export interface PeriodFigures {
  period: Period;
  handoffs: number;
  won: number;
  closed: number;
  byLevel: {handoffs: number; won: number; closed: number}[];
}

/** The figures of the extract's rows in `period` under the other filters. */
export function periodFigures(extract: Extract, filters: Filters, period: Period, levels: number): PeriodFigures {
  const rows = selectRows(extract, {...filters, from: period.from, to: period.to});
  const figures: PeriodFigures = {
    period,
    handoffs: rows.length,
    won: 0,
    closed: 0,
    byLevel: Array.from({length: levels}, () => ({handoffs: 0, won: 0, closed: 0}))
  };
  const {outcome, stage} = extract.columns;
  for (const row of rows) {
    const level = figures.byLevel[Math.min(levels, Math.max(1, stage[row])) - 1];
    ++level.handoffs;
    if (outcome[row] === outcomeCode.open) continue;
    ++level.closed;
    ++figures.closed;
    if (outcome[row] === outcomeCode.won) {
      ++level.won;
      ++figures.won;
    }
  }
  return figures;
}

/** The figures of `period` added up from per-month counts (the overview's data). */
export function monthlyFigures(monthly: MonthlyLevelCounts[], period: Period, levels: number): PeriodFigures {
  const figures: PeriodFigures = {
    period,
    handoffs: 0,
    won: 0,
    closed: 0,
    byLevel: Array.from({length: levels}, () => ({handoffs: 0, won: 0, closed: 0}))
  };
  for (const d of monthly) {
    if (d.month < period.from || d.month > period.to) continue;
    const level = figures.byLevel[Math.min(levels, Math.max(1, d.level)) - 1];
    level.handoffs += d.handoffs;
    level.won += d.won;
    level.closed += d.closed;
    figures.handoffs += d.handoffs;
    figures.won += d.won;
    figures.closed += d.closed;
  }
  return figures;
}

/** The last `length` months of `months` (the data's months, in order) as a period. */
export function lastMonths(months: string[], length: number): Period {
  return {from: months[Math.max(0, months.length - length)], to: months[months.length - 1]};
}

/** One compared rate: both periods' k and n and the difference (current − comparison) with its interval. */
export interface ComparedRate {
  current: {k: number; n: number};
  comparison: {k: number; n: number};
  change: ProportionDifference;
  /** "up" or "down" when the interval excludes zero, else "noise"; null without cases in a period. */
  verdict: "up" | "down" | "noise" | null;
}

/** Compares k1/n1 (current) with k2/n2 (comparison). */
export function compareRate(k1: number, n1: number, k2: number, n2: number): ComparedRate {
  const change = newcombe(k1, n1, k2, n2);
  const verdict = change.lo === null ? null : change.lo > 0 ? "up" : change.hi! < 0 ? "down" : "noise";
  return {current: {k: k1, n: n1}, comparison: {k: k2, n: n2}, change, verdict};
}

/** The two periods' win rates and level shares compared. */
export interface PeriodComparison {
  current: PeriodFigures;
  comparison: PeriodFigures;
  winRate: ComparedRate;
  /** Per level: its share of the period's handoffs. */
  levelShares: ComparedRate[];
}

/**
 * Compares the figures of two periods; the win rate is over closed handoffs, or over all handoffs ("all") for data
 * without lost outcomes, where only the share won means anything.
 */
export function comparePeriods(
  current: PeriodFigures,
  comparison: PeriodFigures,
  denominator: "closed" | "all" = "closed"
): PeriodComparison {
  const n = (d: PeriodFigures) => (denominator === "closed" ? d.closed : d.handoffs);
  return {
    current,
    comparison,
    winRate: compareRate(current.won, n(current), comparison.won, n(comparison)),
    levelShares: current.byLevel.map((d, i) =>
      compareRate(d.handoffs, current.handoffs, comparison.byLevel[i].handoffs, comparison.handoffs)
    )
  };
}
