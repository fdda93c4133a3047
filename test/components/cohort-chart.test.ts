import {beforeAll, describe, expect, it} from "vitest";
import {cohortChart} from "../../src/components/cohort-chart.js";
import {cohorts} from "../../src/lib/analysis/conversion.js";
import {chartDocument, roundedMarkup} from "../helpers/chart.js";
import {chartFixture, type ChartFixture} from "../helpers/fixture-charts.js";

let fixture: ChartFixture;
beforeAll(async () => (fixture = await chartFixture()));

describe("cohortChart", () => {
  const chart = () =>
    cohortChart(cohorts(fixture.extract, fixture.rows), {document: chartDocument()}) as unknown as Element;

  it("draws a line per handoff month only as far as it has been observed: none for a month not yet seen a month", () => {
    const observed = cohorts(fixture.extract, fixture.rows).filter((d) => d.wonWithin.length > 0);
    expect(observed.map((d) => d.month)).toEqual(["2025-01"]);
    expect(chart().querySelectorAll("g[aria-label='line'] path")).toHaveLength(observed.length);
  });

  it("gives cohorts without a win a y axis with percent ticks (a short export without wins showed 0.000000)", () => {
    const noWin = [{month: "2025-01", handoffs: 12, wonWithin: [0, 0, 0]}];
    const svg = cohortChart(noWin, {document: chartDocument()}) as unknown as Element;
    const ticks = [...svg.querySelectorAll("g[aria-label='y-axis tick label'] text")].map((d) => d.textContent);
    expect(ticks.length).toBeGreaterThan(1);
    expect(ticks.every((d) => /^\d+$/.test(d ?? ""))).toBe(true);
  });

  it("matches its snapshot", () => {
    expect(roundedMarkup(chart())).toMatchSnapshot();
  });
});
