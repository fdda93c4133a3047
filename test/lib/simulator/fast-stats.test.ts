import {describe, expect, it} from "vitest";
import {randomLcg} from "d3-random";
import {quantileSorted} from "d3-array";
import {medianInPlace, poissonOne} from "../../../src/lib/simulator/fast-stats.js";

describe("medianInPlace", () => {
  it("gives what quantileSorted(…, 0.5) gives on the sorted values, for odd and even counts and ties", () => {
    const draw = randomLcg(3);
    for (const n of [1, 2, 3, 10, 11, 1000, 1001]) {
      const values = Float64Array.from({length: n}, () => Math.floor(draw() * 50));
      const sorted = Array.from(values).sort((a, b) => a - b);
      expect(medianInPlace(values), `n = ${n}`).toBe(quantileSorted(sorted, 0.5));
    }
  });
});

describe("poissonOne", () => {
  it("draws Poisson(1): its mean, variance and share of zeros on 200,000 seeded draws", () => {
    const draw = poissonOne(randomLcg(7));
    const n = 200_000;
    const counts = new Array(20).fill(0);
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; ++i) {
      const k = draw();
      counts[k]++;
      sum += k;
      squares += k * k;
    }
    const mean = sum / n;
    // Standard errors at n = 200,000: mean 0.0022, P(0) 0.0011; five of them apart would be a broken sampler.
    expect(Math.abs(mean - 1)).toBeLessThan(0.011);
    expect(Math.abs(squares / n - mean * mean - 1)).toBeLessThan(0.02);
    expect(Math.abs(counts[0] / n - Math.exp(-1))).toBeLessThan(0.0055);
    expect(Math.abs(counts[3] / n - Math.exp(-1) / 6)).toBeLessThan(0.004);
  });

  it("draws by inverse transform exactly: the count of cumulative probabilities at or below the uniform", () => {
    const cumulative: number[] = [];
    for (let k = 0, p = Math.exp(-1), sum = p; sum < 1 - 1e-16 && k < 20; ++k, p /= k, sum += p) cumulative.push(sum);
    const inverse = (u: number) => cumulative.filter((c) => c <= u).length;
    // Seeded uniforms, the steps themselves, and the uniforms just below them (where the table must defer).
    const seeded = randomLcg(11);
    const uniforms = [
      ...Array.from({length: 100_000}, seeded),
      ...cumulative.filter((c) => c < 1),
      ...cumulative.map((c) => c - 1e-12),
      0,
      1 - 2 ** -53
    ];
    let i = 0;
    const draw = poissonOne(() => uniforms[i++]);
    const drawn = uniforms.map(() => draw());
    expect(drawn).toEqual(uniforms.map(inverse));
  });
});
