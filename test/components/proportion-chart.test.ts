import {describe, expect, it} from "vitest";
import {proportionChart} from "../../src/components/proportion-chart.js";
import {wilson} from "../../src/lib/core/stats.js";
import {chartDocument, chartTexts, roundedMarkup} from "../helpers/chart.js";

describe("proportionChart", () => {
  const rows = [
    {label: "< 1 day", p: wilson(12, 40)},
    {label: "1–3 days", p: wilson(3, 12)},
    {label: "3+ days", p: wilson(0, 0)}
  ];
  const chart = proportionChart(rows, {minN: 30, document: chartDocument()}) as unknown as Element;

  it("writes each category's rate and n under it, and a dash where nothing closed", () => {
    const texts = chartTexts(chart).join(" ");
    for (const part of ["30.0%", "n = 40", "25.0%", "n = 12", "–", "n = 0"]) expect(texts).toContain(part);
  });

  it("draws a dot per rated category, hollow below the minimum n", () => {
    const dots = [...chart.querySelectorAll("g[aria-label='dot'] circle")];
    expect(dots).toHaveLength(2);
  });

  it("matches its snapshot", () => {
    expect(roundedMarkup(chart)).toMatchSnapshot();
  });
});
