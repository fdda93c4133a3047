import {describe, expect, it} from "vitest";
import {simulate} from "../../../src/lib/simulator/decision.js";
import {handoffTarget} from "../../../src/lib/simulator/target.js";
import type {SimulationReport} from "../../../src/lib/simulator/simulation-session.js";
import {
  handoffTargetIn,
  prestartWorker,
  simulationClient,
  type WorkerLike
} from "../../../src/lib/simulator/simulation-client.js";
import type {ClientMessage} from "../../../src/lib/simulator/simulation-host.js";
import {inProcessWorker} from "../../helpers/in-process-worker.js";
import {simulatorFixture} from "../../helpers/policies.js";

const {extract, nurture, data} = await simulatorFixture();
const {rows, table, levels} = data;

const inputs = {costPerSalesHour: 120, nurtureCostPerLead: 20, delayLoss: 0.1};
const turn = () => new Promise((resolve) => setTimeout(resolve, 0));

async function all(iterator: AsyncIterable<SimulationReport>): Promise<SimulationReport[]> {
  const results: SimulationReport[] = [];
  for await (const result of iterator) results.push(result);
  return results;
}

/** A worker that keeps what it is sent, with the transfer lists. */
function keepingWorker() {
  const sent: [ClientMessage, Transferable[] | undefined][] = [];
  const worker: WorkerLike & {terminated: boolean} = {
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage: (message, transfer) => void sent.push([message, transfer]),
    terminate: () => void (worker.terminated = true)
  };
  return {worker, sent};
}

describe("simulationClient", () => {
  it("connects the worker to its helper by a channel of their own, and stops both", () => {
    const main = keepingWorker();
    const helper = keepingWorker();
    const client = simulationClient(extract, nurture, main.worker, helper.worker);
    const [[assist, helperTransfer]] = helper.sent;
    const [[link, mainTransfer], ...data] = main.sent;
    expect([assist.kind, link.kind, data.map(([m]) => m.kind)]).toEqual(["assist", "helper", ["handoffs", "nurture"]]);
    // Each end of the channel is moved to its worker, not copied.
    const ends = [assist, link].map((m) => (m as unknown as {port: MessagePort}).port);
    expect([helperTransfer, mainTransfer]).toEqual([[ends[0]], [ends[1]]]);
    expect(ends[0]).toBeInstanceOf(MessagePort);
    // A helper that fails is reported to the worker, which then resamples alone.
    helper.worker.onerror!({message: "boom"});
    expect(main.sent.at(-1)![0]).toEqual({kind: "helperLost"});
    client.terminate();
    expect([main.worker.terminated, helper.worker.terminated]).toEqual([true, true]);
    ends.forEach((end) => end.close());
  });

  it("sends the data once, prepares once per ladder, and ends a run with simulate()'s result", async () => {
    const {worker, sent} = inProcessWorker();
    const client = simulationClient(extract, nurture, worker);
    const request = {rows, table, levels};
    client.prepare(request);
    const results = await all(client.run({rows, table: table.slice(), levels: [...levels]}, inputs, {replicates: 6}));
    expect(results.at(-1)).toEqual({...simulate(data, inputs, {replicates: 6}), unmatched: 2});
    // Another ladder, same rows: prepared again, the rows sent as null (the worker keeps its own, and their order).
    const stricter = table.map((stage) => Math.min(stage, 2));
    const last = (await all(client.run({rows, table: stricter, levels}, inputs, {replicates: 1}))).at(-1)!;
    expect(last.policies.at(-1)!.bar.handoffsToSales).toBe(0);
    expect(sent.map((m) => m.kind)).toEqual(["handoffs", "nurture", "prepare", "run", "prepare", "run"]);
    expect(sent.filter((m) => m.kind === "prepare").map((m) => m.rows === null)).toEqual([false, true]);
    // Only the simulated columns travel, the evidence found later with the nurture histories, not twice.
    const handoffs = sent[0] as Extract<ClientMessage, {kind: "handoffs"}>;
    expect(Object.keys(handoffs.extract.columns)).not.toContain("campaign");
    expect(handoffs.extract.columns.evidenceHoursAfter).toHaveLength(0);
    const rest = sent[1] as Extract<ClientMessage, {kind: "nurture"}>;
    expect(rest.evidenceHoursAfter).toBe(extract.columns.evidenceHoursAfter);
    expect(rest.nurture).toBe(nurture);
  });

  it("hands a slow reader the latest result only", async () => {
    const {worker} = inProcessWorker();
    const client = simulationClient(extract, nurture, worker);
    const run = client.run({rows, table, levels}, inputs, {replicates: 20});
    for (let i = 0; i < 200; ++i) await turn();
    const results = await all(run);
    expect(results.map((d) => d.replicates)).toEqual([20]);
  });

  it("stops the run in the worker when the reader stops", async () => {
    const {worker, sent} = inProcessWorker();
    const client = simulationClient(extract, nurture, worker);
    const run = client.run({rows, table, levels}, inputs, {replicates: 200});
    const first = await run.next();
    expect(first.value.replicates).toBe(0);
    await run.return!();
    expect(sent.at(-1)).toEqual({kind: "stop", id: 2});
    expect(await run.next()).toEqual({value: undefined, done: true});
  });

  it("ends a run that a newer one replaced", async () => {
    const {worker} = inProcessWorker();
    const client = simulationClient(extract, nurture, worker);
    const older = client.run({rows, table, levels}, inputs, {replicates: 200});
    const newer = client.run({rows, table, levels}, inputs, {replicates: 3});
    const [a, b] = await Promise.all([all(older), all(newer)]);
    expect(a.every((d) => d.decision.kind === "pending")).toBe(true);
    expect(b.at(-1)!.replicates).toBe(3);
  });

  it("fails with one clear error when the worker reports one or cannot start", async () => {
    const failing = inProcessWorker((m) =>
      m.kind === "run" ? [{kind: "error", id: m.id, message: "out of memory"}] : []
    );
    const client = simulationClient(extract, nurture, failing.worker);
    const run = client.run({rows, table, levels}, inputs, {replicates: 1});
    await expect(run.next()).rejects.toThrow("The simulation failed: out of memory");
    const silent = inProcessWorker(() => []);
    const stuck = simulationClient(extract, nurture, silent.worker);
    const waiting = stuck.run({rows, table, levels}, inputs, {replicates: 1}).next();
    silent.worker.onerror!({message: "Failed to load module script"});
    const reason = "The simulation could not run in a worker: Failed to load module script.";
    await expect(waiting).rejects.toThrow(reason);
    // And so does every later run.
    await expect(stuck.run({rows, table, levels}, inputs, {replicates: 1}).next()).rejects.toThrow(reason);
  });

  it("asks the worker for the level to hand off at exactly as handoffTarget() answers it", async () => {
    const {worker} = inProcessWorker();
    const client = simulationClient(extract, nurture, worker);
    const expected = handoffTarget(data);
    expect(await handoffTargetIn(client, {extract, rows, table, levels})).toEqual(expected);
    // A run that a newer one replaces names no level.
    const replaced = handoffTargetIn(client, {extract, rows, table, levels});
    void all(client.run({rows, table, levels}, inputs, {replicates: 1}));
    await expect(replaced).rejects.toThrow("The simulation stopped before its answer.");
  });
});

