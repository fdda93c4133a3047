/**
 * Small, pure statistics used on every page, shared by the browser and the loaders. A confidence level comes with its
 * normal quantile and tail (level95) rather than computing one from the other: the normal distribution's module
 * (@stdlib) was 57 of the overview's 130 module requests, and its first chart came about 240 ms later for it
 * (docs/development.md, "What each page loads"). The experiment design, which needs the distribution at any point,
 * still uses it.
 */

/** A proportion with its 95% (or other) confidence interval and the sample size it rests on. */
export interface Proportion {
  /** Successes, e.g. won handoffs. */
  k: number;
  /** Trials, e.g. closed handoffs. */
  n: number;
  /** k / n, or null when n is 0 (no evidence at all, which is not a rate of 0). */
  rate: number | null;
  lo: number | null;
  hi: number | null;
}

/** The two-sided normal quantile for a 95% interval. */
export const z95 = 1.959963984540054;

/** A two-sided confidence level: the normal quantile z and the probability beyond it on each side (Φ(−z)). */
export interface ConfidenceLevel {
  z: number;
  tail: number;
}

/** 95%: z = Φ⁻¹(0.975), 2.5% beyond it on each side. */
export const level95: ConfidenceLevel = {z: z95, tail: 0.025};

/**
 * Below this many closed handoffs a win rate rests on few cases: the pages mark it, the overview's reading calls it
 * out, the simulator names no threshold and estimates no delay loss from it.
 */
export const minimumClosed = 30;

/**
 * The Wilson score interval for k successes in n trials (Wilson 1927; Newcombe 1998, method 3). Unlike the textbook
 * Wald interval it stays inside [0, 1] and is honest for small n and rates near 0 or 1, which small campaigns have.
 */
export function wilson(k: number, n: number, z: number = z95): Proportion {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n < 0 || k > n) {
    throw new RangeError(`wilson: expected whole numbers 0 ≤ k ≤ n, got k=${k}, n=${n}`);
  }
  if (n === 0) return {k, n, rate: null, lo: null, hi: null};
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At k = 0 or k = n the bound is exactly 0 or 1; floating point would leave a tiny residue.
  return {k, n, rate: p, lo: k === 0 ? 0 : centre - half, hi: k === n ? 1 : centre + half};
}

/** A difference of two proportions, p1 − p2, with its 95% interval; null where either has no cases. */
export interface ProportionDifference {
  difference: number | null;
  lo: number | null;
  hi: number | null;
}

/**
 * The difference of two independent proportions k1/n1 − k2/n2 with Newcombe's hybrid score interval (Newcombe 1998,
 * method 10), built from the two Wilson intervals: unlike the Wald interval it stays within [−1, 1] and keeps its
 * coverage for small n and rates near 0 or 1.
 */
export function newcombe(k1: number, n1: number, k2: number, n2: number, z: number = z95): ProportionDifference {
  if (n1 === 0 || n2 === 0) return {difference: null, lo: null, hi: null};
  const a = wilson(k1, n1, z);
  const b = wilson(k2, n2, z);
  const p1 = k1 / n1;
  const p2 = k2 / n2;
  const difference = p1 - p2;
  return {
    difference,
    lo: difference - Math.sqrt((p1 - a.lo!) ** 2 + (b.hi! - p2) ** 2),
    hi: difference + Math.sqrt((a.hi! - p1) ** 2 + (p2 - b.lo!) ** 2)
  };
}

/** A group's successes and trials, for {@link shrinkRates}. */
export interface Counts {
  k: number;
  n: number;
}

/** The beta prior fitted to many groups' rates: mean α / (α + β), strength α + β (in pseudo-trials). */
export interface BetaPrior {
  alpha: number;
  beta: number;
}

/**
 * Fits a beta prior to groups' rates by the method of moments (empirical Bayes for a beta-binomial model): the
 * prior's mean is the pooled rate, its variance the spread between groups beyond what binomial noise explains. When
 * the groups differ no more than chance would make them, the prior is strong (capped at `maxStrength`).
 */
export function fitBetaPrior(groups: Counts[], maxStrength = 1e4): BetaPrior | null {
  const used = groups.filter((d) => d.n > 0);
  const k = used.reduce((s, d) => s + d.k, 0);
  const n = used.reduce((s, d) => s + d.n, 0);
  if (used.length === 0 || n === 0) return null;
  const mean = k / n;
  if (mean === 0 || mean === 1 || used.length < 2) return {alpha: mean * maxStrength, beta: (1 - mean) * maxStrength};
  // Trial-weighted variance of the observed rates, minus the average binomial variance p(1 − p)/n.
  const observed = used.reduce((s, d) => s + d.n * (d.k / d.n - mean) ** 2, 0) / n;
  const noise = (mean * (1 - mean) * used.length) / n;
  const between = observed - noise;
  const strength = between <= 0 ? maxStrength : Math.min(maxStrength, (mean * (1 - mean)) / between - 1);
  const s = Math.max(strength, 1e-6);
  return {alpha: mean * s, beta: (1 - mean) * s};
}

/**
 * Each group's rate shrunk toward the pooled rate: (k + α) / (n + α + β). A campaign with 3 wins of 4 handoffs does
 * not outrank one with 300 of 1,000 just by luck; the more trials a group has, the less it moves.
 */
export function shrinkRates(groups: Counts[], prior: BetaPrior | null = fitBetaPrior(groups)): (number | null)[] {
  return groups.map((d) => (prior === null ? null : (d.k + prior.alpha) / (d.n + prior.alpha + prior.beta)));
}

/** A median with its distribution-free interval (null bounds: too few values for one) and how many values. */
export interface MedianInterval {
  median: number;
  lo: number | null;
  hi: number | null;
  n: number;
}

/**
 * The median of values with a distribution-free 95% interval from order statistics: the ranks whose binomial(n, ½)
 * probabilities bracket the median (normal approximation to the ranks). Null without values. Below six values even
 * the smallest to the largest covers the median less often than asked (1 − 2 · ½ⁿ: 94% with five, none with one),
 * so there is no interval: "57 days (57–57 days, n = 1)" claimed a certainty one deal cannot give.
 */
export function medianWithInterval(values: number[], {z, tail}: ConfidenceLevel = level95): MedianInterval | null {
  // Sorted as a typed array, natively: 100,000 values in 12-13 ms, through a comparator 79-84 ms (Node).
  const sorted = Float64Array.from(values.filter((d) => Number.isFinite(d))).sort();
  const n = sorted.length;
  if (n === 0) return null;
  const median = n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  // The smallest to the largest value covers the median with 1 − 2 · ½ⁿ, short of 1 − 2 · tail when ½ⁿ > tail.
  if (0.5 ** n > tail) return {median, lo: null, hi: null, n};
  const half = (z * Math.sqrt(n)) / 2;
  const lower = Math.max(1, Math.floor(n / 2 - half));
  const upper = Math.min(n, Math.ceil(n / 2 + 1 + half));
  return {median, lo: sorted[lower - 1], hi: sorted[upper - 1], n};
}
