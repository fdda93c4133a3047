import {describe, expect, it} from "vitest";
import {groupMonthsChart} from "../../src/components/group-months-chart.js";
import {chartDocument, chartTexts, roundedMarkup} from "../helpers/chart.js";

const levelLabels = ["1 · Any contact", "2 · Target person", "3 · Need"];

describe("groupMonthsChart", () => {
  const months = [
    {month: "2025-01", counts: [1, 2, 0]},
    {month: "2025-02", counts: [0, 1, 3]}
  ];
  const chart = groupMonthsChart(months, {levelLabels, document: chartDocument()}) as unknown as Element;

  it("stacks a bar per month and level with handoffs, and names the levels in the legend", () => {
    expect(chart.querySelectorAll("g[aria-label='bar'] rect")).toHaveLength(6);
    const legend = chart.parentElement?.textContent ?? chart.textContent ?? "";
    for (const label of levelLabels) expect(legend).toContain(label);
  });

  it("labels every month while there are twelve or fewer, and only Januaries beyond", () => {
    const months = (texts: string[]) => texts.filter((d) => /\d{4}-\d{2}$/.test(d)).map((d) => d.slice(-7));
    expect(months(chartTexts(chart))).toEqual(["2025-01", "2025-02"]);
    const long = Array.from({length: 14}, (_, i) => ({
      month: `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`,
      counts: [1, 0, 0]
    }));
    const texts = chartTexts(groupMonthsChart(long, {levelLabels, document: chartDocument()}) as unknown as Element);
    expect(months(texts)).toEqual(["2024-01", "2025-01"]);
  });

  it("matches its snapshot", () => {
    expect(roundedMarkup(chart)).toMatchSnapshot();
  });
});
