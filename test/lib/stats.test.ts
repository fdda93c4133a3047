import {describe, expect, it} from "vitest";
import {wilson} from "../../src/lib/stats.ts";

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
