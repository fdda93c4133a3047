/**
 * The simulation worker's side of its messages: a SimulationSession driven by the page's requests. The bootstrap's
 * resamples take a tenth to a quarter of a second each at a million leads; run here, between the page's turns, they
 * held up every click and every redraw after a ladder edit. Between two steps the host lets queued messages in, so
 * a newer preparation or run stops the one in progress after at most one step.
 */
import type {NurtureData} from "./nurture.js";
import {SimulationSession, type SimulationReport} from "./simulation-session.js";
import type {SimulatorInputs} from "./simulator.js";
import type {SimulatorExtract} from "./simulator-extract.js";
import {layOutAllHandoffs} from "./simulator-data.js";

/**
 * What the page sends: the data once (the handoffs' columns first, as soon as they are decoded, then the nurture
 * histories with the evidence found after the handoffs, which the page decodes meanwhile), then preparations and
 * runs, each with its own increasing id.
 */
export type ClientMessage =
  | {kind: "handoffs"; extract: SimulatorExtract}
  | {kind: "nurture"; nurture: NurtureData; evidenceHoursAfter: Float32Array}
  /** `rows` null: the same rows as the last preparation (their outcome order, sorted once, is kept). */
  | {kind: "prepare"; id: number; rows: ArrayLike<number> | null; table: Uint8Array; levels: number[]}
  | {kind: "run"; id: number; prepared: number; inputs: SimulatorInputs; replicates: number}
  | {kind: "stop"; id: number};

/**
 * What the host answers: a run's results (`done` marks the final one), `stopped` for a run a newer request replaced,
 * and errors (a preparation's comes again with the run that asks for it).
 */
export type HostMessage =
  | {kind: "result"; id: number; result: SimulationReport; done: boolean}
  | {kind: "stopped"; id: number}
  | {kind: "error"; id: number; message: string};

/**
 * Milliseconds of resampling per step: a newer request waits this long, and at most one phase of a resample more
 * (20–40 ms at a million leads).
 */
const defaultStepMs = 20;

/**
 * Lets the messages queued meanwhile be handled before the next step. A worker passes one built on a MessageChannel:
 * setTimeout's nested calls wait at least 4 ms each, a tenth of the resampling time at this step length.
 */
const afterTimeout = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The host: returns the handler of the page's messages, answering through `post` (`stepMs` 0: one phase of a
 * resample a step); `queuedMessages` resolves once the messages queued meanwhile have been handled.
 */
export function simulationHost(
  post: (message: HostMessage) => void,
  {stepMs = defaultStepMs, queuedMessages = afterTimeout} = {}
): (message: ClientMessage) => void {
  let extract: SimulatorExtract | undefined;
  let session: SimulationSession | undefined;
  /** Why the data sent could not be taken: every preparation then fails with it. */
  let unloaded: Error | undefined;
  let rows: ArrayLike<number> | undefined;
  let prepared = 0;
  /** Why the latest preparation failed, if it did. */
  let unprepared: Error | undefined;
  /** The run that may take its next step (0: none). */
  let running = 0;

  const stopRunning = () => {
    if (running) post({kind: "stopped", id: running});
    running = 0;
  };

  const fail = (id: number, error: unknown) =>
    post({kind: "error", id, message: error instanceof Error ? error.message : String(error)});

  async function run({id, prepared: of, inputs, replicates}: Extract<ClientMessage, {kind: "run"}>) {
    if (unprepared && of === prepared) throw unprepared;
    if (!session || of !== prepared) throw new Error(`run ${id} asks for preparation ${of}, not the latest`);
    for (const result of session.run(inputs, {replicates, budgetMs: stepMs})) {
      const done = result !== null && result.decision.kind !== "pending";
      if (result) post({kind: "result", id, result, done});
      if (done) break;
      await queuedMessages();
      if (running !== id) return;
    }
    running = 0;
  }

  return (message) => {
    const id = message.kind === "handoffs" || message.kind === "nurture" ? 0 : message.id;
    try {
      if (message.kind === "handoffs") {
        [extract, session, unloaded] = [message.extract, undefined, undefined];
        // While the page decodes the rest, what every preparation of all the handoffs reads first.
        layOutAllHandoffs(extract);
      } else if (message.kind === "nurture") {
        if (!extract) throw new Error("the simulation was sent its nurture histories before its handoffs");
        // Into the same columns: what was laid out for them is found again by the extract.
        extract.columns.evidenceHoursAfter = message.evidenceHoursAfter;
        session = new SimulationSession(extract, message.nurture);
      } else if (message.kind === "prepare") {
        stopRunning();
        prepared = message.id;
        unprepared = undefined;
        if (!session) throw unloaded ?? new Error("the simulation was asked to prepare before its data arrived");
        rows = message.rows ?? rows;
        if (!rows) throw new Error("the first preparation must name its rows");
        session.prepare({rows, table: message.table, levels: message.levels});
      } else if (message.kind === "run") {
        stopRunning();
        running = id;
        run(message).catch((error) => {
          if (running === id) running = 0;
          fail(id, error);
        });
      } else if (message.kind === "stop") {
        if (running === id) running = 0;
      }
    } catch (error) {
      const reason = error instanceof Error ? error : new Error(String(error));
      if (message.kind === "prepare") unprepared = reason;
      else if (message.kind === "handoffs" || message.kind === "nurture") [session, unloaded] = [undefined, reason];
      fail(id, error);
    }
  };
}
