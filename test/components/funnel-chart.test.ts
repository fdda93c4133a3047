import {beforeAll, describe, expect, it} from "vitest";
import {funnelChart} from "../../src/components/funnel-chart.js";
import {funnel} from "../../src/lib/analysis/conversion.js";
import {chartDocument, chartTexts, roundedMarkup} from "../helpers/chart.js";
import {chartFixture, type ChartFixture} from "../helpers/fixture-charts.js";

let fixture: ChartFixture;
beforeAll(async () => (fixture = await chartFixture()));

describe("funnelChart", () => {
  const chart = () => {
    const {extract, rows, levels, levelLabel} = fixture;
    const data = funnel(extract, rows, levels, "in-order").map((d) => ({...d, label: levelLabel(d.level)}));
    return {data, figure: funnelChart(data, {document: chartDocument()}) as unknown as Element};
  };

  it("draws a bar per level and step, zero steps included, and names the levels", () => {
    const {data, figure} = chart();
    const bars = figure.querySelectorAll("g[aria-label='bar'] rect");
    expect(bars.length).toBe(data.length * data[0].counts.length);
    expect(chartTexts(figure).join(" ")).toContain("Any contact");
  });

  it("matches its snapshot", () => {
    expect(roundedMarkup(chart().figure)).toMatchSnapshot();
  });
});
