/**
 * The simulator page's side of the simulation worker: the extract's columns and the nurture histories are sent once;
 * a preparation is sent per ladder and filter (as early as the page knows them, so that the worker prepares while
 * the page draws); a run is read as an async iterator of results, the latest one at each read (the page draws once
 * per frame, however often the worker reports). Ending the iterator (an Observable cell invalidated by a ladder edit)
 * stops the run in the worker.
 */
import {targetInputs} from "./target-inputs.js";
import type {FinalDecision} from "./decision.js";
import {targetOf} from "./target.js";
import {estimateDelayLoss, type DelayLossInput} from "./delay-loss.js";
import type {ClientMessage, HostMessage, PortLike} from "./simulation-messages.js";
import type {NurtureData} from "./nurture.js";
import type {PrepareRequest, SimulationReport} from "./simulation-session.js";
import {simulatorExtract, type SimulatorExtract} from "./simulator-extract.js";
import type {SimulatorInputs} from "./simulator.js";

/** As much of a Worker as the client uses: a page passes none (a module worker starts); tests pass a stand-in. */
export interface WorkerLike {
  postMessage(message: ClientMessage, transfer?: Transferable[]): void;
  onmessage: ((event: {data: HostMessage}) => void) | null;
  onerror: ((event: {message?: string}) => void) | null;
  terminate(): void;
}

/** The page's handle on the simulation. */
export interface SimulationClient {
  /** Has the worker prepare the simulation of `rows` under a ladder (its stage table and levels), unless it has. */
  prepare(request: PrepareRequest): void;
  /** Simulates `request` (prepared first if needed): the estimate first, then as resamples come in, the final last. */
  run(
    request: PrepareRequest,
    inputs: SimulatorInputs,
    options: {replicates: number}
  ): AsyncIterableIterator<SimulationReport>;
  /** Stops the worker; what is pending fails. */
  terminate(): void;
}

/** Starts the module worker (import.meta.resolve: Framework bundles the worker and rewrites the path). */
function startWorker(): WorkerLike {
  return new Worker(import.meta.resolve("./simulation-worker.js"), {type: "module"}) as unknown as WorkerLike;
}

/**
 * A second worker for the resamples, where the machine has a second core: the worker computes each run's resamples
 * from the first up and this helper from the last down (simulation-helper.ts). At a million leads the simulator's
 * answer came 25–28 s after its first table with one worker, 18 s with the helper (docs/simulator.md). It holds a
 * copy of the data, about 300 MB at a million leads. None on one core, or where workers cannot be started (tests in
 * Node).
 */
function startHelper(): WorkerLike | null {
  if (typeof Worker === "undefined" || typeof MessageChannel === "undefined") return null;
  return (globalThis.navigator?.hardwareConcurrency ?? 1) >= 2 ? startWorker() : null;
}

/** Connects `worker` to `helper` through a channel of their own; a failing helper is reported to the worker. */
function connectHelper(worker: WorkerLike, helper: WorkerLike): void {
  const channel = new MessageChannel();
  const port = (end: MessagePort) => end as unknown as PortLike;
  helper.postMessage({kind: "assist", port: port(channel.port2)}, [channel.port2]);
  worker.postMessage({kind: "helper", port: port(channel.port1)}, [channel.port1]);
  helper.onerror = () => worker.postMessage({kind: "helperLost"});
}

/** The extract whose handoffs each worker was sent, so that a client sends them once. */
const handoffsSent = new WeakMap<WorkerLike, SimulatorExtract>();

/** Sends `worker` the handoffs' simulated columns, unless it has them; the evidence found later goes with the nurture. */
function sendHandoffs(worker: WorkerLike, extract: SimulatorExtract): void {
  if (handoffsSent.get(worker) === extract) return;
  const sent = simulatorExtract(extract);
  sent.columns.evidenceHoursAfter = new Float32Array(0);
  worker.postMessage({kind: "handoffs", extract: sent});
  handoffsSent.set(worker, extract);
}

/** What a worker started early reported before a client listened (its module failed to load): told to the client. */
const earlyErrors = new WeakMap<WorkerLike, {message?: string}>();

/** A worker started ahead of its client: {@link prestartWorker}. */
export interface PrestartedWorker {
  /**
   * Sends the early worker the handoffs' columns as soon as they are decoded, so that it lays them out while the
   * page decodes the nurture histories (the client then sends only those).
   */
  sendHandoffs(extract: SimulatorExtract): void;
  /** The worker started early, the first time; a new one after that (a client re-run must not share a used one). */
  take(): WorkerLike;
  /** Stops the early worker if no client took it. */
  dispose(): void;
}

/**
 * Starts the simulation's worker now, for a {@link simulationClient} made later: its modules then load while the
 * page downloads and decodes its files, instead of after (0.4–0.55 s at a million leads: docs/simulator.md). The
 * worker is stopped when `disposed` resolves (a page cell's invalidation) unless a client took it.
 */
export function prestartWorker(disposed?: Promise<unknown>, start: () => WorkerLike = startWorker): PrestartedWorker {
  let early: WorkerLike | undefined = start();
  const started = early;
  started.onerror = (event) => void earlyErrors.set(started, event);
  const prestarted: PrestartedWorker = {
    sendHandoffs(extract) {
      if (early) sendHandoffs(early, extract);
    },
    take() {
      const worker = early ?? start();
      early = undefined;
      return worker;
    },
    dispose() {
      early?.terminate();
      early = undefined;
    }
  };
  void disposed?.then(() => prestarted.dispose());
  return prestarted;
}

/**
 * One run as the page reads it: the latest result not yet read (a newer one replaces it), the read waiting for one,
 * and the end (the final result read, the run stopped, or an error).
 */
