import {beforeAll, describe, expect, it} from "vitest";
import type {DetailedExtract} from "../../../src/lib/core/extract.js";
import {selectRows} from "../../../src/lib/analysis/filters.js";
import type {NurtureData} from "../../../src/lib/simulator/nurture.js";
import {hoursInStage, quartersCovered, type SimulatorData} from "../../../src/lib/simulator/simulator-data.js";
import {simulatorFixture} from "../../helpers/policies.js";

let extract: DetailedExtract;
let nurture: NurtureData;
let data: SimulatorData;
let rowOf: (lead: string, seq?: number) => number;
beforeAll(async () => void ({extract, nurture, data, rowOf} = await simulatorFixture()));

describe("hoursInStage (hand-computed on the fixture)", () => {
  it("counts from the instant the evidence first classified at the handoff's stage", () => {
    const hours = data.hoursInStage;
    expect(hours[rowOf("L01")]).toBe(57); // level 1 since creation on 1 January, handed off 3 January 09:00
    expect(hours[rowOf("L02")]).toBe(62); // level 2 from 2 January 10:00 to 5 January
    expect(hours[rowOf("L04")]).toBe(24); // level 4 from 10 January (an earlier ICP fit alone is level 1)
    expect(hours[rowOf("L07", 2)]).toBe(9 * 24); // level 3 from 1 February, handed off again 10 February
  });

  it("is zero for evidence that came at the very instant of the handoff", () => {
    expect(hoursInStage(extract, data.table, data.stages)[rowOf("L05")]).toBe(0);
  });
});

describe("quartersCovered", () => {
  it("counts whole handoff months, first to last, as quarters", () => {
    // The fixture's handoffs fall in January, February and March 2025.
    expect(quartersCovered(extract, selectRows(extract, {}))).toBe(1);
    expect(quartersCovered(extract, selectRows(extract, {from: "2025-02", to: "2025-02"}))).toBeCloseTo(1 / 3);
    expect(quartersCovered(extract, new Uint32Array(0))).toBeCloseTo(1 / 3);
  });

  it("handles a million handoffs (the page once spread them into Math.max, past the call stack)", () => {
    const rows = new Uint32Array(1_000_000).map((_, i) => i % extract.rows);
    expect(quartersCovered(extract, rows)).toBe(1);
  });
});
