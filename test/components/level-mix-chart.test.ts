import {describe, expect, it} from "vitest";
import {levelMixChart} from "../../src/components/level-mix-chart.js";
import {chartDocument, chartTexts, roundedMarkup} from "../helpers/chart.js";
import {fixtureLevels} from "../helpers/levels.js";

const levels = fixtureLevels();

describe("levelMixChart", () => {
  it("puts the company's share beside the survey's for each level", () => {
    const chart = levelMixChart(levels, {width: 640, document: chartDocument()}) as unknown as Element;
    expect(chart.querySelectorAll("g[aria-label='bar'] rect")).toHaveLength(10);
    const texts = chartTexts(chart);
    expect(texts).toEqual(expect.arrayContaining(["20%", "30%", "28%", "25%", "10%"]));
    expect(roundedMarkup(chart)).toMatchSnapshot();
  });

  it("shows only the company's bars for a ladder without the survey benchmark", () => {
    const chart = levelMixChart(
      levels.map((d) => ({...d, surveyShare: null})),
      {width: 640, document: chartDocument()}
    ) as unknown as Element;
    expect(chart.querySelectorAll("g[aria-label='bar'] rect")).toHaveLength(5);
  });
});
