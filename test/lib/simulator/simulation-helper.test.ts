import {describe, expect, it} from "vitest";
import {HelperLink, withCopiedArrays, type HeldPreparation} from "../../../src/lib/simulator/simulation-helper.js";
import type {ClientMessage, HostMessage, PortLike} from "../../../src/lib/simulator/simulation-messages.js";
import type {PolicyEstimate} from "../../../src/lib/simulator/simulator.js";

/** A port that keeps what the link posts, and lets the test answer as the helper. */
function port() {
  const sent: ClientMessage[] = [];
  const end: PortLike = {onmessage: null, postMessage: (message) => void sent.push(message as ClientMessage)};
  const answer = (message: HostMessage) => end.onmessage?.({data: message});
  return {end, sent, answer};
}

const inputs = {costPerSalesHour: 120, nurtureCostPerLead: 20, delayLoss: 0.1};
const preparation = (id: number, rows: number[]): HeldPreparation => ({
  id,
  rows,
  table: new Uint8Array(4),
  levels: [1, 2]
});
/** A stand-in for a resample's estimates, told apart by `n`. */
const sample = (n: number) => [{k: n}] as unknown as PolicyEstimate[];

describe("HelperLink", () => {
  it("sends each preparation once, its rows only when they change, then the run's share, all at flush()", () => {
    const {end, sent} = port();
    const link = new HelperLink(end);
    const rows = [0, 1, 2];
    link.share(2, preparation(1, rows), inputs, 10);
    link.share(3, preparation(1, rows), inputs, 10);
    link.share(5, preparation(4, rows), inputs, 8);
    expect(sent).toEqual([]);
    link.flush();
    expect(sent.map((m) => [m.kind, "id" in m ? m.id : null, m.kind === "prepare" ? m.rows : undefined])).toEqual([
      ["prepare", 1, rows],
      ["resamples", 2, undefined],
      ["resamples", 3, undefined],
      ["prepare", 4, null],
      ["resamples", 5, undefined]
    ]);
    expect(sent[0]).toMatchObject({estimate: false});
    expect(sent[4]).toEqual({kind: "resamples", id: 5, prepared: 4, inputs, replicates: 8, from: 0});
    // New data: the helper holds no preparation and no rows any more.
    link.send({kind: "handoffs", extract: {} as never});
    link.share(6, preparation(4, rows), inputs, 8);
    link.flush();
    expect(sent.slice(5).map((m) => [m.kind, m.kind === "prepare" ? m.rows : undefined])).toEqual([
      ["handoffs", undefined],
      ["prepare", rows],
      ["resamples", undefined]
    ]);
  });

  it("hands a run the helper's resamples with their indexes and its claim, and wakes it at each delivery", async () => {
    const {end, answer} = port();
    const link = new HelperLink(end);
    const share = link.share(2, preparation(1, [0]), inputs, 10);
    expect(share.claimed).toBe(Infinity);
    const woken = share.delivered();
    answer({kind: "samples", id: 2, samples: [], claimed: 9, done: false});
    expect(share.claimed).toBe(9);
    answer({kind: "samples", id: 2, samples: [[9, sample(9)]], claimed: 8, done: false});
    await woken;
    answer({kind: "samples", id: 9, samples: [[0, sample(0)]], claimed: 0, done: false}); // another run's
    answer({kind: "samples", id: 2, samples: [[8, sample(8)]], claimed: 8, done: true});
    expect(share.take()).toEqual([
      [9, sample(9)],
      [8, sample(8)]
    ]);
    expect([share.take(), share.claimed, share.lost]).toEqual([[], 8, false]);
  });

  it("drops a share stopped before it went with the preparation queued for it; the data waits for a flush", () => {
    const {end, sent} = port();
    const link = new HelperLink(end);
    const rows = [0, 1];
    link.send({kind: "handoffs", extract: {} as never});
    // A reader's edits, each run replaced within its first second: nothing goes to the helper.
    link.share(2, preparation(1, rows), inputs, 10);
    link.stop(2);
    link.share(4, preparation(3, rows), inputs, 10);
    link.stop(4);
    expect(sent).toEqual([]);
    // The next run that goes on sends the data, its own preparation with the rows, and its share.
    link.share(6, preparation(5, rows), inputs, 10);
    link.flush();
    expect(sent.map((m) => [m.kind, "id" in m ? m.id : null, m.kind === "prepare" ? m.rows : undefined])).toEqual([
      ["handoffs", null, undefined],
      ["prepare", 5, rows],
      ["resamples", 6, undefined]
    ]);
    // A preparation with the same rows dropped leaves the helper's rows as they were: the next sends none.
    link.share(8, preparation(7, rows), inputs, 10);
    link.stop(8);
    link.share(9, preparation(7, rows), inputs, 10);
    link.flush();
    expect(sent.slice(3).map((m) => [m.kind, m.kind === "prepare" ? m.rows : undefined])).toEqual([
      ["prepare", null],
      ["resamples", undefined]
    ]);
  });

  it("tells the helper how far the run has come: in the request while it waits, then in messages", () => {
    const {end, sent, answer} = port();
    const link = new HelperLink(end);
    const share = link.share(2, preparation(1, [0]), inputs, 10);
    share.started(0);
    share.started(3);
    expect(sent).toEqual([]);
    link.flush();
    expect(sent.at(-1)).toMatchObject({kind: "resamples", id: 2, from: 4});
    share.started(4);
    expect(sent.at(-1)).toEqual({kind: "progress", id: 2, from: 5});
    // Once the helper is done with the run, nothing more.
    answer({kind: "samples", id: 2, samples: [], claimed: 5, done: true});
    const count = sent.length;
    share.started(5);
    expect(sent.length).toBe(count);
  });

  it("loses a run's share when the helper fails it, when the run stops, or when the helper is lost", async () => {
    const {end, sent, answer} = port();
    const link = new HelperLink(end);
    const failed = link.share(2, preparation(1, [0]), inputs, 10);
    link.flush();
    const woken = failed.delivered();
    answer({kind: "error", id: 2, message: "the simulation was asked to prepare before its data arrived"});
    await woken;
    expect(failed.lost).toBe(true);
    const stopped = link.share(3, preparation(1, [0]), inputs, 10);
    link.flush();
    link.stop(3);
    answer({kind: "samples", id: 3, samples: [[9, sample(9)]], claimed: 9, done: false});
    expect([stopped.lost, stopped.take(), sent.at(-1)]).toEqual([true, [], {kind: "stop", id: 3}]);
    // A share stopped before it was sent is never sent, nor stopped.
    const before = sent.length;
    link.share(7, preparation(1, [0]), inputs, 10);
    link.stop(7);
    link.flush();
    expect(sent.length).toBe(before);
    const running = link.share(4, preparation(1, [0]), inputs, 10);
    link.lose();
    expect(running.lost).toBe(true);
    const count = sent.length;
    const later = link.share(5, preparation(6, [0]), inputs, 10);
    link.send({kind: "handoffs", extract: {} as never});
    link.stop(5);
    expect([later.lost, sent.length]).toEqual([true, count]);
  });
});

