import {describe, expect, it} from "vitest";
import {scoresByLevelChart} from "../../src/components/scores-by-level-chart.js";
import {chartDocument, chartTexts, roundedMarkup} from "../helpers/chart.js";

const levelLabel = (level: number) => `${level} · L${level}`;

describe("scoresByLevelChart", () => {
  const byLevel = [
    {level: 1, n: 4, p25: 1, median: 2, p75: 3},
    {level: 2, n: 0, p25: null, median: null, p75: null},
    {level: 3, n: 3, p25: 6, median: 7, p75: 8.5}
  ];
  const chart = scoresByLevelChart(byLevel, {
    levelLabel,
    maxScore: 10,
    document: chartDocument()
  }) as unknown as Element;

  it("draws the middle half and the median of each level with scores, and n for every level", () => {
    expect(chart.querySelectorAll("g[aria-label='bar'] rect")).toHaveLength(2);
    expect(chart.querySelectorAll("g[aria-label='tick'] line")).toHaveLength(2);
    // Each level's n on a line under its name.
    expect(chartTexts(chart)).toEqual(expect.arrayContaining(["1 · L1n = 4", "2 · L2n = 0", "3 · L3n = 3"]));
  });

  it("matches its snapshot", () => {
    expect(roundedMarkup(chart)).toMatchSnapshot();
  });
});
