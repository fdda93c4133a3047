/**
 * What the policy simulator reads, prepared once per ladder and filter: each handoff's stage under the ladder in
 * force, how long it had been at that stage when handed off, and the outcome sweeps the bootstrap reuses. Also the span of the handoffs in quarters, which per-quarter figures divide by.
 */
import type {Extract} from "../core/extract.js";
import type {SimulatorExtract} from "./simulator-extract.js";
import {
  followOrder,
  outcomesInOrder,
  picked,
  wholeOrder,
  type FollowOrder,
  type PreparedOutcomes
} from "./follow-order.js";
import {arrivalsOf} from "./arrivals.js";
import type {NurtureData} from "./nurture.js";
import {ownPaths, ownPathsWithin} from "./own-paths.js";
import {zeros, type Scratch} from "./scratch.js";

/** Everything the simulator reads, for the ladder in force. */
export interface SimulatorData {
  extract: SimulatorExtract;
  /** The handoffs simulated (the page's filters). */
  rows: ArrayLike<number>;
  /** The ladder in force: its stage per evidence bitmask, and its levels. */
  table: Uint8Array;
  levels: number[];
  /** The nurture leads' histories, walked under the same ladder by every estimate (levelExits). */
  nurture: NurtureData;
  /** Sorted once for the bootstrap: the outcome sweeps, with each handoff's stage at its position (prepared.stage). */
  prepared: PreparedOutcomes;
  /**
   * Whole hours each handoff had been at its stage when handed off, per position of the prepared follow order (the
   * order the estimate reads in): from the first hour its evidence classified at that stage (or from the lead's
   * creation for the lowest) to the handoff.
   */
  hoursInStageByFollow: Uint32Array;
  /**
   * The level each handoff's evidence reached by its close (or the data end), per position of the follow order: how
   * far it climbed while sales worked it, the lower end of how far it would have climbed in nurture (own-climb.ts).
   */
  climbedByFollow: Uint8Array;
  /** Each handoff's own path through nurture and sales time, in the follow order (own-paths.ts). */
  ownPaths: NurtureData;
  /** Where the preparation's arrays are kept for the next one (scratch.ts), if anywhere. */
  scratch?: Scratch;
}

/**
 * What every ladder's stages are worked out from, per position of a follow order: each handoff's evidence at the
 * handoff and by its close, its whole hours since creation, and its evidence's arrivals (arrivals.ts), laid out in that order once per
 * set of rows. After a ladder edit, reading them in row order for the follow order's positions jumped around memory:
 * at a million handoffs that took most of the preparation's time in the browser.
 */
interface HandoffPaths {
  evidence: Uint16Array;
  /** Evidence by the close (or the data end). */
  ever: Uint16Array;
  sinceCreation: Float64Array;
  start: Uint32Array;
  at: Float64Array;
  known: Int32Array;
}

const paths = new WeakMap<FollowOrder, HandoffPaths>();

function handoffPaths(extract: SimulatorExtract, rows: ArrayLike<number>, order: FollowOrder): HandoffPaths {
  const cached = paths.get(order);
  if (cached) return cached;
  if (order.fromWhole) {
    const whole = wholeOrder(extract);
    const within = pathsWithin(handoffPaths(extract, whole.rows, whole.order), order.fromWhole);
    paths.set(order, within);
    return within;
  }
  // The extract holds evidence times only for evidence known at the handoff (≤ 0).
  const arrivals = arrivalsOf(extract.columns.evidenceHours, extract.header.evidenceTypes.length);
  const {evidenceAtHandoff, evidenceEver, hoursToHandoff} = extract.columns;
  const n = order.byFollow.length;
  const out = {
    evidence: new Uint16Array(n),
    ever: new Uint16Array(n),
    sinceCreation: new Float64Array(n),
    start: new Uint32Array(n + 1),
    at: new Float64Array(arrivals.at.length),
    known: new Int32Array(arrivals.known.length)
  };
  // Rows in sequence, each written at its position (follow-order.ts says why): first each position's count of
  // arrivals, summed into where its list starts, then the lists.
  const {positionOf} = order;
  for (let i = 0; i < n; ++i) out.start[positionOf[i] + 1] = arrivals.start[rows[i] + 1] - arrivals.start[rows[i]];
  for (let m = 0; m < n; ++m) out.start[m + 1] += out.start[m];
  for (let i = 0; i < n; ++i) {
    const row = rows[i];
    const m = positionOf[i];
    out.evidence[m] = evidenceAtHandoff[row];
    out.ever[m] = evidenceEver[row];
    out.sinceCreation[m] = Number.isNaN(hoursToHandoff[row]) ? 0 : Math.floor(hoursToHandoff[row]);
    for (let j = arrivals.start[row], k = out.start[m]; j < arrivals.start[row + 1]; ++j, ++k) {
      out.at[k] = arrivals.at[j];
      out.known[k] = arrivals.known[j];
    }
  }
  const k = out.start[n];
  const result = {...out, at: out.at.subarray(0, k), known: out.known.subarray(0, k)};
  paths.set(order, result);
  return result;
}

