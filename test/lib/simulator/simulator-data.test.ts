import {beforeAll, describe, expect, it} from "vitest";
import {randomLcg} from "d3-random";
import type {DetailedExtract} from "../../../src/lib/core/extract.js";
import {selectRows} from "../../../src/lib/analysis/filters.js";
import type {NurtureData} from "../../../src/lib/simulator/nurture.js";
import {
  countLaterEvidence,
  quartersCovered,
  simulatorData,
  type SimulatorData
} from "../../../src/lib/simulator/simulator-data.js";
import {simulate} from "../../../src/lib/simulator/decision.js";
import {simulatorColumns} from "../../../src/lib/simulator/simulator-extract.js";
import {simulatorFixture} from "../../helpers/policies.js";

let extract: DetailedExtract;
let nurture: NurtureData;
let data: SimulatorData;
let rowOf: (lead: string, seq?: number) => number;
beforeAll(async () => void ({extract, nurture, data, rowOf} = await simulatorFixture()));

/** A preparation's hours in stage per extract row (it holds them per position of its follow order). */
function hoursByRow(prepared: SimulatorData): Map<number, number> {
  const {rows, prepared: outcomes, hoursInStageByFollow} = prepared;
  return new Map(Array.from(outcomes.order.byFollow, (i, m) => [rows[i], hoursInStageByFollow[m]]));
}

describe("hours in stage (hand-computed on the fixture)", () => {
  it("counts from the instant the evidence first classified at the handoff's stage", () => {
    const hours = hoursByRow(data);
    expect(hours.get(rowOf("L01"))).toBe(57); // level 1 since creation on 1 January, handed off 3 January 09:00
    expect(hours.get(rowOf("L02"))).toBe(62); // level 2 from 2 January 10:00 to 5 January
    expect(hours.get(rowOf("L04"))).toBe(24); // level 4 from 10 January (an earlier ICP fit alone is level 1)
    expect(hours.get(rowOf("L07", 2))).toBe(9 * 24); // level 3 from 1 February, handed off again 10 February
  });

  it("is zero for evidence that came at the very instant of the handoff", () => {
    expect(hoursByRow(data).get(rowOf("L05"))).toBe(0);
  });

  it("follows the ladder: with every evidence at level 1, every handoff counts from its lead's creation", () => {
    const flat = simulatorData(extract, nurture, data.rows, new Uint8Array(data.table.length).fill(1), data.levels);
    const hours = hoursByRow(flat);
    expect(hours.get(rowOf("L01"))).toBe(57);
    expect(hours.get(rowOf("L04"))).toBeGreaterThan(24);
    expect(Array.from(flat.prepared.stage).every((s) => s === 1)).toBe(true);
  });

  it("works out the same for rows given in any order (a filter's selection, the follow order's own layout)", () => {
    const reversed = Uint32Array.from(data.rows).reverse();
    const again = simulatorData(extract, nurture, reversed, data.table, data.levels);
    expect(hoursByRow(again)).toEqual(hoursByRow(data));
  });
});

describe("a filter's selection", () => {
  /** The extract holding only `selected`'s handoffs, in their order: what the selection is, prepared on its own. */
  function only(selected: Uint32Array): DetailedExtract {
    const types = extract.header.evidenceTypes.length;
    const columns: Record<string, ArrayLike<number>> = {};
    for (const name of simulatorColumns) {
      const values = extract.columns[name];
      const wide = name === "evidenceHours" || name === "evidenceHoursAfter";
      const Type = values.constructor as new (length: number) => Float64Array;
      const out = new Type(selected.length * (wide ? types : 1));
      selected.forEach((row, i) => {
        if (wide) for (let t = 0; t < types; ++t) out[i * types + t] = values[row * types + t];
        else out[i] = values[row];
      });
      columns[name] = out;
    }
    return {...extract, rows: selected.length, columns} as unknown as DetailedExtract;
  }

  it("is prepared as the same handoffs alone would be, though its layout is taken from all handoffs'", () => {
    // The build's ladder, and one whose stage for each set of evidence is drawn at random: every arrival counts.
    const random = randomLcg(3);
    const drawn = data.table.map(() => 1 + Math.floor(random() * 5));
    for (const [keep, table] of [
      [(row: number) => row % 2 === 1, data.table],
      [(row: number) => row % 5 !== 0, drawn],
      [(row: number) => row % 3 !== 1, drawn]
    ] as const) {
      const selected = selectRows(extract, {}).filter(keep);
      const within = simulatorData(extract, nurture, selected, table, data.levels);
      expect(within.prepared.order.fromWhole).not.toBeNull();
      const alone = simulatorData(only(selected), nurture, Uint32Array.from(selected.keys()), table, data.levels);
      expect(alone.prepared.order.fromWhole).toBeNull();
      const {extract: _a, fromWhole: _b, ...order} = within.prepared.order;
      const {extract: _c, fromWhole: _d, ...orderAlone} = alone.prepared.order;
      expect(order).toEqual(orderAlone);
      expect(within.prepared.stage).toEqual(alone.prepared.stage);
      expect(within.prepared.value).toEqual(alone.prepared.value);
      expect(within.hoursInStageByFollow).toEqual(alone.hoursInStageByFollow);
      expect(within.climbedByFollow).toEqual(alone.climbedByFollow);
      expect(within.ownPaths).toEqual(alone.ownPaths);
      const inputs = {costPerSalesHour: 100, nurtureCostPerLead: 10, delayLoss: 0.2};
      expect(simulate(within, inputs, {replicates: 5})).toEqual(simulate(alone, inputs, {replicates: 5}));
    }
  });
});

describe("climbed levels", () => {
  it("are the level each handoff's evidence reached by its close, never below its stage", () => {
    const {rows, prepared, climbedByFollow, table} = data;
    const {evidenceEver} = extract.columns;
    prepared.order.byFollow.forEach((i, m) => {
      expect(climbedByFollow[m]).toBe(table[evidenceEver[rows[i]]]);
      expect(climbedByFollow[m]).toBeGreaterThanOrEqual(prepared.stage[m]);
    });
    // The fixture has handoffs whose evidence grew after the handoff.
    expect(Array.from(climbedByFollow).some((c, m) => c > prepared.stage[m])).toBe(true);
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

describe("countLaterEvidence", () => {
  it("counts the handoffs whose lead had more evidence by the data end than at the handoff, among the rows given", () => {
    const all = selectRows(extract, {});
    const later = Array.from(all).filter(
      (r) => extract.columns.evidenceEver[r] !== extract.columns.evidenceAtHandoff[r]
    );
    expect(later.length).toBeGreaterThan(0);
    expect(later.length).toBeLessThan(all.length);
    expect(countLaterEvidence(extract, all)).toBe(later.length);
    expect(countLaterEvidence(extract, Uint32Array.from(later.slice(1)))).toBe(later.length - 1);
  });
});
