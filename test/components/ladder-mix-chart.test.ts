import {describe, expect, it} from "vitest";
import {ladderMixChart, levelCounts} from "../../src/components/ladder-mix-chart.js";
import {chartDocument, chartTexts, plotWarning, roundedMarkup} from "../helpers/chart.js";

describe("levelCounts", () => {
  it("counts the given rows per level of the ladder, zero for a level no row has, ignoring other stages", () => {
    const stages = [1, 2, 2, 4, 9, 1];
    expect(levelCounts([1, 2, 3, 4], Uint32Array.from([0, 1, 2, 3, 4]), stages)).toEqual([
      {level: 1, count: 1},
      {level: 2, count: 2},
      {level: 3, count: 0},
      {level: 4, count: 1}
    ]);
  });
});

describe("ladderMixChart", () => {
  const edited = [
    {level: 1, count: 120},
    {level: 2, count: 40},
    {level: 3, count: 12}
  ];
  const built = [...edited.slice(0, 2), {level: 3, count: 8}, {level: 4, count: 4}];
  const chart = ladderMixChart(edited, {built, document: chartDocument()}) as unknown as Element;

  it("draws the edited ladder's bars with their counts and a tick per level of the build's ladder", () => {
    expect(chart.querySelectorAll("g[aria-label='bar'] rect")).toHaveLength(3);
    expect(chart.querySelectorAll("g[aria-label='tick'] line")).toHaveLength(4);
    expect(chartTexts(chart)).toEqual(expect.arrayContaining(["120", "40", "12", "4"]));
  });

  it("draws no Plot warning (levels are a band scale's names, not numbers in text)", () => {
    expect(plotWarning(chart)).toBeNull();
  });

  it("matches its snapshot", () => {
    expect(roundedMarkup(chart)).toMatchSnapshot();
  });
});

describe("ladderMixChart's counts", () => {
  it("sit below the axis label above the tallest bar (they collided with it, and the declutter hid them)", () => {
    const chart = ladderMixChart([{level: 1, count: 215_000}], {
      built: [{level: 1, count: 215_000}],
      document: chartDocument()
    }) as unknown as Element;
    const label = [...chart.querySelectorAll("g[aria-label='text'] text")].find((d) => d.textContent === "215,000");
    // Plot places a text by two translations: the mark's offset (dy) and the text's own position.
    const shift = (node: Element | null | undefined) =>
      Number(/translate\([^,]+,([^)]+)\)/.exec(node?.getAttribute("transform") ?? "")?.[1] ?? NaN);
    const axisLabel = [...chart.querySelectorAll("g[aria-label='y-axis label'] text")][0];
    expect(shift(label) + shift(label?.parentElement) - shift(axisLabel)).toBeGreaterThanOrEqual(12);
  });
});
