/**
 * The stage-to-close conversion page's numbers, for analysts: the funnel from handoff level to a win, time to win as
 * Kaplan–Meier curves (open handoffs censored where the data ends), cohorts by handoff month, and which single facts
 * known at handoff go with winning.
 */
import type {DetailedExtract} from "../core/extract.js";
import {rowsByMonth} from "./filters.js";
import {groupRows, outcomeCode, splitCounts, type Denominator} from "../core/measures.js";
import {medianWithInterval, wilson, type Proportion, type MedianInterval} from "../core/stats.js";
import {kaplanMeier, survivalAt, type SurvivalStep} from "../core/survival.js";

/** Funnel steps after the handoff. */
export const funnelSteps = ["handed off", "accepted", "opportunity", "won"] as const;

/** One of them. */
export type FunnelStep = (typeof funnelSteps)[number];

/**
 * The funnel steps the data records. An export without acceptance or opportunity events has no such step at all:
 * shown, it would read as zero and, in order, would leave no handoff to win. Handed off and won are always there.
 */
export function recordedSteps(extract: DetailedExtract): FunnelStep[] {
  const recorded = (column: Float64Array) => column.some((hours) => !Number.isNaN(hours));
  const {hoursToAccept, hoursToOpportunity} = extract.columns;
  return funnelSteps.filter(
    (step) =>
      (step !== "accepted" || recorded(hoursToAccept)) && (step !== "opportunity" || recorded(hoursToOpportunity))
  );
}

/**
 * Which of `steps` one handoff reached. "in-order" counts a step only when the steps before it were reached first
 * (accepted, then an opportunity no earlier, then won); "any-path" counts every step reached, however.
 */
export function stepsReached(
  extract: DetailedExtract,
  row: number,
  steps: readonly FunnelStep[],
  mode: "in-order" | "any-path"
): boolean[] {
  const {hoursToAccept, hoursToOpportunity, outcome} = extract.columns;
  const accept = hoursToAccept[row];
  const opportunity = hoursToOpportunity[row];
  const reached: Record<FunnelStep, boolean> = {
    "handed off": true,
    accepted: !Number.isNaN(accept),
    opportunity: !Number.isNaN(opportunity) && (mode === "any-path" || !(opportunity < accept)),
    won: outcome[row] === outcomeCode.won
  };
  if (mode === "any-path") return steps.map((step) => reached[step]);
  let sofar = true;
  return steps.map((step) => (sofar = sofar && reached[step]));
}

/** One level's funnel: how many reached each step, as next-step and cumulative shares. */
export interface FunnelRow {
  level: number;
  /** The steps counted (those the data records), in order. */
  steps: FunnelStep[];
  counts: number[];
  /** counts[i] / counts[i − 1] (null for the first step or an empty previous step). */
  nextStep: (number | null)[];
  /** counts[i] / counts[0]. */
  cumulative: (number | null)[];
}

/** The funnel per level over the steps the data records (see stepsReached for the two modes). */
export function funnel(
  extract: DetailedExtract,
  rows: ArrayLike<number>,
  levels: number[],
  mode: "in-order" | "any-path",
  steps: FunnelStep[] = recordedSteps(extract)
): FunnelRow[] {
  const byLevel = groupRows(rows, (row) => extract.columns.stage[row]);
  return levels.map((level) => {
    const counts = steps.map(() => 0);
    for (const row of byLevel.get(level) ?? []) {
      stepsReached(extract, row, steps, mode).forEach((reached, i) => (counts[i] += reached ? 1 : 0));
    }
    return {
      level,
      steps,
      counts,
      nextStep: counts.map((d, i) => (i === 0 || counts[i - 1] === 0 ? null : d / counts[i - 1])),
      cumulative: counts.map((d) => (counts[0] === 0 ? null : d / counts[0]))
    };
  });
}

/** Time to win at one level. */
export interface TimeToWin {
  level: number;
  handoffs: number;
  won: number;
  steps: SurvivalStep[];
  /** Cumulative probability of a win within 30, 90 and 180 days, with its interval. */
  at: {days: number; probability: number; lo: number; hi: number}[];
  /** Median days from handoff to a win, over won handoffs, with a distribution-free interval. */
  medianDaysToWin: MedianInterval | null;
}

