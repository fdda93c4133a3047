import {describe, expect, it} from "vitest";
import {randomLcg} from "d3-random";
import {bootstrapSeed, lcgFrom, resamplesAt, resamplesDown} from "../../../src/lib/simulator/resamples.js";
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

describe("resamplesAt", () => {
  it("gives resample b the same in any order: the later resamples can be computed elsewhere", () => {
    const resample = resamplesAt(data, inputs, bootstrapSeed);
    const all = [0, 1, 2, 3, 4].map((b) => toEnd(resample(b)));
    expect(all[3]).not.toEqual(all[2]);
    const elsewhere = resamplesAt(data, inputs, bootstrapSeed);
    for (const b of [4, 1, 3, 0]) expect(toEnd(elsewhere(b))).toEqual(all[b]);
    // A resample left half done leaves nothing behind in the arrays the next one reuses.
    const left = elsewhere(2);
    for (let i = 0; i < 4; ++i) left.next();
    expect(toEnd(elsewhere(2))).toEqual(all[2]);
    expect(toEnd(resamplesAt(data, inputs, bootstrapSeed + 1)(2))).not.toEqual(all[2]);
  });
});

describe("resamplesDown", () => {
  const resample = resamplesAt(data, inputs, bootstrapSeed);
  const all = Array.from({length: 6}, (_, b) => toEnd(resample(b)));

  it("yields resamples from the last down to the floor, each with its index and the lowest started", () => {
    const floor = () => 2;
    const steps = [...resamplesDown(data, inputs, {seed: bootstrapSeed, to: 6, budgetMs: 0, floor})];
    // One phase a step (no time budget): a resample's nine phases, the last of which finishes it; then the end.
    expect(steps.map((d) => d.samples.length)).toEqual([...[5, 4, 3, 2].flatMap(() => [...Array(8).fill(0), 1]), 0]);
    expect(steps.map((d) => d.claimed)).toEqual([...[5, 4, 3, 2].flatMap((b) => Array(9).fill(b)), 2]);
    expect(steps.map((d) => d.done)).toEqual([...Array(36).fill(false), true]);
    expect(steps.flatMap((d) => d.samples)).toEqual([5, 4, 3, 2].map((b) => [b, all[b]]));
    const whole = [...resamplesDown(data, inputs, {seed: bootstrapSeed, to: 6, budgetMs: 1e9, floor})];
    expect(whole).toEqual([{samples: [5, 4, 3, 2].map((b) => [b, all[b]]), claimed: 2, done: true}]);
  });

  it("stops short where the worker's progress has come meanwhile, finishing the one it started", () => {
    let worker = 0;
    const floor = () => worker;
    const steps = resamplesDown(data, inputs, {seed: bootstrapSeed, to: 6, budgetMs: 0, floor});
    const delivered: number[] = [];
    for (const step of steps) {
      delivered.push(...step.samples.map(([b]) => b));
      // The worker gets to 4 while the helper computes 5, then to 5 while the helper computes 4.
      if (step.claimed === 5) worker = 4;
      if (step.claimed === 4) worker = 5;
      if (step.done) expect(step.claimed).toBe(4);
    }
    expect(delivered).toEqual([5, 4]);
  });
});
