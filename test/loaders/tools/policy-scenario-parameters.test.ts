import {describe, expect, it} from "vitest";
import {scenarios, type ScenarioName} from "../../../loaders/tools/policy-scenario-parameters.js";
import {generateScenario} from "../../../loaders/tools/policy-scenarios.js";

describe("scenarios", () => {
  it("are the four documented ones", () => {
    expect(Object.keys(scenarios)).toEqual(["waiting-helps", "waiting-hurts", "leakage", "teams-differ"]);
  });

  it("shows each scenario's story in its truth: waiting pays off, costs, or leaves the value where it is", () => {
    const net = (name: ScenarioName) => {
      const run = generateScenario(name, {leads: 6000, seed: 5});
      return run.truth.map((t) => t.revenue - 120 * t.salesHours - 20 * t.deferred);
    };
    const helps = net("waiting-helps");
    expect(helps[4]).toBeGreaterThan(helps[0]);
    const hurts = net("waiting-hurts");
    expect(Math.max(...hurts)).toBe(hurts[0]);
    const leakage = net("leakage");
    expect(Math.max(...leakage)).toBe(leakage[0]);
    // The teams that wait get the better accounts: waiting truly pays, though the model cannot see why.
    const teams = net("teams-differ");
    expect(Math.max(...teams)).toBe(teams[4]);
  });
});
