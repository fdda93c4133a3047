import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import {describe, expect, it} from "vitest";
import {
  level95,
  z95,
  fitBetaPrior,
  kaplanMeier,
  survivalMedian,
  medianWithInterval,
  shrinkRates,
  survivalAt,
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

describe("kaplanMeier", () => {
  // Freireich et al. (1963), 6-MP arm: the textbook example (e.g. Kleinbaum & Klein, Survival Analysis, ch. 2);
  // estimates and Greenwood standard errors as R's survfit prints them, log-log intervals as conf.type = "log-log".
  const times = [6, 6, 6, 7, 10, 13, 16, 22, 23, 6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35];
  const events = times.map((_, i) => i < 9);
  const steps = kaplanMeier(times.map((time, i) => ({time, event: events[i]})));
  const eventSteps = steps.filter((d) => d.events > 0);

  it("matches the published survival estimates and Greenwood standard errors", () => {
    expect(eventSteps.map((d) => [d.time, d.atRisk, d.events])).toEqual([
      [6, 21, 3],
      [7, 17, 1],
      [10, 15, 1],
      [13, 12, 1],
      [16, 11, 1],
      [22, 7, 1],
      [23, 6, 1]
    ]);
    const expected = [
      [0.8571, 0.0764],
      [0.8067, 0.0869],
      [0.7529, 0.0963],
      [0.6902, 0.1068],
      [0.6275, 0.1141],
      [0.5378, 0.1282],
      [0.4482, 0.1346]
    ];
    eventSteps.forEach((d, i) => {
      expect(d.survival).toBeCloseTo(expected[i][0], 4);
      expect(d.se).toBeCloseTo(expected[i][1], 4);
    });
    expect(eventSteps[0].lo).toBeCloseTo(0.6197, 4);
    expect(eventSteps[0].hi).toBeCloseTo(0.9516, 4);
  });

  it("reads the curve at any time, 1 before the first event", () => {
    expect(survivalAt(steps, 5).survival).toBe(1);
    expect(survivalAt(steps, 12).survival).toBeCloseTo(0.7529, 4);
    expect(survivalAt(steps, 100).survival).toBeCloseTo(0.4482, 4);
  });

  it("bounds S by the exact binomial where Greenwood's variance is 0: no event yet, or every one at risk had it", () => {
    // Four leads followed past 30 days without a win: not "0.0% (0.0–0.0%)" but up to 1 − 0.025^(1/4) = 60.2%.
    const none = kaplanMeier([40, 50, 60, 70].map((time) => ({time, event: false})));
    const at30 = survivalAt(none, 30);
    expect([at30.survival, at30.hi]).toEqual([1, 1]);
    expect(1 - at30.lo).toBeCloseTo(0.6024, 4);
    expect(1 - survivalAt(none, 45).lo).toBeCloseTo(1 - 0.025 ** (1 / 4), 12);
    // One lead, won at 52 days: by 90 days S = 0, and S could still have been up to 97.5%.
    const one = kaplanMeier([{time: 52, event: true}]);
    expect(survivalAt(one, 90)).toEqual({survival: 0, lo: 0, hi: expect.closeTo(0.975, 12)});
    expect(survivalAt([], 10)).toEqual({survival: 1, lo: 0, hi: 1});
    // Between events the published log-log interval is untouched (the 6-MP arm above).
    expect(survivalAt(steps, 6).lo).toBeCloseTo(0.6197, 4);
  });

  it("reads the median and its interval where the curve and its band fall to one half", () => {
    // The 6-MP arm: median 23 weeks, 95% interval from 13 weeks (the lower band is 0.503 at 10 weeks, 0.432 at 13)
    // with no upper end (the upper band stays above one half): R's survfit, conf.type = "log-log", prints 23, 13, NA.
    expect(survivalMedian(steps, 21)).toEqual({median: 23, lo: 13, hi: null, n: 21});
    // Resting at exactly one half (two of four had the event): the midpoint to the next drop, as a sample median.
    const even = kaplanMeier([1, 2, 3, 4].map((time) => ({time, event: true})));
    expect(survivalMedian(even, 4).median).toBe(2.5);
    // A censored observation between the two steps does not move the drop the midpoint is taken to.
    const censored = kaplanMeier([1, 2, 3, 5].map((time) => ({time, event: time !== 3})));
    expect(censored.map((d) => [d.time, d.survival])).toEqual([
      [1, 0.75],
      [2, expect.closeTo(0.5, 15)],
      [3, expect.closeTo(0.5, 15)],
      [5, 0]
    ]);
    expect(survivalMedian(censored, 4).median).toBe(3.5);
    // Never at one half: no median. One lead followed 4 days without a close: S ≥ 0.025 is all the data says, so the
    // median may be as early as 0.
    expect(survivalMedian(kaplanMeier([{time: 4, event: false}]), 1)).toEqual({median: null, lo: 0, hi: null, n: 1});
    const many = kaplanMeier(Array.from({length: 40}, (_, i) => ({time: i + 1, event: false})));
    // Forty followed 1…40 days, none closed: the bound falls below one half once five are left (day 36).
    expect(survivalMedian(many, 40)).toEqual({median: null, lo: 36, hi: null, n: 40});
  });

  it("keeps censored observations at risk until their time", () => {
    const onlyCensored = kaplanMeier([
      {time: 1, event: false},
      {time: 2, event: false}
    ]);
    expect(onlyCensored.map((d) => d.survival)).toEqual([1, 1]);
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
