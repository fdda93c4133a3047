import {beforeAll, describe, expect, it} from "vitest";
import {policyNetChart} from "../../src/components/policy-net-chart.js";
import type {PolicyResult} from "../../src/lib/simulator/decision.js";
import {chartDocument, plotWarning, roundedMarkup} from "../helpers/chart.js";
import {fixturePolicies} from "../helpers/policies.js";

let policies: PolicyResult[];
beforeAll(async () => (policies = await fixturePolicies()));

describe("policyNetChart", () => {
  const chart = (highlight: number | null = null) =>
    policyNetChart(policies, {
      money: (x) => `€${Math.round(x)}`,
      highlight,
      document: chartDocument()
    }) as unknown as Element;

  it("shows each threshold's net value under both assumptions, with its interval", () => {
    const figure = chart();
    expect(figure.querySelectorAll("g[aria-label='dot'] circle").length).toBeGreaterThanOrEqual(policies.length);
    expect(figure.textContent).toContain("€");
  });

  it("draws no Plot warning (thresholds are levels on a point scale, not numbers in text)", () => {
    expect(plotWarning(chart())).toBeNull();
  });

  it("matches its snapshot, with and without a recommended threshold", () => {
    expect(roundedMarkup(chart())).toMatchSnapshot();
    expect(roundedMarkup(chart(3))).toMatchSnapshot();
  });
});
