/**
 * Small, pure statistics used on every page. Kept free of dependencies so the browser and the loaders share it.
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