describe("prestartWorker", () => {
  it("sends the handoffs ahead, once: the client then sends only the nurture histories, and answers the same", async () => {
    const {worker, sent} = inProcessWorker();
    const early = prestartWorker(undefined, () => worker);
    early.sendHandoffs(extract);
    expect(sent.map((m) => m.kind)).toEqual(["handoffs"]);
    const client = simulationClient(extract, nurture, early.take());
    const results = await all(client.run({rows, table, levels}, inputs, {replicates: 3}));
    expect(results.at(-1)).toEqual({...simulate(data, inputs, {replicates: 3}), unmatched: 2});
    expect(sent.map((m) => m.kind)).toEqual(["handoffs", "nurture", "prepare", "run"]);
    // A worker taken later was sent nothing ahead: its client sends all.
    const later = inProcessWorker();
    const again = prestartWorker(undefined, () => later.worker);
    again.take();
    again.sendHandoffs(extract);
    expect(later.sent).toEqual([]);
  });

  it("hands the worker started at once to the first client, and a new one to any later", () => {
    const started: ReturnType<typeof inProcessWorker>["worker"][] = [];
    const early = prestartWorker(undefined, () => started[started.push(inProcessWorker().worker) - 1]);
    expect(started).toHaveLength(1);
    expect(early.take()).toBe(started[0]);
    expect(early.take()).toBe(started[1]);
    // A worker taken is its client's to stop: disposing of the page's cell leaves it running.
    early.dispose();
    expect(started.map((d) => d.terminated)).toEqual([false, false]);
  });

  it("fails the client's runs with the error its worker reported before the client was made", async () => {
    const {worker} = inProcessWorker(() => []);
    const early = prestartWorker(undefined, () => worker);
    worker.onerror!({message: "Failed to load module script"});
    const client = simulationClient(extract, nurture, early.take());
    await expect(client.run({rows, table, levels}, inputs, {replicates: 1}).next()).rejects.toThrow(
      "The simulation could not run in a worker: Failed to load module script."
    );
  });

  it("stops the worker started at once when no client took it", async () => {
    const {worker} = inProcessWorker();
    prestartWorker(undefined, () => worker).dispose();
    expect(worker.terminated).toBe(true);
    // Or once the page's cell is invalidated.
    let invalidate = () => {};
    const other = inProcessWorker().worker;
    prestartWorker(new Promise<void>((resolve) => (invalidate = resolve)), () => other);
    expect(other.terminated).toBe(false);
    invalidate();
    await turn();
    expect(other.terminated).toBe(true);
  });
});
