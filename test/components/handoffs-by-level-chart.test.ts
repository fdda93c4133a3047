import {describe, expect, it} from "vitest";
import {handoffsByLevelChart, twoLineLabel} from "../../src/components/handoffs-by-level-chart.js";
import {chartDocument, chartTexts, roundedMarkup} from "../helpers/chart.js";
import {fixtureLevels} from "../helpers/levels.js";

const levels = fixtureLevels();

describe("handoffsByLevelChart", () => {
  const chart = handoffsByLevelChart(levels, {width: 640, document: chartDocument()}) as unknown as Element;

  it("draws a bar segment per level and outcome and labels each level's total", () => {
    expect(chart.querySelectorAll("g[aria-label='bar'] rect")).toHaveLength(5 * 5);
    const texts = chartTexts(chart);
    for (const label of ["Any contact", "MAN-T qualified"]) expect(texts.some((d) => d.includes(label))).toBe(true);
    expect(texts.filter((d) => /^\d+$/.test(d))).toEqual(expect.arrayContaining(["2", "3", "1"]));
  });

  it("matches its snapshot", () => {
    expect(roundedMarkup(chart)).toMatchSnapshot();
  });
});

describe("twoLineLabel", () => {
  it("puts the level number over its name", () => {
    expect(twoLineLabel("3 · Need")).toBe("3\nNeed");
  });
});