class RunReader implements AsyncIterableIterator<SimulationReport> {
  private latest?: IteratorResult<SimulationReport>;
  private waiting?: {resolve: (value: IteratorResult<SimulationReport>) => void; reject: (error: Error) => void};
  private error?: Error;
  /** False once the worker sends no more for this run. */
  live = true;

  /** `stop` tells the worker, when the page stops reading first. */
  constructor(
    private readonly stop: () => void,
    error?: Error
  ) {
    this.error = error;
  }

  /** A result from the worker; `done`: the final one (the next read after it ends the run). */
  deliver(result: SimulationReport, done: boolean): void {
    this.settle({value: result, done: false});
    if (done) this.live = false;
  }

  /** The worker stopped the run for a newer one: what was not yet read is still read, then the run ends. */
  stopped(): void {
    this.live = false;
    if (!this.latest) this.settle({value: undefined, done: true});
  }

  /** The run failed: the waiting read, or the next one, fails with `error`. */
  fail(error: Error): void {
    this.live = false;
    if (!this.waiting) return void (this.error = error);
    this.waiting.reject(error);
    this.waiting = undefined;
  }

  private settle(value: IteratorResult<SimulationReport>): void {
    if (!this.waiting) return void (this.latest = value);
    this.waiting.resolve(value);
    this.waiting = undefined;
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  next(): Promise<IteratorResult<SimulationReport>> {
    if (this.error) return Promise.reject(this.error);
    const latest = this.latest;
    this.latest = undefined;
    if (latest) return Promise.resolve(latest);
    if (!this.live) return Promise.resolve({value: undefined, done: true});
    return new Promise((resolve, reject) => (this.waiting = {resolve, reject}));
  }

  return(): Promise<IteratorResult<SimulationReport>> {
    if (this.live) this.stop();
    this.live = false;
    this.latest = undefined;
    this.settle({value: undefined, done: true});
    return Promise.resolve({value: undefined, done: true});
  }
}

/**
 * Connects a page to a simulation worker holding `extract`'s simulated columns and `nurture`, and the worker to its
 * `helper` (a second worker on a machine with a second core; none: the worker resamples alone).
 */
export function simulationClient(
  extract: SimulatorExtract,
  nurture: NurtureData,
  worker: WorkerLike = startWorker(),
  helper: WorkerLike | null = startHelper()
): SimulationClient {
  let ids = 0;
  let prepared = 0;
  let sent: PrepareRequest | undefined;
  const runs = new Map<number, RunReader>();
  /** Why the worker cannot answer any more: every run, then and later, fails with it. */
  let broken: Error | undefined;
  const failAll = (error: Error) => {
    broken = error;
    runs.forEach((reader) => reader.fail(error));
  };

  worker.onmessage = ({data: message}) => {
    // A failed preparation's error comes again with the run that asks for it: only runs are answered.
    const reader = runs.get(message.id);
    if (!reader) return;
    if (message.kind === "result") reader.deliver(message.result, message.done);
    else if (message.kind === "stopped") reader.stopped();
    else if (message.kind === "error") reader.fail(new Error(`The simulation failed: ${message.message}`));
    if (!reader.live) runs.delete(message.id);
  };
  worker.onerror = (event) =>
    failAll(new Error(`The simulation could not run in a worker${event.message ? `: ${event.message}` : ""}.`));
  const failedEarly = earlyErrors.get(worker);
  if (failedEarly) worker.onerror(failedEarly);
  if (helper) connectHelper(worker, helper);
  sendHandoffs(worker, extract);
  worker.postMessage({kind: "nurture", nurture, evidenceHoursAfter: extract.columns.evidenceHoursAfter});

  const prepare = (request: PrepareRequest) => {
    if (sent && samePreparation(sent, request)) return;
    const id = ++ids;
    prepared = id;
    const {rows, table, levels} = request;
    worker.postMessage({kind: "prepare", id, rows: rows === sent?.rows ? null : rows, table, levels});
    sent = request;
  };

  return {
    prepare,
    run(request, inputs, {replicates}) {
      prepare(request);
      const id = ++ids;
      const reader = new RunReader(() => {
        runs.delete(id);
        worker.postMessage({kind: "stop", id});
      }, broken);
      if (!broken) runs.set(id, reader);
      worker.postMessage({kind: "run", id, prepared, inputs, replicates});
      return reader;
    },
    terminate() {
      worker.terminate();
      helper?.terminate();
      failAll(new Error("The simulation was stopped."));
    }
  };
}

/** Whether two requests prepare the same: the same rows (by identity: a page keeps its selection), table and levels. */
function samePreparation(a: PrepareRequest, b: PrepareRequest): boolean {
  return (
    a.rows === b.rows &&
    a.table.length === b.table.length &&
    a.table.every((stage, i) => stage === b.table[i]) &&
    a.levels.length === b.levels.length &&
    a.levels.every((level, i) => level === b.levels[i])
  );
}

/**
 * handoffTarget (decision.ts) asked of the simulation worker: the level to hand off at for `rows` under a ladder, at
 * the default inputs and the delay loss estimated from the data (on the page: a few milliseconds). The page stays
 * responsive meanwhile (50 resamples take seconds at a million leads).
 */
export async function handoffTargetIn(
  client: SimulationClient,
  {extract, ...request}: DelayLossInput
): Promise<{k: number; decision: FinalDecision}> {
  const {replicates, ...costs} = targetInputs;
  const {delayLoss} = estimateDelayLoss({extract, ...request});
  let last: SimulationReport | undefined;
  for await (const result of client.run(request, {...costs, delayLoss}, {replicates})) last = result;
  const decision = last?.decision;
  if (!decision || decision.kind === "pending") throw new Error("The simulation stopped before its answer.");
  return {k: targetOf(decision), decision};
}
