/**
 * Survival analysis for times to a win or to a close where open handoffs are censored: the Kaplan–Meier curve with
 * Greenwood's variance and a log-log band, reading it at a time, and its median with the Brookmeyer–Crowley interval.
 */
import {level95, type ConfidenceLevel} from "./stats.js";

/** One observation for survival analysis: time, and whether the event happened then (else censored then). */
export interface SurvivalObservation {
  time: number;
  event: boolean;
}

/** One step of a Kaplan–Meier curve. */
export interface SurvivalStep {
  time: number;
  /** At risk just before `time`. */
  atRisk: number;
  events: number;
  censored: number;
  /** S(time): the probability the event has not happened by `time`. */
  survival: number;
  /** Greenwood standard error of S(time). */
  se: number;
  /**
   * 95% confidence interval of S(time): log-log transform, so it stays within 0…1. Where Greenwood's variance is 0
   * (no event yet, S = 1, or every subject at risk had one, S = 0) that interval shrinks to a point, "0.0% (0.0–0.0%)"
   * for four leads followed a month; there the exact binomial bound for the subjects at risk takes its place.
   */
  lo: number;
  hi: number;
}

/**
 * The Kaplan–Meier estimate with Greenwood's variance. Censored observations at an event time count as at risk at
 * that time (the usual convention). Returns one step per distinct time with an event or censoring.
 */
export function kaplanMeier(observations: SurvivalObservation[], level: ConfidenceLevel = level95): SurvivalStep[] {
  const [eventTimes, censorTimes] = sortedTimes(observations);
  const steps: SurvivalStep[] = [];
  let atRisk = observations.length;
  let survival = 1;
  let greenwood = 0;
  for (let i = 0, j = 0; i < eventTimes.length || j < censorTimes.length;) {
    const time =
      j >= censorTimes.length || (i < eventTimes.length && eventTimes[i] <= censorTimes[j])
        ? eventTimes[i]
        : censorTimes[j];
    let events = 0;
    let censored = 0;
    for (; i < eventTimes.length && eventTimes[i] === time; ++i) ++events;
    for (; j < censorTimes.length && censorTimes[j] === time; ++j) ++censored;
    if (events > 0) {
      survival *= 1 - events / atRisk;
      greenwood += atRisk > events ? events / (atRisk * (atRisk - events)) : Infinity;
    }
    const se = survival * Math.sqrt(greenwood);
    const {lo, hi} =
      survival >= 1
        ? noEventYet(atRisk, level.tail)
        : survival <= 0
          ? {lo: 0, hi: (steps.at(-1)?.hi ?? 1) * (1 - level.tail ** (1 / atRisk))}
          : logLogInterval(survival, greenwood, level.z);
    steps.push({time, atRisk, events, censored, survival, se, lo, hi});
    atRisk -= events + censored;
  }
  return steps;
}

/**
 * The event times and the censoring times, each sorted as a typed array (natively: sorting the observations through
 * a comparator took ~300 ms of the conversion page at a million leads, docs/page-speed.md). A time that is not a
 * number would have no place in either order.
 */
function sortedTimes(observations: SurvivalObservation[]): [Float64Array, Float64Array] {
  const eventCount = observations.reduce((n, d) => n + (d.event ? 1 : 0), 0);
  const events = new Float64Array(eventCount);
  const censored = new Float64Array(observations.length - eventCount);
  let e = 0;
  let c = 0;
  for (const {time, event} of observations) {
    if (Number.isNaN(time)) throw new RangeError("kaplanMeier: an observation without a time (NaN)");
    if (event) events[e++] = time;
    else censored[c++] = time;
  }
  return [events.sort(), censored.sort()];
}

/**
 * S with no event among `atRisk` subjects followed this long: at least the exact (Clopper–Pearson) lower bound for 0
 * events in that many trials, (α/2)^(1/n) with α/2 the level's tail; nothing can be said without a subject.
 */
function noEventYet(atRisk: number, tail: number): {lo: number; hi: number} {
  return {lo: atRisk > 0 ? tail ** (1 / atRisk) : 0, hi: 1};
}

function logLogInterval(survival: number, greenwood: number, z: number): {lo: number; hi: number} {
  if (survival <= 0 || survival >= 1 || !Number.isFinite(greenwood) || greenwood === 0) {
    return {lo: survival, hi: survival};
  }
  const logS = Math.log(survival);
  const theta = (z * Math.sqrt(greenwood)) / Math.abs(logS);
  return {lo: survival ** Math.exp(theta), hi: survival ** Math.exp(-theta)};
}

/**
 * The Kaplan–Meier estimate at time t (the last step at or before t), with its interval; S = 1 before any step, with
 * the bound of everyone still at risk then.
 */
export function survivalAt(
  steps: SurvivalStep[],
  t: number,
  level: ConfidenceLevel = level95
): {survival: number; lo: number; hi: number} {
  let found = {survival: 1, ...noEventYet(steps[0]?.atRisk ?? 0, level.tail)};
  for (const step of steps) {
    if (step.time > t) break;
    found = {survival: step.survival, lo: step.lo, hi: step.hi};
  }
  return found;
}

/** A median time read off a Kaplan–Meier curve, with its interval, and how many observations the curve rests on. */
export interface SurvivalMedian {
  /** Null while the curve has not fallen to one half: fewer than half had the event, as far as the data can tell. */
  median: number | null;
  lo: number | null;
  /** Null while the band's upper edge has not fallen to one half: the data cannot bound the median from above. */
  hi: number | null;
  n: number;
}

/**
 * The median of a Kaplan–Meier curve, the first time it falls to one half, with the 95% interval where the curve's
 * pointwise band crosses one half (Brookmeyer & Crowley 1982, here with the log-log band, as R's survfit with
 * conf.type = "log-log"): its lower edge, falling first, gives the lower end, its upper edge the upper end. Where a
 * curve rests at exactly one half, the midpoint to its next drop, as R does (and as a sample median of an even count).
 */
export function survivalMedian(steps: SurvivalStep[], n: number): SurvivalMedian {
  // Before the first step the band's lower edge is the exact bound for all at risk (kaplanMeier): with five or fewer
  // it is below one half from the start, and the median may be as early as 0.
  const lowFromStart = steps.length > 0 && noEventYet(steps[0].atRisk, level95.tail).lo < 0.5 + halfTolerance;
  return {
    median: firstAtHalf(steps, (d) => d.survival),
    lo: lowFromStart ? 0 : firstAtHalf(steps, (d) => d.lo),
    hi: firstAtHalf(steps, (d) => d.hi),
    n
  };
}

/** R's tolerance for "exactly one half" (survival's quantile.survfit: the square root of the double's epsilon). */
const halfTolerance = Math.sqrt(Number.EPSILON);

/** The first step's time where `value` falls to one half (the midpoint to the next drop where it rests there). */
function firstAtHalf(steps: SurvivalStep[], value: (step: SurvivalStep) => number): number | null {
  const at = steps.findIndex((d) => value(d) < 0.5 + halfTolerance);
  if (at < 0) return null;
  const y = value(steps[at]);
  if (Math.abs(y - 0.5) >= halfTolerance) return steps[at].time;
  const next = steps.findIndex((d, i) => i > at && value(d) < y);
  return next < 0 ? steps[at].time : (steps[at].time + steps[next].time) / 2;
}
