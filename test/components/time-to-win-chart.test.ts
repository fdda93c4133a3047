import {beforeAll, describe, expect, it} from "vitest";
import {timeToWinChart} from "../../src/components/time-to-win-chart.js";
import {timeToWin} from "../../src/lib/analysis/conversion.js";
import {levelPalette} from "../../src/components/level-colors.js";
import {chartDocument, roundedMarkup} from "../helpers/chart.js";
import {chartFixture, type ChartFixture} from "../helpers/fixture-charts.js";

let fixture: ChartFixture;
beforeAll(async () => (fixture = await chartFixture()));

describe("timeToWinChart", () => {
  const chart = () => {
    const {extract, rows, levels, levelLabel} = fixture;
    const curves = timeToWin(extract, rows, levels).map((d) => ({...d, label: levelLabel(d.level)}));
    return {curves, figure: timeToWinChart(curves, {document: chartDocument()}) as unknown as Element};
  };

  it("draws a step line per level with handoffs", () => {
    const {curves, figure} = chart();
    const withSteps = curves.filter((d) => d.steps.length > 0).length;
    expect(figure.querySelectorAll("g[aria-label='line'] path").length).toBeGreaterThanOrEqual(withSteps);
  });

  it("draws each level in its colour of every chart, and names the level at the curve's end (viridis: a pale yellow)", () => {
    const {curves, figure} = chart();
    const strokes = [...figure.querySelectorAll("g[aria-label='line'] path")].map((d) => d.getAttribute("stroke"));
    expect(new Set(strokes)).toEqual(new Set(curves.map((d) => levelPalette[d.level - 1])));
    const ends = [...figure.querySelectorAll("g[aria-label='text'] text")].map((d) => d.textContent);
    expect(ends.sort()).toEqual(curves.map((d) => `${d.level}`).sort());
  });

  it("matches its snapshot", () => {
    expect(roundedMarkup(chart().figure)).toMatchSnapshot();
  });
});
