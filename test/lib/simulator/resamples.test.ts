import {describe, expect, it} from "vitest";
import {randomLcg} from "d3-random";
import {bootstrapSeed, lcgFrom, resampleRange, resamplesFrom} from "../../../src/lib/simulator/resamples.js";
import {toEnd} from "../../../src/lib/simulator/phases.js";
import {simulatorFixture} from "../../helpers/policies.js";

const {data} = await simulatorFixture();
const inputs = {costPerSalesHour: 120, nurtureCostPerLead: 20, delayLoss: 0.1};

/** d3's generator stepped `skip` times, then `n` draws. */
function d3Draws(seed: number, skip: number, n: number): number[] {
  const random = randomLcg(seed);
  for (let i = 0; i < skip; ++i) random();
  return Array.from({length: n}, random);
}

describe("lcgFrom", () => {
  it("draws exactly what d3's randomLcg draws after skipping, for seeds in [0, 1) and whole ones", () => {
    for (const seed of [bootstrapSeed, 1, 42, 0, 0.25, 0.999, 4294967295, 2 ** 31])
      for (const skip of [0, 1, 2, 3, 7, 1000, 65537, 1_234_567]) {
        const random = lcgFrom(seed, skip);
        expect(Array.from({length: 5}, random), `seed ${seed}, ${skip} skipped`).toEqual(d3Draws(seed, skip, 5));
      }
  });
});

describe("resamplesFrom", () => {
  it("gives resample b the same from any start: the later resamples can be computed elsewhere", () => {
    const sequential = resamplesFrom(data, inputs, bootstrapSeed, 0);
    const all = Array.from({length: 5}, () => toEnd(sequential()));
    expect(all[3]).not.toEqual(all[2]);
    for (const first of [1, 3, 4]) {
      const later = resamplesFrom(data, inputs, bootstrapSeed, first);
      expect(toEnd(later())).toEqual(all[first]);
    }
  });
});

describe("resampleRange", () => {
  it("yields resamples from … to − 1 in batches, empty after a step that finished none", () => {
    const sequential = resamplesFrom(data, inputs, bootstrapSeed, 0);
    const all = Array.from({length: 6}, () => toEnd(sequential()));
    const steps = [...resampleRange(data, inputs, {seed: bootstrapSeed, from: 2, to: 6, budgetMs: 0})];
    // One phase a step (no time budget): a resample's nine phases, the last of which finishes it.
    expect(steps.map((d) => d.length)).toEqual([2, 3, 4, 5].flatMap(() => [...Array(8).fill(0), 1]));
    expect(steps.flat()).toEqual(all.slice(2));
    const whole = [...resampleRange(data, inputs, {seed: bootstrapSeed, from: 2, to: 6, budgetMs: 1e9})];
    expect(whole).toEqual([all.slice(2)]);
  });
});
