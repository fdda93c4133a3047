import {describe, expect, it} from "vitest";
import {simulate} from "../../../src/lib/simulator/decision.js";
import {simulationHost, type ClientMessage, type HostMessage} from "../../../src/lib/simulator/simulation-host.js";
import type {PortLike} from "../../../src/lib/simulator/simulation-messages.js";
import {simulatorFixture} from "../../helpers/policies.js";

const {extract, nurture, data} = await simulatorFixture();
const {rows, table, levels} = data;

const inputs = {costPerSalesHour: 120, nurtureCostPerLead: 20, delayLoss: 0.1};
/** The data as a page sends it: the handoffs' columns, then the nurture histories and the evidence found later. */
const load: ClientMessage[] = [
  {kind: "handoffs", extract},
  {kind: "nurture", nurture, evidenceHoursAfter: extract.columns.evidenceHoursAfter}
];

/**
 * A host taking one phase of a resample per step, and what it posted (every result, unless `reportMs`); a helper
 * gets its share with the estimate, unless `helperDelayMs`.
 */
function host(reportMs = 0, helperDelayMs = 0) {
  const posted: HostMessage[] = [];
  const handle = simulationHost((message) => posted.push(message), {stepMs: 0, reportMs, helperDelayMs});
  return {posted, handle, send: (...messages: ClientMessage[]) => messages.forEach(handle)};
}

/** Waits until `test` holds of the posted messages (each wait lets the host take a step). */
async function until(posted: HostMessage[], test: (posted: HostMessage[]) => boolean) {
  for (let turn = 0; turn < 1000 && !test(posted); ++turn) await new Promise((resolve) => setTimeout(resolve, 0));
  expect(test(posted)).toBe(true);
}

const finished = (id: number) => (posted: HostMessage[]) =>
  posted.some((m) => m.id === id && m.kind === "result" && m.done);

