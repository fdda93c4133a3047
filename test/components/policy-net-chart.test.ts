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

  it("divides by the quarters covered, as the page's table does (it showed totals beside a table per quarter)", () => {
    const top = (quarters: number) => {
      const svg = policyNetChart(policies, {
        money: (x) => `${Math.round(x)}`,
        quarters,
        per: "per quarter",
        document: chartDocument()
      }) as unknown as Element;
      const ticks = [...svg.querySelectorAll("g[aria-label='y-axis tick label'] text")].map((d) =>
        Number(d.textContent)
      );
      return {top: Math.max(...ticks), label: svg.querySelector("g[aria-label='y-axis label']")?.textContent};
    };
    const highest = Math.max(...policies.map((d) => d.intervals.netValue.hi));
    expect(top(1).top).toBeGreaterThan(highest / 4);
    expect(top(4).top).toBeLessThanOrEqual(highest / 4);
    expect(top(4).label).toContain("per quarter");
  });

  it("matches its snapshot, with and without a recommended threshold", () => {
    expect(roundedMarkup(chart())).toMatchSnapshot();
    expect(roundedMarkup(chart(3))).toMatchSnapshot();
  });
});
