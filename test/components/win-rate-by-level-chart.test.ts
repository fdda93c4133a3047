import {describe, expect, it} from "vitest";
import {winRateByLevelChart} from "../../src/components/win-rate-by-level-chart.js";
import {chartDocument, chartTexts, roundedMarkup} from "../helpers/chart.js";
import {fixtureLevels} from "../helpers/levels.js";

const levels = fixtureLevels();

describe("winRateByLevelChart", () => {
  const chart = winRateByLevelChart(levels, {width: 640, document: chartDocument()}) as unknown as Element;

  it("shows a dot and an interval per level with closed handoffs, and n for every level", () => {
    expect(chart.querySelectorAll("g[aria-label='dot'] circle")).toHaveLength(5);
    expect(chart.querySelectorAll("g[aria-label='rule'] line").length).toBeGreaterThanOrEqual(5);
    const texts = chartTexts(chart);
    expect(texts.filter((d) => d.startsWith("n = "))).toEqual(["n = 2", "n = 3", "n = 1", "n = 1", "n = 1"]);
    expect(texts).toEqual(expect.arrayContaining(["0.0%", "33.3%", "100.0%"]));
  });

  it("leaves out the dot of a level without closed handoffs instead of drawing a zero", () => {
    const open = levels.map((d, i) =>
      i === 2 ? {...d, won: 0, closed: 0, open: 2, winRate: {k: 0, n: 0, rate: null, lo: null, hi: null}} : d
    );
    const chart = winRateByLevelChart(open, {width: 640, document: chartDocument()}) as unknown as Element;
    expect(chart.querySelectorAll("g[aria-label='dot'] circle")).toHaveLength(4);
    expect(chartTexts(chart)).toContain("n = 0");
  });

  it("matches its snapshot", () => {
    expect(roundedMarkup(chart)).toMatchSnapshot();
  });

  it("shows the share won of all handoffs, with n = handoffs, for data without lost outcomes", () => {
    const shares = winRateByLevelChart(levels, {width: 640, measure: "wonShare", document: chartDocument()});
    const texts = chartTexts(shares as unknown as Element);
    expect(texts.filter((d) => d.startsWith("n = "))).toEqual(["n = 2", "n = 3", "n = 2", "n = 1", "n = 2"]);
    expect(texts).toEqual(expect.arrayContaining(["50.0%", "↑ Share of handoffs won by the end of the data (%)"]));
  });
});
