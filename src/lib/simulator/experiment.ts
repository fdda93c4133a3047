/**
 * The experiment that would settle what the data cannot: hold back a random share of the handoffs below a candidate
 * threshold k until they reach k (or a maximum wait), hand the rest off as today, and compare the win rate per lead
 * of the two arms. The sample size is the normal approximation for two proportions without continuity correction
 * (Fleiss 1981; R's power.prop.test with strict = FALSE), two-sided.
 */
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import type {Extract} from "../core/extract.js";
import {outcomeCode} from "../core/measures.js";
import {medianInPlace} from "./fast-stats.js";

const z = (p: number) => normalQuantile(p, 0, 1);

/** Leads per arm for a two-sided test of p1 against p2 at level `alpha` with the given power. */
export function sampleSizePerArm(p1: number, p2: number, {alpha = 0.05, power = 0.8} = {}): number {
  const pooled = (p1 + p2) / 2;
  const root =
    z(1 - alpha / 2) * Math.sqrt(2 * pooled * (1 - pooled)) + z(power) * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return (root / (p1 - p2)) ** 2;
}

/** The power of that test with n leads per arm. */
export function powerOfTest(n: number, p1: number, p2: number, alpha = 0.05): number {
  const pooled = (p1 + p2) / 2;
  const shift = Math.sqrt(n) * Math.abs(p1 - p2) - z(1 - alpha / 2) * Math.sqrt(2 * pooled * (1 - pooled));
  return normalCdf(shift / Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)), 0, 1);
}

/** The smallest p2 above p1 that n leads per arm detect with the given power (bisection on powerOfTest). */
export function detectableRate(n: number, p1: number, {alpha = 0.05, power = 0.8} = {}): number | null {
  if (powerOfTest(n, p1, 1 - 1e-12, alpha) < power) return null;
  let lo = p1;
  let hi = 1 - 1e-12;
  for (let i = 0; i < 100; ++i) {
    const mid = (lo + hi) / 2;
    if (powerOfTest(n, p1, mid, alpha) < power) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** What the experiment needs from the data and the user. */
export interface ExperimentInputs {
  /** Handoffs per month below the candidate threshold (the leads the experiment is about). */
  eligiblePerMonth: number;
  /** Their win rate per lead today (won ÷ closed). */
  controlRate: number;
  /** The change in win rate per lead the test must detect, in absolute terms (e.g. 0.03 for 3 points). */
  effect: number;
  /** Share of eligible leads held back (0…1). */
  holdBackShare: number;
  /** Longest a held-back lead waits for k before it is handed off anyway (months). */
  maxWaitMonths: number;
  /** Typical months from handoff to a won or lost deal. */
  monthsToClose: number;
  alpha?: number;
  power?: number;
}

/** The design: leads per arm, how long to enrol, and when the result can be read. */
export interface ExperimentDesign {
  perArm: number;
  heldBackPerMonth: number;
  handedOffPerMonth: number;
  enrolMonths: number;
  /** Enrolment, the longest wait and the time to close: when the last enrolled lead has an outcome. */
  totalMonths: number;
  treatmentRate: number;
}

/** Designs the hold-back test for a candidate threshold; null when the inputs cannot give a test. */
export function designExperiment(inputs: ExperimentInputs): ExperimentDesign | null {
  const {eligiblePerMonth, controlRate, effect, holdBackShare, maxWaitMonths, monthsToClose} = inputs;
  const treatmentRate = controlRate + effect;
  if (!(eligiblePerMonth > 0) || !(holdBackShare > 0 && holdBackShare < 1) || effect === 0) return null;
  if (!(controlRate > 0 && controlRate < 1 && treatmentRate > 0 && treatmentRate < 1)) return null;
  const perArm = Math.ceil(sampleSizePerArm(controlRate, treatmentRate, inputs));
  const heldBackPerMonth = eligiblePerMonth * holdBackShare;
  const handedOffPerMonth = eligiblePerMonth - heldBackPerMonth;
  const enrolMonths = perArm / Math.min(heldBackPerMonth, handedOffPerMonth);
  return {
    perArm,
    heldBackPerMonth,
    handedOffPerMonth,
    enrolMonths,
    totalMonths: enrolMonths + maxWaitMonths + monthsToClose,
    treatmentRate
  };
}

/** What the user chose on the page: the threshold to test, the share held back, the effect and the longest wait. */
export interface ExperimentChoice {
  k: number;
  holdBackShare: number;
  /** The effect to detect, in percentage points. */
  effectPoints: number;
  maxWaitMonths: number;
}

/**
 * The experiment's inputs from the filtered handoffs: the leads below k per month (over the quarters the data
 * covers), their win rate today, and the typical time to close. The effect is tested in the direction that keeps
 * the treated rate a rate (holding back more often lowers wins per lead).
 */
export function trialInputs(
  extract: Extract,
  rows: ArrayLike<number>,
  stages: ArrayLike<number>,
  choice: ExperimentChoice,
  quarters: number
): ExperimentInputs & {k: number} {
  const {outcome, hoursToClose} = extract.columns;
  let below = 0;
  let closed = 0;
  let won = 0;
  const closeHours = new Float64Array(rows.length);
  let closes = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (stages[row] >= choice.k) continue;
    ++below;
    if (outcome[row] === outcomeCode.open) continue;
    ++closed;
    if (outcome[row] === outcomeCode.won) ++won;
    if (!Number.isNaN(hoursToClose[row])) closeHours[closes++] = hoursToClose[row];
  }
  const controlRate = closed > 0 ? won / closed : NaN;
  const effect = choice.effectPoints / 100;
  return {
    k: choice.k,
    eligiblePerMonth: below / (quarters * 3),
    controlRate,
    effect: controlRate - effect > 0 ? -effect : effect,
    holdBackShare: choice.holdBackShare,
    maxWaitMonths: choice.maxWaitMonths,
    monthsToClose: closes ? medianInPlace(closeHours.subarray(0, closes)) / 24 / 30.44 : 0
  };
}
