import {describe, expect, it} from "vitest";
import {periodMixChart} from "../../src/components/period-mix-chart.js";
import {chartDocument, roundedMarkup} from "../helpers/chart.js";

describe("periodMixChart", () => {
  const rows = [
    {label: "1 · Any contact", current: 0.4, comparison: 0.3},
    {label: "2 · Target person", current: 0.35, comparison: 0.4},
    {label: "3 · Need", current: 0.25, comparison: null}
  ];
  const chart = periodMixChart(rows, {document: chartDocument()}) as unknown as Element;

  it("puts this period's share beside the earlier one's for each level, one facet per level", () => {
    expect(chart.querySelectorAll("g[aria-label='bar'] rect")).toHaveLength(6);
    expect(chart.querySelectorAll("g[aria-label='fx-axis tick label'] > *")).toHaveLength(3);
  });

  it("matches its snapshot", () => {
    expect(roundedMarkup(chart)).toMatchSnapshot();
  });
});
