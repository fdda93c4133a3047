import {describe, expect, it} from "vitest";
import {Random} from "../../../loaders/tools/sample-random.js";

/** `n` draws of `draw` from a stream seeded with `seed`. */
function draws(seed: number, n: number, draw: (random: Random) => number): number[] {
  const random = new Random(seed);
  return Array.from({length: n}, () => draw(random));
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe("Random", () => {
  it("repeats its sequence for a seed and differs between seeds", () => {
    const seqA = draws(7, 5, (d) => d.next());
    expect(draws(7, 5, (d) => d.next())).toEqual(seqA);
    expect(draws(8, 5, (d) => d.next())).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
    // Seed 0 too gives a stream (the class starts it from a constant of its own).
    expect(new Set(draws(0, 100, (d) => d.next())).size).toBe(100);
  });

  it("draws uniform numbers over the range asked, evenly", () => {
    const values = draws(1, 20_000, (d) => d.uniform(-2, 6));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(-2);
    expect(Math.max(...values)).toBeLessThan(6);
    // The mean of 20,000 uniforms on [-2, 6) is 2 within 4 standard errors (8/√12/√20,000 ≈ 0.016).
    expect(Math.abs(mean(values) - 2)).toBeLessThan(4 * 0.0164);
    expect(mean(draws(2, 20_000, (d) => Number(d.chance(0.3))))).toBeCloseTo(0.3, 1);
  });

  it("picks by weight, and picks every element of a list", () => {
    const picks = draws(3, 30_000, (d) => d.weighted([1, 2, 0, 7]));
    const share = (i: number) => picks.filter((d) => d === i).length / picks.length;
    expect(share(2)).toBe(0);
    for (const [i, p] of [0.1, 0.2, 0, 0.7].entries()) expect(Math.abs(share(i) - p)).toBeLessThan(0.01);
    const random = new Random(4);
    const letters = new Set(Array.from({length: 200}, () => random.pick(["a", "b", "c"])));
    expect([...letters].sort()).toEqual(["a", "b", "c"]);
  });

  it("draws normal, log-normal and Poisson values with the parameters asked", () => {
    const normal = draws(5, 20_000, (d) => d.normal());
    expect(Math.abs(mean(normal))).toBeLessThan(0.03);
    expect(Math.abs(mean(normal.map((x) => x * x)) - 1)).toBeLessThan(0.05);
    const lognormal = draws(6, 20_000, (d) => d.lognormal(8, 1));
    expect(lognormal.every((x) => x > 0)).toBe(true);
    expect(Math.abs(median(lognormal) / 8 - 1)).toBeLessThan(0.05);
    const counts = draws(7, 20_000, (d) => d.poisson(2.1));
    expect(counts.every((k) => Number.isInteger(k) && k >= 0)).toBe(true);
    // Mean and variance of a Poisson count are both its mean.
    expect(Math.abs(mean(counts) - 2.1)).toBeLessThan(0.05);
    expect(Math.abs(mean(counts.map((k) => (k - 2.1) ** 2)) - 2.1)).toBeLessThan(0.15);
  });
});
