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

  // Both showed one tick, 0.000000: a selection without sales hours, and an export with no won deal.
  it.each([
    ["salesHours", "x"],
    ["wins", "y"]
  ] as const)("gives the axis whole ticks where no threshold has any %s (the %s axis)", (measure, axis) => {
    const none = policies.map((d) => ({
      ...d,
      bar: {...d.bar, [measure]: 0},
      self: {...d.self, [measure]: 0},
      intervals: {...d.intervals, [measure]: {lo: 0, hi: 0}}
    }));
    const svg = policyTradeoffChart(none, {document: chartDocument()}) as unknown as Element;
    const ticks = [...svg.querySelectorAll(`g[aria-label='${axis}-axis tick label'] text`)].map((d) => d.textContent);
    expect(ticks.length).toBeGreaterThan(1);
    expect(ticks.every((d) => /^[\d.,]+$/.test(d ?? "") && !/\.\d{3}/.test(d ?? ""))).toBe(true);
  });

  it('labels thresholds at the very same point once ("k = 4, 5" overlapped on a small export)', () => {
    const same = policies.map((d) =>
      d.k >= 4 ? {...d, bar: {...d.bar, salesHours: 0, wins: 0}, self: {...d.self, salesHours: 0, wins: 0}} : d
    );
    const svg = policyTradeoffChart(same, {document: chartDocument()}) as unknown as Element;
    const labels = [...svg.querySelectorAll("g[aria-label='text'] text")].map((d) => d.textContent);
    expect(labels.sort()).toEqual(["k = 1", "k = 2", "k = 3", "k = 4, 5"]);
    // On the right of its dot: at the origin a label on the left ran out of the chart.
    const shared = [...svg.querySelectorAll("g[aria-label='text'] text")].find((d) => d.textContent === "k = 4, 5")!;
    expect(shared.closest("g")!.getAttribute("text-anchor")).toBe("start");
  });

  it("divides by the quarters covered, as the page's table does (it showed totals beside a table per quarter)", () => {
    const axes = (quarters: number) => {
      const svg = policyTradeoffChart(policies, {
        quarters,
        per: "per quarter",
        document: chartDocument()
      }) as unknown as Element;
      const ticks = (axis: string) =>
        [...svg.querySelectorAll(`g[aria-label='${axis}-axis tick label'] text`)].map((d) =>
          Number(d.textContent!.replace(/,/g, ""))
        );
      const label = (axis: string) => svg.querySelector(`g[aria-label='${axis}-axis label']`)?.textContent ?? "";
      return {hours: Math.max(...ticks("x")), wins: Math.max(...ticks("y")), labels: label("x") + " | " + label("y")};
    };
    const hours = Math.max(...policies.map((d) => d.intervals.salesHours.hi));
    const wins = Math.max(...policies.map((d) => d.intervals.wins.hi));
    expect(axes(1).hours).toBeGreaterThan(hours / 4);
    expect(axes(4).hours).toBeLessThanOrEqual(hours / 4);
    expect(axes(1).wins).toBeGreaterThan(wins / 4);
    expect(axes(4).wins).toBeLessThanOrEqual(wins / 4);
    expect(axes(4).labels).toBe("Sales hours per quarter → | ↑ Wins per quarter");
  });

  it("matches its snapshot", () => {
    expect(roundedMarkup(chart())).toMatchSnapshot();
  });
});
