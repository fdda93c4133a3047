import {beforeAll, describe, expect, it} from "vitest";
import {drawnSteps, timeToWinChart} from "../../src/components/time-to-win-chart.js";
import {kaplanMeier, type SurvivalStep} from "../../src/lib/core/survival.js";
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

describe("drawnSteps", () => {
  // 5,000 handoffs over a year, times in seconds (as the extract's), 20% won: nearly every step a censoring alone.
  let seed = 11;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const steps = kaplanMeier(
    Array.from({length: 5000}, () => ({time: Math.floor(random() * 400 * 86400) / 86400, event: random() < 0.2}))
  );
  const [maxDays, width] = [365, 640];
  const drawn = drawnSteps(steps, maxDays, width);
  const column = (d: SurvivalStep) => Math.floor((d.time / maxDays) * width);
  /** The step function (curve and band) at time t: the last step at or before it. */
  const at = (list: SurvivalStep[], t: number) => {
    const step = list.filter((d) => d.time <= t).at(-1);
    return step ? [step.survival, step.lo, step.hi] : null;
  };

  it("keeps only steps that move the curve or its band, at most two per pixel column, none past maxDays", () => {
    expect(drawn.length).toBeLessThan(steps.length / 4);
    expect(
      drawn.every(
        (d, i) =>
          i === 0 || d.survival !== drawn[i - 1].survival || d.lo !== drawn[i - 1].lo || d.hi !== drawn[i - 1].hi
      )
    ).toBe(true);
    const perColumn = new Map<number, number>();
    for (const d of drawn) perColumn.set(column(d), (perColumn.get(column(d)) ?? 0) + 1);
    expect(Math.max(...perColumn.values())).toBeLessThanOrEqual(2);
    expect(drawn.at(-1)!.time).toBeLessThanOrEqual(maxDays);
  });

  it("draws the same curve and band: equal at the end of every pixel column and at every step's column start", () => {
    for (let x = 0; x < width; ++x) {
      const end = ((x + 1) * maxDays) / width - 1e-9;
      expect(at(drawn, end)).toEqual(at(steps, end));
    }
    // Within a column only the moves between its first and last step are skipped: a column's first step stays.
    for (const d of steps.filter((d) => d.time <= maxDays)) {
      const first = drawn.find((k) => column(k) === column(d));
      if (at(steps, d.time)!.join() !== at(steps, d.time - 1e-9)?.join()) expect(first).toBeDefined();
    }
  });
});
