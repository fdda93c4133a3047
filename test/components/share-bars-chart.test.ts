import {describe, expect, it} from "vitest";
import {shareBarsChart} from "../../src/components/share-bars-chart.js";
import {chartDocument, chartTexts, roundedMarkup} from "../helpers/chart.js";

describe("shareBarsChart", () => {
  const rows = [
    {label: "< 1 hour", count: 6},
    {label: "1–4 hours", count: 3},
    {label: "never", count: 1}
  ];
  const chart = shareBarsChart(rows, {total: 10, document: chartDocument()}) as unknown as Element;

  it("draws a bar per category, its share of the total written on it", () => {
    expect(chart.querySelectorAll("g[aria-label='bar'] rect")).toHaveLength(3);
    expect(chartTexts(chart).join(" ")).toContain("60");
  });

  it("matches its snapshot", () => {
    expect(roundedMarkup(chart)).toMatchSnapshot();
  });
});
