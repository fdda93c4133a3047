import {describe, expect, it} from "vitest";
import {simulate} from "../../../src/lib/simulator/decision.js";
import type {NurtureData} from "../../../src/lib/simulator/nurture.js";
import {onDemandSimulation} from "../../../src/lib/simulator/on-demand-simulation.js";
import {inProcessWorker} from "../../helpers/in-process-worker.js";
import {simulatorFixture} from "../../helpers/policies.js";

const {extract, nurture, data} = await simulatorFixture();
const {rows, table, levels} = data;
const inputs = {costPerSalesHour: 120, nurtureCostPerLead: 20, delayLoss: 0.1};
const turn = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A stand-in worker per start, and how often the nurture histories were loaded. */
function starts(load: () => Promise<NurtureData> = async () => nurture) {
  const workers: ReturnType<typeof inProcessWorker>[] = [];
  const loads = {count: 0};
  const start = () => workers[workers.push(inProcessWorker()) - 1].worker;
  const counted = () => (loads.count++, load());
  return {workers, loads, start, counted};
}

describe("onDemandSimulation", () => {
  it("starts no worker and loads nothing until the page first asks; then one client, the handoffs sent first", async () => {
    const {workers, loads, start, counted} = starts();
    const simulation = onDemandSimulation(extract, counted, undefined, start);
    await turn();
    expect([workers.length, loads.count]).toEqual([0, 0]);
    const first = simulation();
    // The handoffs go out before the nurture histories are loaded: the worker lays them out meanwhile.
    expect(workers.map((d) => d.sent.map((m) => m.kind))).toEqual([["handoffs"]]);
    const client = await first;
    expect(await simulation()).toBe(client);
    expect([workers.length, loads.count]).toEqual([1, 1]);
    let last;
    for await (const result of client.run({rows, table, levels}, inputs, {replicates: 2})) last = result;
    expect(last).toEqual({...simulate(data, inputs, {replicates: 2}), unmatched: 2});
    expect(workers[0].sent.map((m) => m.kind).slice(0, 2)).toEqual(["handoffs", "nurture"]);
  });

  it("stops the worker when the page's cell is invalidated, whether it was started before or after", async () => {
    let invalidate = () => {};
    const disposed = new Promise<void>((resolve) => (invalidate = resolve));
    const {workers, start, counted} = starts();
    const simulation = onDemandSimulation(extract, counted, disposed, start);
    await simulation();
    expect(workers[0].worker.terminated).toBe(false);
    invalidate();
    await turn();
    expect(workers[0].worker.terminated).toBe(true);
    // Asked only after the cell went (a filter's answer still awaited): whatever it started is stopped.
    const late = starts();
    const lateSimulation = onDemandSimulation(extract, late.counted, disposed, late.start);
    await turn();
    await lateSimulation();
    expect(late.workers.length).toBeGreaterThan(0);
    expect(late.workers.map((d) => d.worker.terminated)).toEqual(late.workers.map(() => true));
  });

  it("fails this and every later call with the load's own reason, and stops the worker it started", async () => {
    const {workers, start, counted} = starts(async () => {
      throw new Error("nurture.parquet belongs to another build than handoffs.parquet: rebuild the site");
    });
    const simulation = onDemandSimulation(extract, counted, undefined, start);
    await expect(simulation()).rejects.toThrow("nurture.parquet belongs to another build");
    await expect(simulation()).rejects.toThrow("nurture.parquet belongs to another build");
    expect(workers).toHaveLength(1);
    expect(workers[0].worker.terminated).toBe(true);
  });
});
