import {describe, expect, it} from "vitest";
import {answerText, unmeasuredNote} from "../../../src/lib/simulator/answer.js";
import type {PolicyResult, SimulationResult} from "../../../src/lib/simulator/decision.js";

/** A recommendation of k = 3 whose changes against actual are the same interval for every figure. */
function recommending(lo: number, hi: number): SimulationResult {
  const interval = {lo, hi};
  const policy = (k: number) =>
    ({
      k,
      changes: {salesHours: interval, wins: interval, netValue: interval}
    }) as unknown as PolicyResult;
  return {
    policies: [policy(1), policy(3)],
    decision: {kind: "recommend", k: 3, share: 0.97},
    replicates: 200,
    closed: 400
  };
}

describe("answerText", () => {
  const format = {levelName: (k: number) => `L${k}`, money: (x: number) => `$${x}`};

  it("divides the changes by the quarters the data covers and says they are per quarter", () => {
    const text = answerText(recommending(-40, -20), {...format, quarters: 4});
    expect(text).toContain("Against what actually happened, per quarter: sales hours −10 … −5");
  });

  it("gives the whole export's totals, never per quarter, for data without calendar dates", () => {
    const text = answerText(recommending(-40, -20), {...format, quarters: 1, calendar: false});
    expect(text).toContain("Against what actually happened, over the whole export: sales hours −40 … −20");
    expect(text).not.toContain("quarter");
  });

  it("says the data cannot decide when it does not record what the answer rests on, naming each gap", () => {
    const result = recommending(-40, -20);
    expect(unmeasuredNote(result)).toBe("");
    result.decision = {kind: "undecided", candidates: [1, 3], reason: "unmeasured", share: 1, unmeasured: []};
    result.decision.unmeasured = ["evidence", "amounts"];
    expect(answerText(result, {...format, quarters: 4})).toBe(
      "The data cannot decide: it records no qualification evidence or won amounts."
    );
    const note = unmeasuredNote(result);
    expect(note).toMatch(/^Without qualification evidence no lead climbs the ladder.* Without won amounts no rule/);
    expect(note).not.toContain("sales hours");
  });
});
