/**
 * The simulation worker's link to a helper worker on the machine's other core (simulation-client.ts starts it when
 * there is one): the worker sends it the same data and, with each run, the preparation and a share of the resamples:
 * from the last down, while the worker computes from the first up and says how far it has come; the helper sends
 * them back as they finish (resamples.ts: each one the same wherever it is computed). A helper that fails or stops
 * only slows the run down: the worker computes what did not come. What the link sends waits for flush(): copying the
 * data to the helper (about 300 MB at a million leads) held up the worker's first table by a second or two when it
 * went first.
 */
import type {ClientMessage, HostMessage, PortLike} from "./simulation-messages.js";
import type {IndexedResample, SharedResamples} from "./resamples.js";
import type {SimulatorInputs} from "./simulator.js";

/** A preparation as the worker holds it: its id, and its rows resolved (never "the same as before"). */
export interface HeldPreparation {
  id: number;
  rows: ArrayLike<number>;
  table: Uint8Array;
  levels: number[];
}

/** A helper's share of a run, as the worker asks for it. */
type ShareRequest = Extract<ClientMessage, {kind: "resamples"}>;

/** One run's share of the helper's resamples, as the run takes them. */
class RunShare implements SharedResamples {
  private queue: IndexedResample[] = [];
  private wake?: () => void;
  lost = false;
  claimed = Infinity;

  /** `progress`: tells the helper that the run has started every resample below `from`. */
  constructor(private readonly progress: (from: number) => void) {}

  /** Resamples the helper sent, and the lowest index it has started (none taken once lost). */
  add(samples: IndexedResample[], claimed: number): void {
    if (this.lost) return;
    this.queue.push(...samples);
    this.claimed = Math.min(this.claimed, claimed);
    if (samples.length > 0) this.notify();
  }

  take(): IndexedResample[] {
    const taken = this.queue;
    this.queue = [];
    return taken;
  }

  started(index: number): void {
    if (!this.lost) this.progress(index + 1);
  }

  /** The helper sends no more for this run. */
  lose(): void {
    this.lost = true;
    this.notify();
  }

  delivered(): Promise<void> {
    if (this.queue.length > 0 || this.lost) return Promise.resolve();
    return new Promise((resolve) => (this.wake = resolve));
  }

  private notify(): void {
    this.wake?.();
    this.wake = undefined;
  }
}

/** The worker's end of the channel to its helper. */
export class HelperLink {
  private readonly runs = new Map<number, RunShare>();
  /** The preparation the helper was last sent, and the rows it holds. */
  private preparedId = 0;
  private sentRows?: ArrayLike<number>;
  /** True once the helper failed: nothing more is sent, every run computes its resamples itself. */
  lost = false;
  /** What waits for flush(). */
  private outbox: ClientMessage[] = [];

  constructor(private readonly port: PortLike) {
    port.onmessage = ({data}) => this.receive(data as HostMessage);
  }

  /** Sends the helper the data the worker holds (the handoffs' columns, the nurture histories). */
  send(message: Extract<ClientMessage, {kind: "handoffs" | "nurture"}>): void {
    if (message.kind !== "handoffs") return this.post(message);
    [this.preparedId, this.sentRows] = [0, undefined];
    // The columns as they came: the worker adds the evidence found later to its own, which the nurture brings.
    const {extract} = message;
    this.post({kind: "handoffs", extract: {...extract, columns: {...extract.columns}}});
  }

  /** Sends what waits: the worker calls it once its run has gone on for a while. */
  flush(): void {
    const messages = this.outbox;
    this.outbox = [];
    if (this.lost) return;
    for (const message of messages) {
      // The data's arrays are copied here and moved: posting them to be copied held the worker up 180 ms at a
      // million leads (120 MB), where copying them takes a fraction of that.
      const data = message.kind === "handoffs" || message.kind === "nurture";
      const transfer: ArrayBuffer[] = [];
      this.port.postMessage(data ? withCopiedArrays(message, transfer) : message, transfer);
    }
  }

  private post(message: ClientMessage): void {
    if (!this.lost) this.outbox.push(message);
  }

