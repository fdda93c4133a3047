import {describe, expect, it} from "vitest";
import {daysToWinChart} from "../../src/components/days-to-win-chart.js";
import {chartDocument, roundedMarkup} from "../helpers/chart.js";

describe("daysToWinChart", () => {
  const days = [1, 2, 2.5, 10, 11, 40, 41, 42, 90];
  const chart = daysToWinChart(days, {document: chartDocument()}) as unknown as Element;

  it("bins the won handoffs by days, in the colour of a win", () => {
    const bars = [...chart.querySelectorAll("g[aria-label='rect'] rect")];
    expect(bars.length).toBeGreaterThanOrEqual(2);
    expect(chart.querySelector("g[aria-label='rect']")?.getAttribute("fill")).toBe("#2f9e6e");
  });

  it("matches its snapshot", () => {
    expect(roundedMarkup(chart)).toMatchSnapshot();
  });
});
