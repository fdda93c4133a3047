import {beforeAll, describe, expect, it} from "vitest";
import {selectForCharts} from "../../src/components/chart-downloads.js";
import type {DetailedExtract} from "../../src/lib/core/extract.js";
import {extractOf} from "../helpers/model.js";

let extract: DetailedExtract;
beforeAll(async () => (extract = await extractOf("test/fixtures/small")));

describe("selectForCharts", () => {
  it("selects the handoffs the filters ask for", () => {
    expect(selectForCharts(extract, {})).toHaveLength(10);
    expect(selectForCharts(extract, {source: "Events"})).toHaveLength(4);
    expect(selectForCharts(extract, {from: "2025-02", to: "2025-02"})).toHaveLength(4);
  });

  it("gives the same array for the same filters (what the simulator prepared for it stays valid), a new one else", () => {
    const all = selectForCharts(extract, {});
    expect(selectForCharts(extract, {})).toBe(all);
    const events = selectForCharts(extract, {source: "Events"});
    expect(events).not.toBe(all);
    expect(selectForCharts(extract, {source: "Events"})).toBe(events);
  });
});