/** Days at which the cumulative win probability is read off. */
export const horizons = [30, 90, 180];

/**
 * Kaplan–Meier curves of the time to a win, per level. A won handoff is an event at its time to close. Every other
 * handoff is censored where the data ends: an open one may still win, and one lost has no chance left, which keeping
 * it at risk until the end expresses (so 1 − S is the cumulative probability of a win, not of a win among survivors).
 */
export function timeToWin(extract: DetailedExtract, rows: ArrayLike<number>, levels: number[]): TimeToWin[] {
  const {columns} = extract;
  const byLevel = groupRows(rows, (row) => columns.stage[row]);
  return levels.map((level) => {
    const group = byLevel.get(level) ?? [];
    const observations = [];
    const daysToWin: number[] = [];
    for (const row of group) {
      const won = columns.outcome[row] === outcomeCode.won && !Number.isNaN(columns.hoursToClose[row]);
      if (won) {
        const days = columns.hoursToClose[row] / 24;
        observations.push({time: days, event: true});
        daysToWin.push(days);
      } else {
        // Censored at the exact data end (not a whole day).
        observations.push({time: Math.max(0, columns.hoursToDataEnd[row] / 24), event: false});
      }
    }
    const steps = kaplanMeier(observations);
    return {
      level,
      handoffs: group.length,
      won: daysToWin.length,
      steps,
      at: horizons.map((days) => {
        const s = survivalAt(steps, days);
        return {days, probability: 1 - s.survival, lo: 1 - s.hi, hi: 1 - s.lo};
      }),
      medianDaysToWin: medianWithInterval(daysToWin)
    };
  });
}

/** One handoff-month cohort: the share won within m months of handoff, for the months it has been observed. */
export interface Cohort {
  month: string;
  handoffs: number;
  /** wonWithin[m] = share won within m + 1 months (30.44 days each); only as many months as the cohort is old. */
  wonWithin: number[];
}

/** Cohorts by handoff month, so that young cohorts are not read as bad ones. */
export function cohorts(extract: DetailedExtract, rows: ArrayLike<number>, maxMonths = 12): Cohort[] {
  const {columns} = extract;
  const end = extract.header.dataEndDay ?? 0;
  return [...rowsByMonth(extract, rows)].map(([month, group]) => {
    const start = Date.parse(`${month}-01T00:00:00Z`) / 86_400_000;
    // Months fully observed for every handoff of the cohort: counted from the month's end.
    const age = Math.floor((end - (start + 31)) / 30.44);
    const months = Math.max(0, Math.min(maxMonths, age));
    const wonWithin = Array.from({length: months}, (_, m) => {
      let won = 0;
      for (const row of group) {
        if (columns.outcome[row] === outcomeCode.won && !Number.isNaN(columns.hoursToClose[row])) {
          if (columns.hoursToClose[row] / 24 <= (m + 1) * 30.44) won++;
        }
      }
      return won / group.length;
    });
    return {month, handoffs: group.length, wonWithin};
  });
}

/** Win rate with and without one fact known at handoff. */
export interface Criterion {
  evidence: string;
  with: Proportion;
  without: Proportion;
  /** with − without, in rate points (null when either side has no closed handoff). */
  difference: number | null;
}

/** For each evidence type: win rate of closed handoffs that had it at handoff versus those that did not. */
export function criteria(
  extract: DetailedExtract,
  rows: ArrayLike<number>,
  denominator: Denominator = "closed"
): Criterion[] {
  const {evidenceAtHandoff} = extract.columns;
  return extract.header.evidenceTypes.map((evidence, bit) => {
    const {yes, no} = splitCounts(extract, rows, denominator, (row) => (evidenceAtHandoff[row] & (1 << bit)) !== 0);
    const withRate = wilson(yes.won, yes.n);
    const withoutRate = wilson(no.won, no.n);
    return {
      evidence,
      with: withRate,
      without: withoutRate,
      difference: withRate.rate === null || withoutRate.rate === null ? null : withRate.rate - withoutRate.rate
    };
  });
}
