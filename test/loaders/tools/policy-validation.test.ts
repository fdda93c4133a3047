import {describe, expect, it} from "vitest";
import {scenarios, type ScenarioName} from "../../../loaders/tools/policy-scenarios.js";
import {validateScenario} from "../../../loaders/tools/policy-validation.js";

// The full table over 20 seeds is docs/simulator-validation.md (npm run validate-simulator); here each scenario once
// at a moderate size, through the real pipeline.
describe("the policy simulator against the generator's truth", () => {
  // Built to break an assumption the page states (held-back leads progress like the leads marketing kept): below.
  const fooled: ScenarioName = "teams-differ";
  for (const scenario of (Object.keys(scenarios) as ScenarioName[]).filter((d) => d !== fooled)) {
    it(`${scenario}: every interval covers the truth and the decision is right`, async () => {
      const check = await validateScenario(scenario, {leads: 5000, seed: 11, replicates: 100});
      const missed = check.checks.filter((c) => !c.covered);
      expect(missed).toEqual([]);
      expect(check.decisionRight).toBe(true);
      expect(check.recommendsWorseThanActual).toBe(false);
    });
  }

  it("in the leakage scenario recommends no threshold stricter than what happened", async () => {
    const check = await validateScenario("leakage", {leads: 5000, seed: 12, replicates: 100});
    if (check.decision.kind === "recommend") expect(check.decision.k).toBe(1);
    else expect(check.decision.candidates).toContain(1);
  });

  it("where the teams that hand off at once get weaker leads, overstates the hours of a stricter rule, and says it cannot decide", async () => {
    const check = await validateScenario(fooled, {leads: 5000, seed: 11, replicates: 100});
    // The nurture model learns how leads climb from the teams that wait, whose leads are better: too many deferred
    // leads reach k. docs/simulator-validation.md has the figures; a model that fixes this must update them.
    const hours = check.checks.find((c) => c.k === 5 && c.figure === "salesHours")!;
    expect(hours.lo).toBeGreaterThan(hours.truth);
    expect(check.checks.filter((c) => c.figure !== "salesHours").every((c) => c.covered)).toBe(true);
    expect(check.decision.kind).toBe("undecided");
    expect(check.decisionRight).toBe(true);
  });
});
