/**
 * The handoff timing page's numbers, for sales leadership: how long leads take to reach sales, how fast sales
 * follows up, where sales time goes, how the level mix moves over time, and what sales does with each handoff.
 * Everything is computed from the extract's rows that pass the page's filters.
 */
import type {DetailedExtract} from "../core/extract.js";
import {rowsByMonth} from "./filters.js";
import {quantileSorted} from "d3-array";
import {binOf, daysOf, groupRows, knownDays, isWon, outcomeCode, type Bin, type Denominator} from "../core/measures.js";
import {wilson, type Proportion} from "../core/stats.js";

/** Days from lead creation to handoff. */
export const daysToHandoffBins: Bin[] = [
  {label: "< 1 day", lo: 0, hi: 1},
  {label: "1–3 days", lo: 1, hi: 3},
  {label: "3–7 days", lo: 3, hi: 7},
  {label: "1–2 weeks", lo: 7, hi: 14},
  {label: "2–4 weeks", lo: 14, hi: 30},
  {label: "1–2 months", lo: 30, hi: 61},
  {label: "2+ months", lo: 61, hi: Infinity}
];

/** Hours from handoff to the first sales touch. */
export const firstTouchBins: Bin[] = [
  {label: "< 1 hour", lo: 0, hi: 1},
  {label: "1–4 hours", lo: 1, hi: 4},
  {label: "4–24 hours", lo: 4, hi: 24},
  {label: "1–3 days", lo: 24, hi: 72},
  {label: "3–7 days", lo: 72, hi: 168},
  {label: "1+ week", lo: 168, hi: Infinity}
];

/** The distribution of days to handoff at one level. */
export interface LevelDistribution {
  level: number;
  n: number;
  p10: number | null;
  p25: number | null;
  median: number | null;
  p75: number | null;
  p90: number | null;
  /** Handoffs per bin of daysToHandoffBins. */
  bins: number[];
}

/** Days from lead creation to handoff, per level: quantiles and binned counts. */
export function daysToHandoffByLevel(
  extract: DetailedExtract,
  rows: ArrayLike<number>,
  levels: number[]
): LevelDistribution[] {
  const byLevel = groupRows(rows, (row) => extract.columns.stage[row]);
  return levels.map((level) => {
    const days = knownDays(extract.columns.hoursToHandoff, byLevel.get(level) ?? []);
    const bins = daysToHandoffBins.map(() => 0);
    for (const d of days) bins[binOf(daysToHandoffBins, d)]++;
    return {
      level,
      n: days.length,
      p10: quantileSorted(days, 0.1) ?? null,
      p25: quantileSorted(days, 0.25) ?? null,
      median: quantileSorted(days, 0.5) ?? null,
      p75: quantileSorted(days, 0.75) ?? null,
      p90: quantileSorted(days, 0.9) ?? null,
      bins
    };
  });
}

/** A bin's win rate (won ÷ closed) with its interval, and how many handoffs fall in it. */
export interface BinRate {
  label: string;
  handoffs: number;
  winRate: Proportion;
}

/** Win rate by days from creation to handoff: do slow handoffs close worse? */
export function winRateByDaysToHandoff(
  extract: DetailedExtract,
  rows: ArrayLike<number>,
  denominator: Denominator = "closed"
): BinRate[] {
  return rateByBin(extract, rows, daysToHandoffBins, (row) => daysOf(extract.columns.hoursToHandoff, row), denominator);
}

function rateByBin(
  extract: DetailedExtract,
  rows: ArrayLike<number>,
  bins: Bin[],
  value: (row: number) => number | null,
  denominator: Denominator
): BinRate[] {
  const counts = bins.map(() => ({handoffs: 0, won: 0, closed: 0}));
  for (let i = 0; i < rows.length; ++i) {
    const v = value(rows[i]);
    if (v === null) continue;
    const bin = binOf(bins, v);
    if (bin < 0) continue;
    counts[bin].handoffs++;
    if (denominator === "all" || extract.columns.outcome[rows[i]] !== outcomeCode.open) {
      counts[bin].closed++;
      if (isWon(extract, rows[i])) counts[bin].won++;
    }
  }
  return bins.map((bin, i) => ({
    label: bin.label,
    handoffs: counts[i].handoffs,
    winRate: wilson(counts[i].won, counts[i].closed)
  }));
}

/** The follow-up SLA: how soon sales first touches a handoff. */
export interface FirstTouch {
  /** Handoffs per bin of firstTouchBins, and those never touched. */
  bins: {label: string; handoffs: number}[];
  untouched: number;
  /** Share of all handoffs touched within the SLA (untouched ones count as missed). */
  withinSla: Proportion;
  /** Win rate (won ÷ closed) per speed bin. */
  winRateBySpeed: BinRate[];
}

/** Handoff → first sales touch: distribution, share within `slaHours`, and win rate by speed. */
export function firstTouch(
  extract: DetailedExtract,
  rows: ArrayLike<number>,
  slaHours: number,
  denominator: Denominator = "closed"
): FirstTouch {
  const column = extract.columns.hoursToFirstTouch;
  const hours = (row: number) => (Number.isNaN(column[row]) ? null : column[row]);
  let untouched = 0;
  let within = 0;
  const bins = firstTouchBins.map(() => 0);
  for (let i = 0; i < rows.length; ++i) {
    const h = hours(rows[i]);
    if (h === null) {
      ++untouched;
      continue;
    }
    bins[binOf(firstTouchBins, h)]++;
    if (h <= slaHours) ++within;
  }
  return {
    bins: firstTouchBins.map((bin, i) => ({label: bin.label, handoffs: bins[i]})),
    untouched,
    withinSla: wilson(within, rows.length),
    winRateBySpeed: rateByBin(extract, rows, firstTouchBins, hours, denominator)
  };
}