describe("simulationHost", () => {
  it("answers a preparation, then the run's steps, the last equal to simulate()", async () => {
    const {posted, send} = host();
    send(...load, {kind: "prepare", id: 1, rows, table, levels});
    expect(posted).toEqual([]);
    send({kind: "run", id: 2, prepared: 1, inputs, replicates: 4});
    await until(posted, finished(2));
    const results = posted.flatMap((m) => (m.kind === "result" ? [m] : []));
    // The estimate, then a result per resample (the steps within one post nothing).
    expect(results.map((m) => [m.result.replicates, m.done])).toEqual([
      [0, false],
      [1, false],
      [2, false],
      [3, false],
      [4, true]
    ]);
    expect(results.at(-1)!.result).toEqual({...simulate(data, inputs, {replicates: 4}), unmatched: 2});
  });

  it("posts a run's estimate and its final result at once, and what comes between at most every reportMs", async () => {
    const posted: HostMessage[] = [];
    const handle = simulationHost((message) => posted.push(message), {stepMs: 0, reportMs: 1e9});
    [...load, {kind: "prepare", id: 1, rows, table, levels} as const].forEach(handle);
    handle({kind: "run", id: 2, prepared: 1, inputs, replicates: 5});
    await until(posted, finished(2));
    expect(posted.map((m) => (m.kind === "result" ? [m.result.replicates, m.done] : m.kind))).toEqual([
      [0, false],
      [5, true]
    ]);
  });

  it("stops a run when a newer run or preparation comes, and says so", async () => {
    const {posted, send} = host();
    send(...load, {kind: "prepare", id: 1, rows, table, levels});
    send({kind: "run", id: 2, prepared: 1, inputs, replicates: 200});
    send({kind: "run", id: 3, prepared: 1, inputs, replicates: 200});
    expect(posted.filter((m) => m.kind === "stopped")).toEqual([{kind: "stopped", id: 2}]);
    send({kind: "prepare", id: 4, rows: null, table, levels});
    expect(posted.filter((m) => m.kind === "stopped")).toEqual([
      {kind: "stopped", id: 2},
      {kind: "stopped", id: 3}
    ]);
    const counted = posted.length;
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Neither stopped run took another step.
    expect(posted.length).toBe(counted);
    // `rows: null` reused the rows: a run of that preparation equals one of the first.
    send({kind: "run", id: 5, prepared: 4, inputs, replicates: 2});
    await until(posted, finished(5));
    expect(posted.at(-1)).toEqual({
      kind: "result",
      id: 5,
      result: {...simulate(data, inputs, {replicates: 2}), unmatched: 2},
      done: true
    });
  });

  it("takes a newer request between two phases of one resample, not only after it", async () => {
    const posted: HostMessage[] = [];
    let pauses = 0;
    let handle: (message: ClientMessage) => void = () => {};
    // The page's new preparation arrives during the first resample's draws: the second pause lets it in.
    const queuedMessages = async () => {
      if (++pauses === 2) handle({kind: "prepare", id: 3, rows: null, table, levels});
    };
    handle = simulationHost((message) => posted.push(message), {stepMs: 0, queuedMessages});
    load.forEach(handle);
    handle({kind: "prepare", id: 1, rows, table, levels});
    handle({kind: "run", id: 2, prepared: 1, inputs, replicates: 200});
    await until(posted, (p) => p.some((m) => m.kind === "stopped"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // A step ends after the phase in which its time runs out (here each phase): the run stopped within its first
    // resample, which would have paused four times before its result.
    expect(pauses).toBe(2);
    expect(posted.map((m) => [m.kind, m.id, m.kind === "result" ? m.result.replicates : null])).toEqual([
      ["result", 2, 0],
      ["stopped", 2, null]
    ]);
  });

  it("stops a run when the page asks, and then posts nothing more for it", async () => {
    const {posted, send} = host();
    send(...load, {kind: "prepare", id: 1, rows, table, levels});
    send({kind: "run", id: 2, prepared: 1, inputs, replicates: 200}, {kind: "stop", id: 2});
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(posted.filter((m) => m.id === 2).length).toBe(1); // the estimate, posted as the run began
  });

  it("answers requests out of order with one clear error each", async () => {
    const {posted, send} = host();
    send({kind: "prepare", id: 1, rows, table, levels});
    send(...load, {kind: "prepare", id: 2, rows: null, table, levels});
    send({kind: "run", id: 3, prepared: 2, inputs, replicates: 1});
    send({kind: "prepare", id: 4, rows, table, levels}, {kind: "run", id: 5, prepared: 2, inputs, replicates: 1});
    await until(posted, (p) => p.some((m) => m.id === 5));
    expect(posted.filter((m) => m.kind === "error")).toEqual([
      {kind: "error", id: 1, message: "the simulation was asked to prepare before its data arrived"},
      {kind: "error", id: 2, message: "the first preparation must name its rows"},
      // A run of a failed preparation fails with the preparation's reason.
      {kind: "error", id: 3, message: "the first preparation must name its rows"},
      {kind: "error", id: 5, message: "run 5 asks for preparation 2, not the latest"}
    ]);
  });

  it("fails every preparation with the reason the data could not be taken, until it is sent again", async () => {
    const {posted, send} = host();
    send(
      load[1],
      {kind: "prepare", id: 1, rows, table, levels},
      {kind: "run", id: 2, prepared: 1, inputs, replicates: 1}
    );
    await until(posted, (p) => p.some((m) => m.id === 2));
    const reason = "the simulation was sent its nurture histories before its handoffs";
    expect(posted.filter((m) => m.kind === "error")).toEqual([
      {kind: "error", id: 0, message: reason},
      {kind: "error", id: 1, message: reason},
      {kind: "error", id: 2, message: reason}
    ]);
    send(
      ...load,
      {kind: "prepare", id: 3, rows, table, levels},
      {kind: "run", id: 4, prepared: 3, inputs, replicates: 1}
    );
    await until(posted, finished(4));
  });
});

/**
 * Two ends of a channel as a MessageChannel gives them: a message posted at one end arrives copied at the other on a
 * later turn; `log` keeps what each end posted.
 */
function channel() {
  const log: {a: (ClientMessage | HostMessage)[]; b: (ClientMessage | HostMessage)[]} = {a: [], b: []};
  const end = (side: "a" | "b"): PortLike => ({
    onmessage: null,
    postMessage(message) {
      log[side].push(message);
      const copy = structuredClone(message);
      setTimeout(() => ends[side === "a" ? "b" : "a"].onmessage?.({data: copy}), 0);
    }
  });
  const ends = {a: end("a"), b: end("b")};
  return {...ends, log};
}

/** A worker's host with a helper's host on the other end of a channel. */
function hostWithHelper(reportMs = 0, helperDelayMs = 0) {
  const worker = host(reportMs, helperDelayMs);
  const {a, b, log} = channel();
  const helper = simulationHost((answer) => b.postMessage(answer), {stepMs: 0});
  b.onmessage = ({data}) => helper(data as ClientMessage);
  worker.send({kind: "helper", port: a});
  return {...worker, toHelper: log.a as ClientMessage[], fromHelper: log.b as HostMessage[]};
}

const samplesOf = (messages: HostMessage[], id: number) =>
  messages.flatMap((m) => (m.kind === "samples" && m.id === id ? m.samples : []));

/** What the worker sent its helper, without the progress of its runs. */
const sentBut = (messages: ClientMessage[], kind: ClientMessage["kind"]) =>
  messages.filter((m) => m.kind !== kind).map((m) => [m.kind, "id" in m ? m.id : null]);

describe("simulationHost with a helper", () => {
  it("has the helper compute from the last resample down to the worker's, and ends where simulate() ends", async () => {
    const {posted, send, toHelper, fromHelper} = hostWithHelper();
    send(
      ...load,
      {kind: "prepare", id: 1, rows, table, levels},
      {kind: "run", id: 2, prepared: 1, inputs, replicates: 9}
    );
    await until(posted, finished(2));
    expect(posted.at(-1)).toEqual({
      kind: "result",
      id: 2,
      result: {...simulate(data, inputs, {replicates: 9}), unmatched: 2},
      done: true
    });
    // The data, then with the run its preparation (without the estimate) and the share, sent with the estimate.
    expect(sentBut(toHelper, "progress").slice(0, 4)).toEqual([
      ["handoffs", null],
      ["nurture", null],
      ["prepare", 1],
      ["resamples", 2]
    ]);
    expect(toHelper[2]).toMatchObject({estimate: false});
    expect(toHelper[3]).toEqual({kind: "resamples", id: 2, prepared: 1, inputs, replicates: 9, from: 0});
    // The helper's resamples are the last ones, each once; the worker said how far it came, up to where they met.
    const helped = samplesOf(fromHelper, 2).map(([b]) => b);
    expect(helped.length).toBeGreaterThan(0);
    expect(helped).toEqual([8, 7, 6, 5, 4, 3, 2, 1].slice(0, helped.length));
    const progress = toHelper.flatMap((m) => (m.kind === "progress" ? [m.from] : []));
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(Math.max(...progress)).toBeGreaterThanOrEqual(Math.min(...helped) - 1);
  });

  it("sends the helper nothing for a run shorter than helperDelayMs, not even the data", async () => {
    const {posted, send, toHelper} = hostWithHelper(1e9, 1e9);
    send(
      ...load,
      {kind: "prepare", id: 1, rows, table, levels},
      {kind: "run", id: 2, prepared: 1, inputs, replicates: 6}
    );
    await until(posted, finished(2));
    expect(posted.map((m) => (m.kind === "result" ? m.result.replicates : m.kind))).toEqual([0, 6]);
    expect((posted.at(-1) as {result: unknown}).result).toEqual({
      ...simulate(data, inputs, {replicates: 6}),
      unmatched: 2
    });
    // A reader's edits, each run replaced early: still nothing (the helper would prepare ladders no longer shown).
    send({kind: "run", id: 3, prepared: 1, inputs, replicates: 200});
    send(
      {kind: "prepare", id: 4, rows: null, table, levels},
      {kind: "run", id: 5, prepared: 4, inputs, replicates: 200}
    );
    await until(posted, () => posted.some((m) => m.id === 5 && m.kind === "result"));
    send({kind: "stop", id: 5});
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(toHelper).toEqual([]);
  });

  it("sends the helper a preparation once, its rows once, and stops the helper's share with the run", async () => {
    const {posted, send, toHelper, fromHelper} = hostWithHelper();
    send(...load, {kind: "prepare", id: 1, rows, table, levels});
    send({kind: "run", id: 2, prepared: 1, inputs, replicates: 200});
    await until(posted, () => samplesOf(fromHelper, 2).length > 0);
    send({kind: "run", id: 3, prepared: 1, inputs, replicates: 4});
    await until(posted, finished(3));
    send({kind: "prepare", id: 4, rows: null, table, levels}, {kind: "run", id: 5, prepared: 4, inputs, replicates: 4});
    await until(posted, finished(5));
    // (A run that ends before its helper says it is done stops the helper too: "stop" 3 or 5 may come.)
    const sent = sentBut(toHelper, "progress").filter(([kind, id]) => kind !== "stop" || id === 2);
    expect(sent).toEqual([
      ["handoffs", null],
      ["nurture", null],
      ["prepare", 1],
      ["resamples", 2],
      ["stop", 2],
      ["resamples", 3],
      ["prepare", 4],
      ["resamples", 5]
    ]);
    expect(toHelper.find((m) => m.kind === "prepare" && m.id === 4)).toMatchObject({rows: null});
    const counted = samplesOf(fromHelper, 2).length;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(samplesOf(fromHelper, 2)).toHaveLength(counted);
    expect((posted.at(-1) as {result: unknown}).result).toEqual({
      ...simulate(data, inputs, {replicates: 4}),
      unmatched: 2
    });
  });

  it("computes the rest itself when the helper is lost, or fails to prepare", async () => {
    const {posted, send} = hostWithHelper();
    send(
      ...load,
      {kind: "prepare", id: 1, rows, table, levels},
      {kind: "run", id: 2, prepared: 1, inputs, replicates: 12}
    );
    send({kind: "helperLost"});
    await until(posted, finished(2));
    expect((posted.at(-1) as {result: unknown}).result).toEqual({
      ...simulate(data, inputs, {replicates: 12}),
      unmatched: 2
    });
    // A helper that never got the data: its preparation fails, and so does its share.
    const alone = host();
    const {a, b, log} = channel();
    const helper = simulationHost((answer) => b.postMessage(answer), {stepMs: 0});
    b.onmessage = ({data}) => (data as ClientMessage).kind === "handoffs" || helper(data as ClientMessage);
    alone.send({kind: "helper", port: a}, ...load, {kind: "prepare", id: 1, rows, table, levels});
    alone.send({kind: "run", id: 2, prepared: 1, inputs, replicates: 6});
    await until(alone.posted, finished(2));
    expect(log.b.filter((m) => m.kind === "error").map((m) => m.id)).toEqual([0, 1, 2]);
    expect((alone.posted.at(-1) as {result: unknown}).result).toEqual({
      ...simulate(data, inputs, {replicates: 6}),
      unmatched: 2
    });
  });
});
