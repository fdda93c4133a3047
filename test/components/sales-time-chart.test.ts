import {beforeAll, describe, expect, it} from "vitest";
import {salesTimeChart} from "../../src/components/sales-time-chart.js";
import {salesTimeByLevel} from "../../src/lib/analysis/timing.js";
import {chartDocument, roundedMarkup} from "../helpers/chart.js";
import {chartFixture, type ChartFixture} from "../helpers/fixture-charts.js";

let fixture: ChartFixture;
beforeAll(async () => (fixture = await chartFixture()));

describe("salesTimeChart", () => {
  const chart = (hourlyRate = 0) => {
    const {extract, rows, levels, levelLabel} = fixture;
    const data = salesTimeByLevel(extract, rows, levels).levels.map((d) => ({...d, label: levelLabel(d.level)}));
    return salesTimeChart(data, {hourlyRate, document: chartDocument()}) as unknown as Element;
  };

  it("splits each level's sales hours by outcome in stacked bars", () => {
    expect(chart().querySelectorAll("g[aria-label='bar'] rect").length).toBeGreaterThan(0);
  });

  it("matches its snapshot, in hours and in money at an hourly rate", () => {
    expect(roundedMarkup(chart())).toMatchSnapshot();
    expect(roundedMarkup(chart(120))).toMatchSnapshot();
  });

  it("gives the axis whole ticks and the bars no height where the selection has no sales hours", () => {
    const {extract, rows, levels, levelLabel} = fixture;
    const none = salesTimeByLevel(extract, rows, levels).levels.map((d) => ({
      ...d,
      label: levelLabel(d.level),
      won: 0,
      notWon: 0,
      open: 0,
      total: 0
    }));
    const svg = salesTimeChart(none, {document: chartDocument()}) as unknown as Element;
    const ticks = [...svg.querySelectorAll("g[aria-label='y-axis tick label'] text")].map((d) => d.textContent);
    // It had one tick, 0.000000, and full-height bars.
    expect(ticks).toContain("1.0");
    expect(ticks).not.toContain("0.000000");
    const heights = [...svg.querySelectorAll("g[aria-label='bar'] rect")].map((d) => Number(d.getAttribute("height")));
    expect(heights.every((h) => h === 0)).toBe(true);
  });
});