/** Sales hours at one level, by what became of the handoffs they were spent on. */
export interface SalesTime {
  level: number;
  won: number;
  /** Lost, rejected or recycled: time that bought no deal. */
  notWon: number;
  open: number;
  total: number;
  /** Share of closed handoffs' hours that went to handoffs not won. */
  wastedShare: number | null;
}

/** Sales hours per level split by outcome, and the same in total (level 0). */
export function salesTimeByLevel(
  extract: DetailedExtract,
  rows: ArrayLike<number>,
  levels: number[]
): {levels: SalesTime[]; total: SalesTime} {
  const empty = (level: number) => ({level, won: 0, notWon: 0, open: 0});
  const sums = new Map(levels.map((level) => [level, empty(level)]));
  const total = empty(0);
  for (let i = 0; i < rows.length; ++i) {
    const row = rows[i];
    const hours = extract.columns.salesHours[row];
    const outcome = extract.columns.outcome[row];
    const key = outcome === outcomeCode.won ? "won" : outcome === outcomeCode.open ? "open" : "notWon";
    const sum = sums.get(extract.columns.stage[row]);
    if (sum) sum[key] += hours;
    total[key] += hours;
  }
  const finish = (d: {level: number; won: number; notWon: number; open: number}): SalesTime => ({
    ...d,
    total: d.won + d.notWon + d.open,
    wastedShare: d.won + d.notWon > 0 ? d.notWon / (d.won + d.notWon) : null
  });
  return {levels: levels.map((level) => finish(sums.get(level)!)), total: finish(total)};
}

/** One handoff month's level mix. */
export interface MonthMix {
  month: string;
  handoffs: number;
  /** Handoffs per level, in ladder order. */
  counts: number[];
}

/** Handoffs per level and handoff month, for the trend beside the survey benchmark. */
export function levelMixByMonth(extract: DetailedExtract, rows: ArrayLike<number>, levels: number[]): MonthMix[] {
  return [...rowsByMonth(extract, rows)].map(([month, group]) => {
    const counts = levels.map(() => 0);
    for (const row of group) {
      const index = levels.indexOf(extract.columns.stage[row]);
      if (index >= 0) counts[index]++;
    }
    return {month, handoffs: group.length, counts};
  });
}

/** What sales did with the handoffs at one level, and why it turned some down. */
export interface LevelFlow {
  level: number;
  handoffs: number;
  accepted: number;
  rejected: number;
  recycled: number;
  lost: number;
  won: number;
  open: number;
  /** Share of handoffs that sales rejected, with its interval. */
  rejectionRate: Proportion;
  /** The most frequent reasons given for rejected, recycled and lost handoffs. */
  reasons: {outcome: "rejected" | "recycled" | "lost"; reason: string; count: number}[];
}

/** Accepted / rejected / recycled / lost / won per level, with the most frequent reasons (up to `top` each). */
export function flowsByLevel(
  extract: DetailedExtract,
  rows: ArrayLike<number>,
  levels: number[],
  top = 3
): LevelFlow[] {
  const byLevel = groupRows(rows, (row) => extract.columns.stage[row]);
  return levels.map((level) => {
    const group = byLevel.get(level) ?? [];
    const {outcomes, accepted, ranked} = tallyFlows(extract, group);
    return {
      level,
      handoffs: group.length,
      accepted,
      rejected: outcomes[outcomeCode.rejected],
      recycled: outcomes[outcomeCode.recycled],
      lost: outcomes[outcomeCode.lost],
      won: outcomes[outcomeCode.won],
      open: outcomes[outcomeCode.open],
      rejectionRate: wilson(outcomes[outcomeCode.rejected], group.length),
      reasons: (["rejected", "recycled", "lost"] as const).flatMap((o) =>
        ranked.filter((d) => d.outcome === o).slice(0, top)
      )
    };
  });
}

/** The outcomes that give a reason, by their codes. */
const reasonOutcomes = new Map<number, "rejected" | "recycled" | "lost">([
  [outcomeCode.rejected, "rejected"],
  [outcomeCode.recycled, "recycled"],
  [outcomeCode.lost, "lost"]
]);

/**
 * One pass over a level's handoffs: how many ended each way (by outcome code), how many sales accepted, and the
 * reasons given, most frequent first. Reasons are counted by outcome and reason code, numbers: a text key per row and
 * a pass per outcome took ~200 ms of the timing page at a million leads (docs/page-speed.md).
 */
function tallyFlows(extract: DetailedExtract, group: number[]) {
  const {outcome, reason, hoursToAccept} = extract.columns;
  const reasons = extract.header.dictionaries.reason;
  const outcomes = extract.header.outcomes.map(() => 0);
  let accepted = 0;
  const tallies = new Map<number, number>();
  for (const row of group) {
    const code = outcome[row];
    if (code < outcomes.length) outcomes[code]++;
    if (!Number.isNaN(hoursToAccept[row])) accepted++;
    // A reason only where the handoff ended with one and the export gave one ("" is none).
    if (!reasonOutcomes.has(code) || !reasons[reason[row]]) continue;
    const key = code * reasons.length + reason[row];
    tallies.set(key, (tallies.get(key) ?? 0) + 1);
  }
  const ranked = [...tallies]
    .map(([key, count]) => ({
      outcome: reasonOutcomes.get(Math.floor(key / reasons.length))!,
      reason: reasons[key % reasons.length],
      count
    }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  return {outcomes, accepted, ranked};
}
