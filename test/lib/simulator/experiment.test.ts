import {describe, expect, it} from "vitest";
import {
  designExperiment,
  detectableRate,
  powerOfTest,
  sampleSizePerArm,
  trialInputs
} from "../../../src/lib/simulator/experiment.js";
import type {Extract} from "../../../src/lib/core/extract.js";
import {outcomeCode} from "../../../src/lib/core/measures.js";

describe("the two-proportion power calculation against R's power.prop.test (its documented examples)", () => {
  it("power.prop.test(n = 50, p1 = .50, p2 = .75) => power = 0.740", () => {
    expect(powerOfTest(50, 0.5, 0.75)).toBeCloseTo(0.74, 3);
  });

  it("power.prop.test(p1 = .50, p2 = .75, power = .90) => n = 76.7", () => {
    expect(sampleSizePerArm(0.5, 0.75, {power: 0.9})).toBeCloseTo(76.7, 1);
  });

  it("power.prop.test(n = 50, p1 = .5, power = .90) => p2 = 0.8026", () => {
    expect(detectableRate(50, 0.5, {power: 0.9})).toBeCloseTo(0.8026, 4);
  });

  it("(p1, p2) = (0.9, 1) at power 0.8 needs at least n = 74 (the documentation's note)", () => {
    expect(Math.ceil(sampleSizePerArm(0.9, 1 - 1e-12, {power: 0.8}))).toBe(74);
  });

  it("is symmetric in the two rates and grows as the effect shrinks", () => {
    expect(sampleSizePerArm(0.1, 0.13)).toBeCloseTo(sampleSizePerArm(0.13, 0.1), 9);
    expect(sampleSizePerArm(0.1, 0.12)).toBeGreaterThan(sampleSizePerArm(0.1, 0.13));
  });
});

describe("designExperiment", () => {
  it("turns the company's volume into months: the smaller arm sets the pace", () => {
    const design = designExperiment({
      eligiblePerMonth: 200,
      controlRate: 0.1,
      effect: 0.05,
      holdBackShare: 0.25,
      maxWaitMonths: 3,
      monthsToClose: 2
    })!;
    expect(design.perArm).toBe(Math.ceil(sampleSizePerArm(0.1, 0.15)));
    expect(design.perArm).toBe(686);
    expect(design.heldBackPerMonth).toBe(50);
    expect(design.enrolMonths).toBeCloseTo(686 / 50, 9);
    expect(design.totalMonths).toBeCloseTo(686 / 50 + 5, 9);
  });

  it("refuses what cannot be tested", () => {
    const base = {
      eligiblePerMonth: 100,
      controlRate: 0.1,
      effect: 0.05,
      holdBackShare: 0.5,
      maxWaitMonths: 1,
      monthsToClose: 1
    };
    expect(designExperiment({...base, eligiblePerMonth: 0})).toBeNull();
    expect(designExperiment({...base, holdBackShare: 1})).toBeNull();
    expect(designExperiment({...base, effect: 0})).toBeNull();
    expect(designExperiment({...base, effect: 0.95})).toBeNull();
  });
});

describe("trialInputs", () => {
  // Six handoffs: stages 1, 1, 2, 2, 3 and 1; outcomes won, lost, won, open, won, lost; close times in hours.
  const {won, lost, open} = outcomeCode;
  const extract = {
    columns: {
      outcome: Uint8Array.from([won, lost, won, open, won, lost]),
      hoursToClose: Float64Array.from([24 * 30.44, 48 * 30.44, 72 * 30.44, NaN, 1, NaN])
    }
  } as unknown as Extract;
  const stages = [1, 1, 2, 2, 3, 1];
  const rows = Uint32Array.from([0, 1, 2, 3, 4, 5]);
  const choice = {k: 3, holdBackShare: 0.5, effectPoints: 5, maxWaitMonths: 6};

  it("takes the handoffs below k: per month over the quarters, their win rate of closed, median months to close", () => {
    expect(trialInputs(extract, rows, stages, choice, 2)).toEqual({
      k: 3,
      eligiblePerMonth: 5 / 6,
      controlRate: 2 / 4,
      effect: -0.05,
      holdBackShare: 0.5,
      maxWaitMonths: 6,
      monthsToClose: 2
    });
  });

  it("tests the effect upwards where going down would leave no rate, and reads only the rows given", () => {
    const trial = trialInputs(extract, Uint32Array.from([1, 5]), stages, {...choice, effectPoints: 30}, 1);
    expect(trial).toMatchObject({controlRate: 0, effect: 0.3, eligiblePerMonth: 2 / 3, monthsToClose: 2});
  });
});