describe("withCopiedArrays", () => {
  it("copies every typed array into a buffer of its own, listed to be moved, and keeps everything else", () => {
    const whole = new Float32Array([1, 2, 3, 4]);
    const value = {
      rows: 2,
      header: {types: ["a", "b"]},
      columns: {stage: new Uint8Array([5, 6]), part: whole.subarray(2)}
    };
    const transfer: ArrayBuffer[] = [];
    const copy = withCopiedArrays(value, transfer);
    expect(copy).toEqual(value);
    expect(copy.columns.stage).not.toBe(value.columns.stage);
    // A view of part of a buffer is copied alone: moving it must not take the rest away.
    expect(copy.columns.part.buffer.byteLength).toBe(8);
    expect(transfer).toEqual([copy.columns.stage.buffer, copy.columns.part.buffer]);
    expect(withCopiedArrays(null, [])).toBe(null);
  });

  it("is how a link sends the data: copied arrays, moved; other messages as they are", () => {
    const posted: [ClientMessage, Transferable[] | undefined][] = [];
    const end: PortLike = {
      onmessage: null,
      postMessage: (m, transfer) => void posted.push([m as ClientMessage, transfer])
    };
    const link = new HelperLink(end);
    const evidenceHoursAfter = new Float32Array([1]);
    link.send({kind: "nurture", nurture: {} as never, evidenceHoursAfter});
    link.share(2, preparation(1, [0]), inputs, 10);
    link.flush();
    const [[nurture, moved], [prepare, none]] = posted;
    expect(nurture).toEqual({kind: "nurture", nurture: {}, evidenceHoursAfter});
    expect(moved).toEqual([(nurture as {evidenceHoursAfter: Float32Array}).evidenceHoursAfter.buffer]);
    expect((nurture as {evidenceHoursAfter: Float32Array}).evidenceHoursAfter).not.toBe(evidenceHoursAfter);
    expect([prepare.kind, none]).toEqual(["prepare", []]);
  });
});

describe("HelperLink.send", () => {
  it("sends the handoffs' columns as they came, whatever the worker adds to its own before the flush", () => {
    const {end, sent} = port();
    const link = new HelperLink(end);
    const extract = {rows: 1, columns: {stage: new Uint8Array([3]), evidenceHoursAfter: new Float32Array(0)}};
    link.send({kind: "handoffs", extract: extract as never});
    extract.columns.evidenceHoursAfter = new Float32Array(9);
    link.flush();
    expect(sent[0]).toEqual({
      kind: "handoffs",
      extract: {rows: 1, columns: {stage: new Uint8Array([3]), evidenceHoursAfter: new Float32Array(0)}}
    });
  });
});
