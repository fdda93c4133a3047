import {beforeAll, describe, expect, it} from "vitest";
import {selectRows} from "../../../src/lib/analysis/filters.js";
import type {DetailedExtract} from "../../../src/lib/core/extract.js";
import {handoffLadder} from "../../../src/lib/core/ladder.js";
import {stageLookup} from "../../../src/lib/core/reclassify.js";
import {simulate} from "../../../src/lib/simulator/decision.js";
import {expectedFromPrepared} from "../../../src/lib/simulator/expected-outcomes.js";
import type {NurtureData} from "../../../src/lib/simulator/nurture.js";
import {SimulationSession} from "../../../src/lib/simulator/simulation-session.js";
import {simulatorData} from "../../../src/lib/simulator/simulator-data.js";
import {simulatorExtract} from "../../../src/lib/simulator/simulator-extract.js";
import {extractWithLeadsOf} from "../../helpers/model.js";

let extract: DetailedExtract;
let nurture: NurtureData;
beforeAll(async () => void ({extract, nurture} = await extractWithLeadsOf("test/fixtures/small")));

const inputs = {costPerSalesHour: 120, nurtureCostPerLead: 20, delayLoss: 0.1};
const levels = [1, 2, 3, 4, 5];

describe("SimulationSession", () => {
  it("simulates exactly as the functions it wraps, from the simulated columns alone", () => {
    const rows = selectRows(extract, {});
    const table = stageLookup(handoffLadder, extract.header.evidenceTypes);
    const data = simulatorData(extract, nurture, rows, table, levels);
    const session = new SimulationSession(simulatorExtract(extract), nurture);
    session.prepare({rows, table, levels});
    const steps = [...session.run(inputs, {replicates: 30})];
    const {unmatched} = expectedFromPrepared(data.prepared);
    expect(unmatched).toBe(2);
    expect(steps.at(-1)).toEqual({...simulate(data, inputs, {replicates: 30}), unmatched});
    expect(steps[0].decision.kind).toBe("pending");
  });

  it("simulates the latest preparation (a stricter ladder moves handoffs up no level)", () => {
    const rows = selectRows(extract, {});
    const session = new SimulationSession(extract, nurture);
    const table = stageLookup(handoffLadder, extract.header.evidenceTypes);
    session.prepare({rows, table, levels});
    const before = [...session.run(inputs, {replicates: 5})].at(-1)!;
    // Every handoff at the lowest level: no policy above it defers fewer leads than everything.
    session.prepare({rows, table: new Uint8Array(table.length).fill(1), levels});
    const after = [...session.run(inputs, {replicates: 5})].at(-1)!;
    expect(after.policies.at(-1)!.bar.handoffsToSales).toBe(0);
    expect(before.policies.at(-1)!.bar.handoffsToSales).toBeGreaterThan(0);
  });

  it("refuses to run before it is prepared", () => {
    const session = new SimulationSession(extract, nurture);
    expect(() => session.run(inputs, {replicates: 1}).next()).toThrow(/before it was prepared/);
  });
});
