import {describe, expect, it} from "vitest";
import {kaplanMeier, survivalAt, survivalMedian} from "../../../src/lib/core/survival.js";

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

  it("walks events and censorings in time order as one curve, ties of both at one step, whatever the input order", () => {
    // A fixed pseudo-random sample with many ties (whole and half days), against the definition step by step.
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const observations = Array.from({length: 2000}, () => ({
      time: Math.floor(random() * 120) / 2,
      event: random() < 0.3
    }));
    const steps = kaplanMeier(observations);
    const times = [...new Set(observations.map((d) => d.time))].sort((a, b) => a - b);
    expect(steps.map((d) => d.time)).toEqual(times);
    let survival = 1;
    for (const step of steps) {
      const here = observations.filter((d) => d.time === step.time);
      expect(step.atRisk).toBe(observations.filter((d) => d.time >= step.time).length);
      expect([step.events, step.censored]).toEqual([
        here.filter((d) => d.event).length,
        here.filter((d) => !d.event).length
      ]);
      survival *= 1 - step.events / step.atRisk;
      expect(step.survival).toBeCloseTo(survival, 12);
    }
  });

  it("refuses an observation without a time rather than walk forever", () => {
    expect(() =>
      kaplanMeier([
        {time: 1, event: true},
        {time: NaN, event: false}
      ])
    ).toThrow(/without a time/);
  });
});
