import {describe, expect, it} from "vitest";
import {answerText} from "../../../src/lib/simulator/answer.js";
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
    const {headline, detail} = answerText(recommending(-40, -20), {...format, quarters: 4});
    expect(headline).toBe("Hand off at level 3 (L3) or above.");
    expect(detail).toMatch(/^Against what actually happened, per quarter: sales hours −10 … −5/);
  });

  it("gives the whole export's totals, never per quarter, for data without calendar dates", () => {
    const text = answerText(recommending(-40, -20), {...format, quarters: 1, calendar: false}).detail;
    expect(text).toContain("Against what actually happened, over the whole export: sales hours −40 … −20");
    expect(text).not.toContain("quarter");
  });

  it("says the data cannot decide when it does not record what the answer rests on, naming each gap", () => {
    const result = recommending(-40, -20);
    result.decision = {kind: "undecided", candidates: [1, 3], reason: "unmeasured", share: 1, unmeasured: []};
    result.decision.unmeasured = ["evidence", "amounts"];
    const {headline, detail} = answerText(result, {...format, quarters: 4});
    expect(headline).toBe("The data cannot decide: it records no qualification evidence or won amounts.");
    expect(detail).toMatch(/^Without qualification evidence no lead climbs the ladder.* Without won amounts no rule/);
    expect(detail).not.toContain("sales hours");
    result.decision.unmeasured = ["evidence", "losses", "salesHours", "amounts"];
    expect(answerText(result, {...format, quarters: 4}).headline).toBe(
      "The data cannot decide: it records no qualification evidence, lost deals, sales hours, or won amounts."
    );
    expect(answerText(result, {...format, quarters: 4}).detail).toContain("a lower bound");
    result.decision.unmeasured = ["wins"];
    expect(answerText(result, {...format, quarters: 4}).headline).toBe(
      "The data cannot decide: it records no won deals."
    );
    expect(answerText(result, {...format, quarters: 4}).detail).toMatch(/^Not one handoff was won/);
  });

  it("puts one sentence in the headline and the reasons in the detail, whatever the answer", () => {
    const result = recommending(-40, -20);
    result.decision = {kind: "undecided", candidates: [1, 2, 3], reason: "noise", share: 0.8};
    // Net values under both assumptions, k = 3 the best.
    result.policies = result.policies.map((d, j) => ({...d, bar: {netValue: j}, self: {netValue: j}}) as PolicyResult);
    const noise = answerText(result, {...format, quarters: 4});
    expect(noise.headline).toBe("The data cannot decide between the thresholds 1, 2, 3.");
    expect(noise.detail).toMatch(/^k = 3 is best under both assumptions, but only in 80% of 200/);
    result.decision = {kind: "undecided", candidates: [1, 3], reason: "climb", share: 1};
    result.policies[1].climbed = {bar: {netValue: -1}, self: {netValue: -1}} as PolicyResult["climbed"];
    expect(answerText(result, {...format, quarters: 4}).detail).toMatch(
      /^Under both assumptions k = 3 is best if deferred leads would climb .* but k = 1 if they climb only as far as/
    );
    result.decision = {kind: "undecided", candidates: [1, 3], reason: "paths", share: 1};
    result.policies[1].climbed = undefined;
    result.policies[0].ownPath = {bar: {netValue: 9}, self: {netValue: 9}} as PolicyResult["ownPath"];
    expect(answerText(result, {...format, quarters: 4}).detail).toMatch(
      /^Under both assumptions k = 3 is best if .* but k = 1 if they would climb as the handoffs of their own level did/
    );
    result.decision = {kind: "undecided", candidates: [1, 3], reason: "few", share: 0.8};
    expect(answerText(result, {...format, quarters: 4})).toEqual({
      headline: "The data cannot decide.",
      detail:
        "Only 400 closed handoffs stand behind these figures (at least 30 needed). Widen the filters, or wait for more outcomes."
    });
    result.decision = {kind: "pending", done: 12, of: 200};
    expect(answerText(result, {...format, quarters: 4}).headline).toBe(
      "Estimating the uncertainty: 12 of 200 bootstrap resamples so far."
    );
  });
});
