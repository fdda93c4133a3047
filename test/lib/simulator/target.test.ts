import {describe, expect, it} from "vitest";
import {simulate} from "../../../src/lib/simulator/decision.js";
import {estimateDelayLoss} from "../../../src/lib/simulator/delay-loss.js";
import {handoffTarget, targetAnswer, targetOf, targetRun} from "../../../src/lib/simulator/target.js";
import {simulatorFixture} from "../../helpers/policies.js";

const {data} = await simulatorFixture();

describe("targetOf", () => {
  it("names the recommended level, else the lowest candidate, and never a pending one", () => {
    expect(targetOf({kind: "recommend", k: 3, share: 0.97})).toBe(3);
    expect(targetOf({kind: "undecided", candidates: [4, 2, 3], reason: "noise", share: 0.5})).toBe(2);
    expect(() => targetOf({kind: "pending", done: 1, of: 50})).toThrow(/names no level/);
  });
});

describe("targetRun and targetAnswer", () => {
  it("are handoffTarget() in two parts: the default inputs with the data's delay loss, then the level", () => {
    const {inputs, replicates} = targetRun(data);
    expect(inputs).toEqual({
      costPerSalesHour: 120,
      nurtureCostPerLead: 20,
      delayLoss: estimateDelayLoss(data).delayLoss
    });
    expect(replicates).toBe(50);
    const answer = targetAnswer(simulate(data, inputs, {replicates}));
    expect(answer).toEqual(handoffTarget(data));
    expect(answer.k).toBe(targetOf(answer.decision));
  });

  it("refuses a simulation still resampling", () => {
    const {inputs} = targetRun(data);
    const result = simulate(data, inputs, {replicates: 0});
    expect(() => targetAnswer({...result, decision: {kind: "pending", done: 0, of: 50}})).toThrow(/never pending/);
  });
});
