import {beforeAll, describe, expect, it} from "vitest";
import {levelMixTrendChart} from "../../src/components/level-mix-trend-chart.js";
import {levelMixByMonth} from "../../src/lib/analysis/timing.js";
import {handoffLadder} from "../../src/lib/core/ladder.js";
import {chartDocument, roundedMarkup} from "../helpers/chart.js";
import {chartFixture, type ChartFixture} from "../helpers/fixture-charts.js";

let fixture: ChartFixture;
beforeAll(async () => (fixture = await chartFixture()));

describe("levelMixTrendChart", () => {
  const chart = () => {
    const {extract, rows, levels, levelLabel} = fixture;
    return levelMixTrendChart(levelMixByMonth(extract, rows, levels), {
      labels: levels.map(levelLabel),
      survey: handoffLadder.levels.map((d) => d.surveyShare ?? null),
      document: chartDocument()
    }) as unknown as Element;
  };

  it("stacks the levels' shares per month and marks the survey's mix", () => {
    const figure = chart();
    expect(figure.querySelectorAll("g[aria-label='area'] path")).toHaveLength(5);
    expect(figure.querySelectorAll("g[aria-label='rule'] line")).toHaveLength(4);
  });

  it("draws a single month as a full month's step, without a warning", () => {
    const figure = levelMixTrendChart([{month: "2025-02", handoffs: 4, counts: [1, 3]}], {
      labels: ["1", "2"],
      survey: [null, null],
      document: chartDocument()
    }) as unknown as Element;
    const areas = [...figure.querySelectorAll("g[aria-label='area'] path")].map((d) => d.getAttribute("d") ?? "");
    expect(areas).toHaveLength(2);
    // Each area spans February from its first to its last day: two distinct x positions, not one.
    for (const d of areas) expect(new Set(d.match(/[ML]([\d.]+),/g)).size).toBeGreaterThan(1);
    expect(figure.textContent).not.toContain("warning");
  });

  it("matches its snapshot", () => {
    expect(roundedMarkup(chart())).toMatchSnapshot();
  });
});