/**
 * Works out what every preparation of all of `extract`'s handoffs reads first, their follow order and paths, before
 * the first is asked for: the worker does while the page decodes the nurture histories (docs/simulator.md).
 */
export function layOutAllHandoffs(extract: SimulatorExtract): void {
  const {rows, order} = wholeOrder(extract);
  handoffPaths(extract, rows, order);
}

/** The paths at `positions` of the whole order's (ascending), one after another: read in sequence. */
function pathsWithin(whole: HandoffPaths, positions: Uint32Array): HandoffPaths {
  const n = positions.length;
  let arrivals = 0;
  for (let m = 0; m < n; ++m) arrivals += whole.start[positions[m] + 1] - whole.start[positions[m]];
  const start = new Uint32Array(n + 1);
  const at = new Float64Array(arrivals);
  const known = new Int32Array(arrivals);
  let k = 0;
  for (let m = 0; m < n; ++m) {
    start[m] = k;
    for (let j = whole.start[positions[m]]; j < whole.start[positions[m] + 1]; ++j, ++k) {
      at[k] = whole.at[j];
      known[k] = whole.known[j];
    }
  }
  start[n] = k;
  return {
    evidence: picked(whole.evidence, positions, new Uint16Array(n)),
    ever: picked(whole.ever, positions, new Uint16Array(n)),
    sinceCreation: picked(whole.sinceCreation, positions, new Float64Array(n)),
    start,
    at,
    known
  };
}

/** Per position of `order`: the stage under `table` and the whole hours spent at it by the handoff. */
function stagesInOrder(
  handoffs: HandoffPaths,
  table: Uint8Array,
  scratch?: Scratch
): {stage: Uint8Array; hours: Uint32Array} {
  const {evidence, sinceCreation, start, at, known} = handoffs;
  const n = evidence.length;
  const stage = zeros(scratch, "stage", Uint8Array, n);
  const hours = zeros(scratch, "hoursInStage", Uint32Array, n);
  for (let m = 0; m < n; ++m) {
    const s = (stage[m] = table[evidence[m]]);
    let entered = -sinceCreation[m];
    if (table[0] < s) {
      for (let k = start[m]; k < start[m + 1]; ++k) {
        if (table[known[k]] >= s) {
          entered = at[k];
          break;
        }
      }
    }
    hours[m] = Math.max(0, -Math.max(entered, -sinceCreation[m]));
  }
  return {stage, hours};
}

/**
 * Builds the simulator's input for a ladder's stage lookup; with `scratch`, in the arrays of the last preparation
 * that used it (which is then no longer valid).
 */
export function simulatorData(
  extract: SimulatorExtract,
  nurture: NurtureData,
  rows: ArrayLike<number>,
  table: Uint8Array,
  levels: number[],
  scratch?: Scratch
): SimulatorData {
  const order = followOrder(extract, rows);
  const handoffs = handoffPaths(extract, rows, order);
  const {stage, hours} = stagesInOrder(handoffs, table, scratch);
  const climbed = zeros(scratch, "climbed", Uint8Array, handoffs.ever.length);
  const ever = handoffs.ever;
  for (let m = 0; m < climbed.length; ++m) climbed[m] = table[ever[m]];
  return {
    extract,
    rows,
    table,
    levels,
    nurture,
    prepared: outcomesInOrder(rows, order, stage, scratch),
    hoursInStageByFollow: hours,
    climbedByFollow: climbed,
    ownPaths: pathsOf(extract, rows, order),
    scratch
  };
}

const ownPathsByOrder = new WeakMap<FollowOrder, NurtureData>();

/** The handoffs' own paths, once per set of rows: a ladder edit walks the same paths under another ladder. */
function pathsOf(extract: SimulatorExtract, rows: ArrayLike<number>, order: FollowOrder): NurtureData {
  let paths = ownPathsByOrder.get(order);
  if (paths) return paths;
  if (order.fromWhole) {
    const whole = wholeOrder(extract);
    paths = ownPathsWithin(pathsOf(extract, whole.rows, whole.order), order.fromWhole);
  } else paths = ownPaths(extract, rows, order);
  ownPathsByOrder.set(order, paths);
  return paths;
}

/**
 * The quarters the handoffs in `rows` span, counted in whole handoff months (first to last, both included), so that
 * per-quarter figures do not explode when a filter leaves a few handoffs from the same week.
 */
export function quartersCovered(extract: Extract, rows: ArrayLike<number>): number {
  const months = extract.columns.handoffMonth;
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < rows.length; ++i) {
    const month = months[rows[i]];
    if (month < first) first = month;
    if (month > last) last = month;
  }
  return first > last ? 1 / 3 : (last - first + 1) / 3;
}

/**
 * How many of the handoffs in `rows` had more evidence by the data end than at the handoff (what sales found out
 * later), a count the page states beside the nurture model, which leaves that evidence out.
 */
export function countLaterEvidence(extract: Extract, rows: ArrayLike<number>): number {
  const {evidenceEver, evidenceAtHandoff} = extract.columns;
  let count = 0;
  for (let i = 0; i < rows.length; ++i) if (evidenceEver[rows[i]] !== evidenceAtHandoff[rows[i]]) count++;
  return count;
}
