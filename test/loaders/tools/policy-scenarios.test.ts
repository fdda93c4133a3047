import {describe, expect, it} from "vitest";
import {generateScenario, scenarios, type ScenarioName} from "../../../loaders/tools/policy-scenarios.js";

describe("generateScenario", () => {
  it("is seeded: the same seed gives the same history and truth", () => {
    const a = generateScenario("leakage", {leads: 500, seed: 7});
    const b = generateScenario("leakage", {leads: 500, seed: 7});
    expect(a).toEqual(b);
    expect(generateScenario("leakage", {leads: 500, seed: 8}).events).not.toEqual(a.events);
  });

  it("mixes handoff rules across teams, and dates nothing before its lead or after the data end", () => {
    const run = generateScenario("waiting-helps", {leads: 2000, seed: 1});
    expect(new Set(run.leads.map((d) => d.campaign)).size).toBe(5);
    const created = new Map(run.leads.map((d) => [d.lead_id, d.created_at]));
    expect(run.events.every((e) => e.at >= created.get(e.lead_id)! && e.at <= run.end)).toBe(true);
    expect(run.events.every((e) => e.at % 60_000 === 0)).toBe(true);
  });

  for (const name of Object.keys(scenarios) as ScenarioName[]) {
    it(`${name}: the lowest policy is what happened, and a stricter one defers more and hands off fewer`, () => {
      const run = generateScenario(name, {leads: 3000, seed: 3});
      const handedOff = run.events.filter((e) => e.type === "handed_off").length;
      const won = run.events.filter((e) => e.type === "won").length;
      const [actual] = run.truth;
      expect(actual).toMatchObject({k: 1, deferred: 0, handoffsToSales: handedOff});
      // Deals still open at the data end are won later: the truth counts their full outcome.
      expect(actual.wins).toBeGreaterThanOrEqual(won);
      for (let k = 1; k < run.truth.length; ++k) {
        expect(run.truth[k].deferred).toBeGreaterThanOrEqual(run.truth[k - 1].deferred);
        expect(run.truth[k].handoffsToSales).toBeLessThanOrEqual(run.truth[k - 1].handoffsToSales);
      }
    });
  }
});
