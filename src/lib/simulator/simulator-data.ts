/**
 * What the policy simulator reads, prepared once per ladder and filter: each handoff's stage under the ladder in
 * force, how long it had been at that stage when handed off, the nurture leads' stays per level, and the outcome
 * sweeps the bootstrap reuses. Also the span of the handoffs in quarters, which per-quarter figures divide by.
 */
import type {Extract} from "../core/extract.js";
import type {SimulatorExtract} from "./simulator-extract.js";
import {prepareOutcomes, type PreparedOutcomes} from "./expected-outcomes.js";
import {arrivalsOf} from "./arrivals.js";
import {levelStays, type NurtureData, type Stays} from "./nurture.js";

/** Everything the simulator reads, for the ladder in force. */
export interface SimulatorData {
  extract: SimulatorExtract;
  /** The handoffs simulated (the page's filters). */
  rows: ArrayLike<number>;
  /** Stage per extract row under the ladder in force, and that ladder's stage per evidence bitmask. */
  stages: Uint8Array;
  table: Uint8Array;
  levels: number[];
  nurture: NurtureData;
  /** The nurture leads' stays per level under the same ladder (levelStays). */
  stays: Stays[];
  /** Whole hours each extract row had been at its stage when handed off (hoursInStage). */
  hoursInStage: Float64Array;
  /** Sorted once for the bootstrap: the outcome sweeps. */
  prepared: PreparedOutcomes;
  /** Whole hours in stage again, per position of the prepared follow order (the order the estimate reads in). */
  hoursInStageByFollow: Uint32Array;
}

/**
 * Whole hours each row had spent at its stage when handed off: from the first hour its evidence classified at that
 * stage (or from the lead's creation for the lowest) to the handoff.
 */
export function hoursInStage(extract: SimulatorExtract, table: Uint8Array, stages: Uint8Array): Float64Array {
  // The extract holds evidence times only for evidence known at the handoff (≤ 0).
  const {start, at, known} = arrivalsOf(extract.columns.evidenceHours, extract.header.evidenceTypes.length);
  const {hoursToHandoff} = extract.columns;
  const out = new Float64Array(extract.rows);
  for (let row = 0; row < extract.rows; ++row) {
    const sinceCreation = Number.isNaN(hoursToHandoff[row]) ? 0 : Math.floor(hoursToHandoff[row]);
    let entered = -sinceCreation;
    if (table[0] < stages[row]) {
      for (let k = start[row]; k < start[row + 1]; ++k) {
        if (table[known[k]] >= stages[row]) {
          entered = at[k];
          break;
        }
      }
    }
    out[row] = Math.max(0, -Math.max(entered, -sinceCreation));
  }
  return out;
}

/** Builds the simulator's input for a ladder's stage lookup. */
export function simulatorData(
  extract: SimulatorExtract,
  nurture: NurtureData,
  rows: ArrayLike<number>,
  table: Uint8Array,
  levels: number[]
): SimulatorData {
  const stages = new Uint8Array(extract.rows);
  for (let row = 0; row < extract.rows; ++row) stages[row] = table[extract.columns.evidenceAtHandoff[row]];
  const top = Math.max(...levels);
  const inStage = hoursInStage(extract, table, stages);
  const prepared = prepareOutcomes(extract, rows, stages);
  const {byFollow} = prepared.order;
  const hoursInStageByFollow = new Uint32Array(byFollow.length);
  for (let m = 0; m < byFollow.length; ++m) hoursInStageByFollow[m] = inStage[rows[byFollow[m]]];
  return {
    extract,
    rows,
    stages,
    table,
    levels,
    nurture,
    stays: levelStays(nurture, table, top),
    hoursInStage: inStage,
    prepared,
    hoursInStageByFollow
  };
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
