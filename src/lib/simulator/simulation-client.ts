/**
 * The simulator page's side of the simulation worker: the extract's columns and the nurture histories are sent once;
 * a preparation per ladder and filter is awaited; a run is read as an async iterator of results, the latest one at
 * each read (the page draws once per frame, however often the worker reports). Ending the iterator (an Observable
 * cell invalidated by a ladder edit) stops the run in the worker.
 */
import type {SimulationResult} from "./decision.js";
import type {ClientMessage, HostMessage} from "./simulation-host.js";
import type {NurtureData} from "./nurture.js";
import {simulatorExtract, type PrepareRequest, type PreparedSummary} from "./simulation-session.js";
import type {SimulatorInputs} from "./simulator.js";
import type {SimulatorExtract} from "./simulator-data.js";

/** As much of a Worker as the client uses: a page passes none (a module worker starts); tests pass a stand-in. */
export interface WorkerLike {
  postMessage(message: ClientMessage): void;
  onmessage: ((event: {data: HostMessage}) => void) | null;
  onerror: ((event: {message?: string}) => void) | null;
  terminate(): void;
}

/** The page's handle on the simulation. */
export interface SimulationClient {
  /** Prepares the simulation of `rows` under a ladder (its stage table and levels). */
  prepare(request: PrepareRequest): Promise<PreparedSummary>;
  /** Simulates the latest preparation: the estimate first, then as the resamples come in, the final one last. */
  run(inputs: SimulatorInputs, options: {replicates: number}): AsyncIterableIterator<SimulationResult>;
  /** Stops the worker; what is pending fails. */
  terminate(): void;
}

/** Starts the module worker (import.meta.resolve: Framework bundles the worker and rewrites the path). */
function startWorker(): WorkerLike {
  return new Worker(import.meta.resolve("./simulation-worker.js"), {type: "module"}) as unknown as WorkerLike;
}

/** A run's reader: the latest result not yet read, and the read waiting for one. */
interface RunReader {
  latest?: IteratorResult<SimulationResult>;
  waiting?: {resolve: (value: IteratorResult<SimulationResult>) => void; reject: (error: Error) => void};
  error?: Error;
}

/** Connects a page to a simulation worker holding `extract`'s simulated columns and `nurture`. */
export function simulationClient(
  extract: SimulatorExtract,
  nurture: NurtureData,
  worker: WorkerLike = startWorker()
): SimulationClient {
  let ids = 0;
  let prepared = 0;
  let sentRows: ArrayLike<number> | undefined;
  const preparations = new Map<number, {resolve: (s: PreparedSummary) => void; reject: (e: Error) => void}>();
  const runs = new Map<number, RunReader>();

  const deliver = (reader: RunReader, value: IteratorResult<SimulationResult>) => {
    if (reader.waiting) (reader.waiting.resolve(value), (reader.waiting = undefined));
    else reader.latest = value;
  };
  const failAll = (error: Error) => {
    for (const {reject} of preparations.values()) reject(error);
    preparations.clear();
    for (const reader of runs.values()) {
      if (reader.waiting) (reader.waiting.reject(error), (reader.waiting = undefined));
      else reader.error = error;
    }
  };

  worker.onmessage = ({data: message}) => {
    const preparation = preparations.get(message.id);
    const reader = runs.get(message.id);
    if (message.kind === "prepared") (preparation?.resolve(message.summary), preparations.delete(message.id));
    else if (message.kind === "result" && reader) {
      // A step not yet read is replaced: only the latest matters. The final one is followed by the end.
      deliver(reader, {value: message.result, done: false});
      if (message.done) runs.delete(message.id);
    } else if (message.kind === "stopped" && reader) {
      if (!reader.latest) deliver(reader, {value: undefined, done: true});
      runs.delete(message.id);
    } else if (message.kind === "error") {
      const error = new Error(`The simulation failed: ${message.message}`);
      if (preparation) (preparation.reject(error), preparations.delete(message.id));
      else if (reader?.waiting) (reader.waiting.reject(error), runs.delete(message.id));
      else if (reader) reader.error = error;
    }
  };
  worker.onerror = (event) =>
    failAll(new Error(`The simulation could not run in a worker${event.message ? `: ${event.message}` : ""}.`));
  worker.postMessage({kind: "load", extract: simulatorExtract(extract), nurture});

  return {
    prepare({rows, table, levels}) {
      const id = ++ids;
      prepared = id;
      const same = rows === sentRows;
      sentRows = rows;
      worker.postMessage({kind: "prepare", id, rows: same ? null : rows, table, levels});
      return new Promise((resolve, reject) => preparations.set(id, {resolve, reject}));
    },
    run(inputs, {replicates}) {
      const id = ++ids;
      const reader: RunReader = {};
      runs.set(id, reader);
      worker.postMessage({kind: "run", id, prepared, inputs, replicates});
      let ended = false;
      const iterator: AsyncIterableIterator<SimulationResult> = {
        [Symbol.asyncIterator]: () => iterator,
        next() {
          if (reader.error) return Promise.reject(reader.error);
          if (reader.latest) {
            const value = reader.latest;
            reader.latest = undefined;
            return Promise.resolve(value);
          }
          if (ended || !runs.has(id)) return Promise.resolve({value: undefined, done: true});
          return new Promise((resolve, reject) => (reader.waiting = {resolve, reject}));
        },
        return() {
          if (!ended && runs.has(id)) worker.postMessage({kind: "stop", id});
          ended = true;
          runs.delete(id);
          reader.waiting?.resolve({value: undefined, done: true});
          return Promise.resolve({value: undefined, done: true});
        }
      };
      return iterator;
    },
    terminate() {
      worker.terminate();
      failAll(new Error("The simulation was stopped."));
    }
  };
}
