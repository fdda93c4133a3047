import {beforeAll, describe, expect, it} from "vitest";
import {policyTradeoffChart} from "../../src/components/policy-tradeoff-chart.js";
import type {PolicyResult} from "../../src/lib/simulator/decision.js";
import {chartDocument, roundedMarkup} from "../helpers/chart.js";
import {fixturePolicies} from "../helpers/policies.js";

let policies: PolicyResult[];
beforeAll(async () => (policies = await fixturePolicies()));

describe("policyTradeoffChart", () => {
  const chart = () => policyTradeoffChart(policies, {document: chartDocument()}) as unknown as Element;

  it("places every threshold by sales hours and wins, under both assumptions", () => {
    expect(chart().querySelectorAll("g[aria-label='dot'] circle").length).toBe(2 * policies.length);
  });

  it("matches its snapshot", () => {
    expect(roundedMarkup(chart())).toMatchSnapshot();
  });
});
