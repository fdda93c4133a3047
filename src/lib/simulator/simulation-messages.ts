/**
 * The messages between the simulator page, its simulation worker and the worker's helper (simulation-client.ts,
 * simulation-host.ts, simulation-helper.ts).
 */
import type {NurtureData} from "./nurture.js";
import type {SimulationReport} from "./simulation-session.js";
import type {SimulatorInputs} from "./simulator.js";
import type {IndexedResample} from "./resamples.js";
import type {SimulatorExtract} from "./simulator-extract.js";

/**
 * What the page sends: the data once (the handoffs' columns first, as soon as they are decoded, then the nurture
 * histories with the evidence found after the handoffs, which the page decodes meanwhile), then preparations and
 * runs, each with its own increasing id. A worker with a helper is sent the helper's port first ("helper"), and
 * "helperLost" if the helper's worker fails; the helper is sent its port ("assist") and then, through it, what the
 * worker forwards: the data, preparations without the estimate, its share of each run ("resamples"), and how far the
 * worker has come in that run ("progress": the helper starts no resample below `from`).
 */
export type ClientMessage =
  | {kind: "handoffs"; extract: SimulatorExtract}
  | {kind: "nurture"; nurture: NurtureData; evidenceHoursAfter: Float32Array}
  /** `rows` null: the same rows as the last preparation (their outcome order, sorted once, is kept). */
  | {
      kind: "prepare";
      id: number;
      rows: ArrayLike<number> | null;
      table: Uint8Array;
      levels: number[];
      estimate?: boolean;
    }
  | {kind: "run"; id: number; prepared: number; inputs: SimulatorInputs; replicates: number}
  /** A helper's share: from resample `replicates` − 1 down, to `from` (raised by "progress" as the worker goes on). */
  | {kind: "resamples"; id: number; prepared: number; inputs: SimulatorInputs; replicates: number; from: number}
  | {kind: "progress"; id: number; from: number}
  | {kind: "stop"; id: number}
  | {kind: "helper"; port: PortLike}
  | {kind: "helperLost"}
  | {kind: "assist"; port: PortLike};

/**
 * What a host answers: a run's results (`done` marks the final one), a helper's resamples (each with its index; the
 * lowest index it has started, `claimed`; `done` once it has delivered every one from there on),
 * `stopped` for a run a newer request replaced, and errors (a preparation's comes again with the run that asks for
 * it).
 */
export type HostMessage =
  | {kind: "result"; id: number; result: SimulationReport; done: boolean}
  | {kind: "samples"; id: number; samples: IndexedResample[]; claimed: number; done: boolean}
  | {kind: "stopped"; id: number}
  | {kind: "error"; id: number; message: string};

/** As much of a MessagePort as a worker and its helper use: their ends of the channel between them. */
export interface PortLike {
  postMessage(message: ClientMessage | HostMessage, transfer?: Transferable[]): void;
  onmessage: ((event: {data: ClientMessage | HostMessage}) => void) | null;
}
