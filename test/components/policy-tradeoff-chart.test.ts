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

  it("gives an axis with whole ticks to a selection without sales hours (it showed one tick, 0.000000)", () => {
    const none = policies.map((d) => ({
      ...d,
      bar: {...d.bar, salesHours: 0},
      self: {...d.self, salesHours: 0},
      intervals: {...d.intervals, salesHours: {lo: 0, hi: 0}}
    }));
    const svg = policyTradeoffChart(none, {document: chartDocument()}) as unknown as Element;
    const ticks = [...svg.querySelectorAll("g[aria-label='x-axis tick label'] text")].map((d) => d.textContent);
    expect(ticks.length).toBeGreaterThan(1);
    expect(ticks.every((d) => /^[\d.,]+$/.test(d ?? "") && !/\.\d{3}/.test(d ?? ""))).toBe(true);
  });

  it("matches its snapshot", () => {
    expect(roundedMarkup(chart())).toMatchSnapshot();
  });
});
