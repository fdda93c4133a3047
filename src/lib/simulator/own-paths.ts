/**
 * The simulator's second view of how far a deferred lead would climb: as the handoffs of its own stage did, watched
 * from the lead's creation through the time sales worked it (to the close, or the data end while open).
 *
 * The nurture model (nurture.ts) learns the climb from the leads marketing kept. Where the teams that hand off at
 * once get other leads than the teams that wait, those are the wrong leads to learn from: better ones (the
 * teams-differ scenario) let too many deferred leads reach k, worse ones (teams-reversed: the hot accounts go to
 * sales at once) too few. The handoffs of a stage are exactly the leads a stricter rule would defer from it, and
 * their evidence while sales worked them shows how they went on climbing, unless sales made that evidence itself
 * (the leakage scenario), when it shows too much. So each stage's climb is learned a second time from its own
 * handoffs' paths, with the same Aalen–Johansen estimator, and the intervals and the answer take both views in.
 * A won deal's path ends at its handoff: sales confirms the rungs of the deals it wins, and taking those in made
 * the leakage scenario undecided in 8 of 20 held-out seeds that it decided rightly (docs/simulator.md).
 */
import {readParquet, type Extract, type FileBytes} from "../core/extract.js";
import {handoffOutcomes} from "../core/model.js";
import type {FollowOrder} from "./follow-order.js";
import type {NurtureData} from "./nurture.js";
import type {SimulatorExtract} from "./simulator-extract.js";

const open = handoffOutcomes.indexOf("open");
const wonCode = handoffOutcomes.indexOf("won");

/**
 * Every handoff of `rows` as a path in the nurture model's shape, laid out in the follow order (as the estimate's
 * weights are): watched from its lead's creation to its close (an open one to the data end; a won one, and one
 * closed before its handoff, a flagged contradiction, to the handoff), its evidence at whole hours from creation,
 * whether known at the handoff or found while sales worked it.
 */
export function ownPaths(extract: SimulatorExtract, rows: ArrayLike<number>, order: FollowOrder): NurtureData {
  const {outcome, hoursToHandoff, hoursToClose, hoursToDataEnd, evidenceHours, evidenceHoursAfter} = extract.columns;
  const types = extract.header.evidenceTypes.length;
  if (evidenceHoursAfter.length !== evidenceHours.length) {
    throw new Error("the evidence found after handoffs (later-evidence.parquet) was not read: rebuild the site");
  }
  const n = order.byFollow.length;
  const hoursObserved = new Float64Array(n);
  const evidence = new Float32Array(n * types).fill(NaN);
  // Rows in sequence, each written at its position (follow-order.ts says why).
  for (let i = 0; i < n; ++i) {
    const row = rows[i];
    const m = order.positionOf[i];
    const until = Number.isNaN(hoursToHandoff[row]) ? 0 : Math.floor(hoursToHandoff[row]);
    // A won deal is watched to its handoff only: what it showed later may be what sales confirmed in winning it.
    const won = outcome[row] === wonCode;
    const watched = outcome[row] === open ? hoursToDataEnd[row] : won ? 0 : hoursToClose[row];
    hoursObserved[m] = until + (Number.isNaN(watched) ? 0 : Math.floor(watched));
    for (let i = 0, at = row * types; i < types; ++i, ++at) {
      const before = evidenceHours[at];
      const after = evidenceHoursAfter[at];
      if (!Number.isNaN(before)) evidence[m * types + i] = Math.max(0, until + before);
      else if (!Number.isNaN(after) && !won) evidence[m * types + i] = until + after;
    }
  }
  return {rows: n, evidenceTypes: extract.header.evidenceTypes, hoursObserved, evidenceHours: evidence};
}

/** The own paths at `positions` of the whole order's (ascending), one after another: read in sequence. */
export function ownPathsWithin(whole: NurtureData, positions: Uint32Array): NurtureData {
  const types = whole.evidenceTypes.length;
  const n = positions.length;
  const hoursObserved = new Float64Array(n);
  const evidence = new Float32Array(n * types);
  for (let m = 0; m < n; ++m) {
    const p = positions[m];
    hoursObserved[m] = whole.hoursObserved[p];
    for (let i = 0; i < types; ++i) evidence[m * types + i] = whole.evidenceHours[p * types + i];
  }
  return {rows: n, evidenceTypes: whole.evidenceTypes, hoursObserved, evidenceHours: evidence};
}

/**
 * Reads later-evidence.parquet (one row per handoff and evidence type found while sales worked it) into
 * `extract.columns.evidenceHoursAfter`, at [row · evidenceTypes.length + i]: whole hours after the handoff, NaN where
 * none. Returns the extract; a file of another build is refused with one clear error.
 */
export async function decodeLaterEvidence<E extends Extract>(file: FileBytes, extract: E): Promise<E> {
  const types = extract.header.evidenceTypes;
  const stored: {handoff?: Uint32Array; type?: Int8Array; hours?: Float32Array} = {};
  const table = await readParquet(file, "later-evidence.parquet", (column, rows) => {
    if (column === "handoff") {
      const target = (stored.handoff = new Uint32Array(rows));
      return (values, start) => target.set(values as ArrayLike<number>, start);
    }
    if (column === "hours_after") {
      const target = (stored.hours = new Float32Array(rows));
      return (values, start) => target.set(values as ArrayLike<number>, start);
    }
    if (column !== "evidence") return undefined;
    const target = (stored.type = new Int8Array(rows));
    return (values, start) => {
      for (let k = 0; k < values.length; ++k) target[start + k] = types.indexOf(values[k] as string);
    };
  });
  const meta = JSON.parse(table.metadata.leadstage ?? "null") as {fingerprint?: string} | null;
  const {handoff, type, hours} = stored;
  if (!meta || !handoff || !type || !hours) {
    throw new Error("later-evidence.parquet is not Leadstage's file of later evidence: rebuild the site");
  }
  if (meta.fingerprint !== extract.header.fingerprint) {
    throw new Error("later-evidence.parquet belongs to another build than handoffs.parquet: rebuild the site");
  }
  const after = new Float32Array(extract.rows * types.length).fill(NaN);
  for (let k = 0; k < table.rows; ++k) {
    if (type[k] < 0 || handoff[k] >= extract.rows) {
      throw new Error(
        `later-evidence.parquet row ${k + 1} names no handoff or evidence of this build: rebuild the site`
      );
    }
    after[handoff[k] * types.length + type[k]] = hours[k];
  }
  extract.columns.evidenceHoursAfter = after;
  return extract;
}
