import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import {describe, expect, it} from "vitest";
import {
  level95,
  z95,
  fitBetaPrior,
  medianWithInterval,
  shrinkRates,
  wilson,
  newcombe
} from "../../../src/lib/core/stats.js";

describe("level95", () => {
  it("is the normal distribution's 97.5% quantile and the tail beyond it", () => {
    expect(level95.z).toBe(z95);
    expect(1 - normalCdf(level95.z, 0, 1)).toBeCloseTo(level95.tail, 15);
    expect(level95.tail).toBe(0.025);
  });
});

describe("wilson", () => {
  // Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison of seven methods",
  // Statistics in Medicine 17:857–872, Table II, method 3 (score interval without continuity correction).
  const newcombe: [number, number, number, number][] = [
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
    [29, 29, 0.883, 1]
  ];

  it.each(newcombe)("%i of %i matches Newcombe's published interval", (k, n, lo, hi) => {
    const p = wilson(k, n);
    expect(p.rate).toBeCloseTo(k / n, 12);
    expect(p.lo).toBeCloseTo(lo, 4);
    expect(p.hi).toBeCloseTo(hi, 4);
  });

  it("has no rate and no interval without trials, rather than a rate of zero", () => {
    expect(wilson(0, 0)).toEqual({k: 0, n: 0, rate: null, lo: null, hi: null});
  });

  it("is symmetric: k of n mirrors n−k of n", () => {
    const a = wilson(3, 17);
    const b = wilson(14, 17);
    expect(a.lo).toBeCloseTo(1 - (b.hi as number), 12);
    expect(a.hi).toBeCloseTo(1 - (b.lo as number), 12);
  });

  it("narrows as n grows", () => {
    const small = wilson(5, 10);
    const large = wilson(500, 1000);
    expect((large.hi as number) - (large.lo as number)).toBeLessThan((small.hi as number) - (small.lo as number));
  });

  it("refuses impossible counts", () => {
    expect(() => wilson(5, 4)).toThrow(RangeError);
    expect(() => wilson(-1, 4)).toThrow(RangeError);
    expect(() => wilson(1.5, 4)).toThrow(RangeError);
  });
});

describe("empirical-Bayes shrinkage", () => {
  it("fits the prior's mean to the pooled rate and shrinks small groups most", () => {
    const groups = [
      {k: 3, n: 4},
      {k: 300, n: 1000},
      {k: 20, n: 100},
      {k: 0, n: 10}
    ];
    const prior = fitBetaPrior(groups)!;
    expect(prior.alpha / (prior.alpha + prior.beta)).toBeCloseTo(323 / 1114, 10);
    const shrunk = shrinkRates(groups, prior) as number[];
    // 3 of 4 (75%) moves almost all the way to the pooled 29%; 300 of 1,000 barely moves.
    expect(shrunk[0]).toBeLessThan(0.31);
    expect(Math.abs(shrunk[1] - 0.3)).toBeLessThan(0.002);
    expect(shrunk[3]).toBeGreaterThan(0.2);
    // By hand: (k + α) / (n + α + β) with the fitted prior.
    expect(shrunk[2]).toBeCloseTo((20 + prior.alpha) / (100 + prior.alpha + prior.beta), 12);
  });

  it("shrinks all the way when the groups differ no more than chance", () => {
    const groups = [
      {k: 10, n: 100},
      {k: 10, n: 100},
      {k: 10, n: 100}
    ];
    expect(shrinkRates(groups).map((d) => d!.toFixed(6))).toEqual(["0.100000", "0.100000", "0.100000"]);
  });

  it("has no prior without trials", () => {
    expect(fitBetaPrior([{k: 0, n: 0}])).toBeNull();
  });
});

describe("medianWithInterval", () => {
  it("brackets the median with the order statistics a table gives (ranks 40 and 61 of 100)", () => {
    expect(medianWithInterval(Array.from({length: 100}, (_, i) => i + 1))).toEqual({
      median: 50.5,
      lo: 40,
      hi: 61,
      n: 100
    });
    // Below six values no span of them covers the median 95% of the time: no interval, not a point.
    expect(medianWithInterval([5])).toEqual({median: 5, lo: null, hi: null, n: 1});
    expect(medianWithInterval([1, 2, 3, 4, 5])).toEqual({median: 3, lo: null, hi: null, n: 5});
    expect(medianWithInterval([1, 2, 3, 4, 5, 6])).toMatchObject({lo: 1, hi: 6, n: 6});
    expect(medianWithInterval([])).toBeNull();
  });
});

describe("newcombe", () => {
  // Newcombe RG (1998), "Interval estimation for the difference between independent proportions: comparison of
  // eleven methods", Statistics in Medicine 17:873–890, Table II, method 10 (hybrid score), to four decimals.
  const published: [number, number, number, number, number, number][] = [
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1]
  ];
  it.each(published)("%i/%i − %i/%i matches Newcombe's published interval", (k1, n1, k2, n2, lo, hi) => {
    const d = newcombe(k1, n1, k2, n2);
    expect(d.difference).toBeCloseTo(k1 / n1 - k2 / n2, 10);
    expect(d.lo).toBeCloseTo(lo, 4);
    expect(d.hi).toBeCloseTo(hi, 4);
  });

  it("has no difference where a period has no cases", () => {
    expect(newcombe(3, 10, 0, 0)).toEqual({difference: null, lo: null, hi: null});
  });
});
