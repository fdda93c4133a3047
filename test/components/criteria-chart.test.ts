import {beforeAll, describe, expect, it} from "vitest";
import {criteriaChart} from "../../src/components/criteria-chart.js";
import {criteria} from "../../src/lib/analysis/conversion.js";
import {chartDocument, chartTexts, roundedMarkup} from "../helpers/chart.js";
import {chartFixture, type ChartFixture} from "../helpers/fixture-charts.js";

let fixture: ChartFixture;
beforeAll(async () => (fixture = await chartFixture()));

describe("criteriaChart", () => {
  const chart = () =>
    criteriaChart(criteria(fixture.extract, fixture.rows, "closed"), {
      label: (type) => type.toUpperCase(),
      document: chartDocument()
    }) as unknown as Element;

  it("names each fact through the label it is given", () => {
    expect(chartTexts(chart()).some((d) => d.includes("ICP_FIT"))).toBe(true);
  });

  it("matches its snapshot", () => {
    expect(roundedMarkup(chart())).toMatchSnapshot();
  });
});
