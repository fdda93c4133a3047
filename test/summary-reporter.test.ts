import {describe, expect, it} from "vitest";
import type {TestModule} from "vitest/node";
import {runTotals} from "./summary-reporter.js";

/** A stand-in for a test module with the given test states. */
function module(states: string[], {errors = 0, state = "passed"} = {}): TestModule {
  return {
    children: {allTests: () => states.map((s) => ({result: () => ({state: s})}))},
    errors: () => Array.from({length: errors}),
    state: () => state
  } as unknown as TestModule;
}

describe("runTotals", () => {
  it("counts passed and failed tests", () => {
    expect(runTotals([module(["passed", "failed", "passed"])], [], "failed")).toEqual({passed: 2, failed: 1});
  });

  it("counts a file that failed to load, and each unhandled error", () => {
    expect(runTotals([module([], {errors: 1, state: "failed"}), module(["passed"])], ["x", "y"], "failed")).toEqual({
      passed: 1,
      failed: 3
    });
  });

  it("never reports a run that failed, or ran nothing, as free of failures (a global setup that threw)", () => {
    expect(runTotals([], [], "failed")).toEqual({passed: 0, failed: 1});
    expect(runTotals([], [], "passed")).toEqual({passed: 0, failed: 1});
    expect(runTotals([module(["passed"])], [], "interrupted")).toEqual({passed: 1, failed: 1});
  });
});
