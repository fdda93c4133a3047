import {describe, expect, it} from "vitest";
import {simulate} from "../../../src/lib/simulator/decision.js";
import {expectedFromPrepared} from "../../../src/lib/simulator/expected-outcomes.js";
import {SimulationSession, type SimulationReport} from "../../../src/lib/simulator/simulation-session.js";
import {simulatorExtract} from "../../../src/lib/simulator/simulator-extract.js";
import {simulatorFixture} from "../../helpers/policies.js";

const {extract, nurture, data} = await simulatorFixture();
const {rows, table, levels} = data;

const inputs = {costPerSalesHour: 120, nurtureCostPerLead: 20, delayLoss: 0.1};

/** The session, prepared for the fixture's ladder. */
const prepared = (session: SimulationSession) => (session.prepare({rows, table, levels}), session);

describe("SimulationSession", () => {
  it("simulates exactly as the functions it wraps, from the simulated columns alone", () => {
    const session = new SimulationSession(simulatorExtract(extract), nurture);
    session.prepare({rows, table, levels});
    const steps = [...session.run(inputs, {replicates: 30})];
    const {unmatched} = expectedFromPrepared(data.prepared);
    expect(unmatched).toBe(2);
    expect(steps.at(-1)).toEqual({...simulate(data, inputs, {replicates: 30}), unmatched});
    expect((steps[0] as SimulationReport).decision.kind).toBe("pending");
  });

  it("simulates the latest preparation (a stricter ladder moves handoffs up no level)", () => {
    const session = new SimulationSession(extract, nurture);
    session.prepare({rows, table, levels});
    const before = [...session.run(inputs, {replicates: 5})].at(-1) as SimulationReport;
    // Every handoff at the lowest level: no policy above it defers fewer leads than everything.
    session.prepare({rows, table: new Uint8Array(table.length).fill(1), levels});
    const after = [...session.run(inputs, {replicates: 5})].at(-1) as SimulationReport;
    expect(after.policies.at(-1)!.bar.handoffsToSales).toBe(0);
    expect(before.policies.at(-1)!.bar.handoffsToSales).toBeGreaterThan(0);
  });

  it("simulates a ladder prepared again in the arrays of others exactly as a fresh preparation (scratch.ts)", () => {
    const session = new SimulationSession(extract, nurture);
    const fresh = [...prepared(new SimulationSession(extract, nurture)).run(inputs, {replicates: 8})];
    // Another ladder (everything one level lower) in between writes other stages and counts into the same arrays.
    session.prepare({rows, table, levels});
    session.prepare({rows, table: table.map((stage) => Math.max(1, stage - 1)), levels});
    [...session.run(inputs, {replicates: 3})];
    session.prepare({rows, table, levels});
    expect([...session.run(inputs, {replicates: 8})]).toEqual(fresh);
  });

  it("ends a run of an earlier preparation with an error: its arrays now hold the newer one's", () => {
    const session = prepared(new SimulationSession(extract, nurture));
    const run = session.run(inputs, {replicates: 5});
    expect(run.next().done).toBe(false);
    session.prepare({rows, table: new Uint8Array(table.length).fill(1), levels});
    expect(() => run.next()).toThrow(/prepared again/);
  });

  it("refuses to run before it is prepared", () => {
    const session = new SimulationSession(extract, nurture);
    expect(() => session.run(inputs, {replicates: 1}).next()).toThrow(/before it was prepared/);
  });
});