  /**
   * Asks the helper for run `id`'s resamples from the last down, as far as the run's own progress leaves it
   * (preparation sent first, unless the helper has it; without the estimate, which only the worker shows), at the
   * next flush().
   */
  share(id: number, preparation: HeldPreparation, inputs: SimulatorInputs, replicates: number): SharedResamples {
    const request: ShareRequest = {kind: "resamples", id, prepared: preparation.id, inputs, replicates, from: 0};
    const share = new RunShare((from) => this.progress(request, from));
    if (this.lost) {
      share.lose();
      return share;
    }
    this.prepare(preparation);
    this.post(request);
    this.runs.set(id, share);
    return share;
  }

  /**
   * Sends the helper `preparation` at the next flush(), unless it has it: share() does, and the build sends it ahead
   * so that the helper prepares while its own thread does (loaders/site/handoff-target.ts).
   */
  prepare(preparation: HeldPreparation): void {
    if (this.lost || this.preparedId === preparation.id) return;
    const {rows, table, levels} = preparation;
    // The helper keeps its rows from one preparation to the next, as the worker does (their order is sorted once).
    const sent = rows === this.sentRows ? null : rows;
    this.post({kind: "prepare", id: preparation.id, rows: sent, table, levels, estimate: false});
    [this.preparedId, this.sentRows] = [preparation.id, rows];
  }

  /** The run has started every resample below `from`: the request says so if still waiting, else a message. */
  private progress(request: ShareRequest, from: number): void {
    if (this.lost || !this.runs.has(request.id)) return;
    const waiting = this.outbox.find((m) => m.kind === "resamples" && m.id === request.id);
    if (waiting?.kind === "resamples") waiting.from = from;
    else this.port.postMessage({kind: "progress", id: request.id, from});
  }

  /**
   * Run `id` ended or was replaced: the helper stops its share. A share not sent yet is dropped with the preparation
   * queued for it, and what else waits (the data) stays for the next run's flush: sent now, at a reader's ladder
   * edit, the helper took in the data and prepared the replaced ladder on one core while the page and the worker
   * worked out the new one on the other (docs/simulator.md).
   */
  stop(id: number): void {
    const share = this.runs.get(id);
    if (!share) return;
    this.runs.delete(id);
    share.lose();
    const waiting = this.outbox.findIndex((m) => m.kind === "resamples" && m.id === id);
    if (waiting < 0) {
      this.post({kind: "stop", id});
      return this.flush();
    }
    const [request] = this.outbox.splice(waiting, 1);
    const preparation = this.outbox.findIndex(
      (m) => m.kind === "prepare" && request.kind === "resamples" && m.id === request.prepared
    );
    if (preparation < 0) return;
    const [dropped] = this.outbox.splice(preparation, 1);
    // The helper holds the preparation before it, and the rows before these if these came with it.
    if (dropped.kind === "prepare" && dropped.rows !== null) this.sentRows = undefined;
    this.preparedId = 0;
  }

  /** The helper failed (its worker reported an error): every run computes the rest itself. */
  lose(): void {
    this.lost = true;
    this.outbox = [];
    this.runs.forEach((share) => share.lose());
    this.runs.clear();
  }

  private receive(message: HostMessage): void {
    const share = this.runs.get(message.id);
    if (!share) return;
    if (message.kind === "samples") share.add(message.samples, message.claimed);
    // An error (a preparation the helper could not make) or a stop: the run computes the rest itself.
    if (message.kind !== "samples" || message.done) {
      if (message.kind !== "samples") share.lose();
      this.runs.delete(message.id);
    }
  }
}

/** `value` with each typed array in it replaced by a copy of its own, whose buffer is added to `transfer`. */
export function withCopiedArrays<T>(value: T, transfer: ArrayBuffer[]): T {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const copy = (value as unknown as {slice(): ArrayBufferView}).slice();
    transfer.push(copy.buffer as ArrayBuffer);
    return copy as T;
  }
  if (Array.isArray(value)) return value.map((d) => withCopiedArrays(d, transfer)) as T;
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, d]) => [k, withCopiedArrays(d, transfer)])) as T;
}
