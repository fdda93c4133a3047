/**
 * How leads climb the ladder while marketing nurtures them: a multi-state model estimated only from evidence known
 * before a lead's first handoff (nurture.parquet and the first handoffs), never from what sales found afterwards.
 *
 * A lead is in one level at a time. Its stay in a level ends when new evidence lifts it to a higher one (possibly
 * skipping levels), or is censored when nurture stops watching: at its first handoff, or at the data end. A lead that
 * goes cold simply stays until it is censored. For each level the Aalen–Johansen estimator gives, at every time since
 * entering it, the chance of leaving it for each higher level, with censoring handled by the at-risk sets. Chaining
 * levels (the Markov assumption: how a lead leaves a level does not depend on how it got there) gives the chance that
 * a lead now at level s, for d hours, ever reaches level k or above, and at which level it first lands there.
 *
 * Handoffs censor a stay at the moment of a level change (a team hands off when a lead reaches its bar), so the
 * censoring they cause falls at the start of a stay and does not bias what happens to leads kept in nurture.
 */
import {readParquet, type Extract, type FileBytes} from "../core/extract.js";
import {EvidenceColumns} from "../core/evidence-columns.js";
import {toEnd} from "./phases.js";
import type {Scratch} from "./scratch.js";
import {stayCountsInPhases, type NurtureData, type StayCounts} from "./stay-counts.js";

export type {NurtureData} from "./stay-counts.js";

/**
 * Every lead's nurture history: the leads never handed off from nurture.parquet, and each handed-off lead from its
 * first handoff in the extract (nurture watched it until then; the evidence known then came in nurture).
 */
export async function decodeNurture(file: FileBytes, extract: Extract): Promise<NurtureData> {
  const {handoffSeq, hoursToHandoff, evidenceHours: atHandoff} = extract.columns;
  // Read as NaN, missing times would look like leads without evidence: the simulation would run on a false climb.
  if (atHandoff.length !== extract.rows * extract.header.evidenceTypes.length) {
    throw new Error(
      "the handoffs were decoded without their evidence times (evidenceTimes: false): the simulation needs them"
    );
  }
  let firsts = 0;
  for (let row = 0; row < extract.rows; ++row) if (handoffSeq[row] === 1) firsts++;
  // Whole hours from creation, floored (the simulator's clock), straight from each decoded chunk into arrays with
  // room for the handed-off leads after the file's.
  const evidence = new EvidenceColumns("evidence_", (seconds) => Math.floor(seconds / 3600), firsts);
  let hoursObserved: Float64Array | undefined;
  const table = await readParquet(file, "nurture.parquet", (column, rows, metadata) => {
    if (column !== "nurture_seconds") return evidence.sink(column, rows, metadata);
    const target = (hoursObserved = new Float64Array(rows + firsts));
    return (values, start) => {
      for (let k = 0; k < values.length; ++k) target[start + k] = Math.floor(Number(values[k] ?? 0) / 3600);
    };
  });
  const meta = JSON.parse(table.metadata.leadstage ?? "null") as {evidenceTypes: string[]; fingerprint: string} | null;
  if (!meta || !hoursObserved) throw new Error("nurture.parquet is not Leadstage's nurture file: rebuild the site");
  if (meta.fingerprint !== extract.header.fingerprint) {
    throw new Error("nurture.parquet belongs to another build than handoffs.parquet: rebuild the site");
  }
  const types = meta.evidenceTypes;
  const evidenceHours = evidence.finish(table.rows, types, "nurture.parquet");
  const rows = table.rows + firsts;
  let lead = table.rows;
  for (let row = 0; row < extract.rows; ++row) {
    if (handoffSeq[row] !== 1) continue;
    const until = Number.isNaN(hoursToHandoff[row]) ? 0 : Math.floor(hoursToHandoff[row]);
    hoursObserved[lead] = until;
    for (let i = 0; i < types.length; ++i) {
      const at = atHandoff[row * types.length + i];
      if (!Number.isNaN(at)) evidenceHours[lead * types.length + i] = Math.max(0, until + at);
    }
    lead++;
  }
  return {rows, evidenceTypes: types, hoursObserved, evidenceHours};
}

/**
 * The Aalen–Johansen estimate for one level: at each distinct time of an exit, the survival (still in the level) just
 * after it and the cumulative chance of having left for each higher level.
 */
export interface LevelExits {
  times: Float64Array;
  survival: Float64Array;
  /** cumulative[to][j]: chance of having left for level `to` by times[j]. */
  cumulative: Float64Array[];
  /** The weight of leads that ever stayed here (0: nobody, the level's exits are not identified). */
  atRisk: number;
}

/**
 * Every level's exits under the ladder whose stage lookup is `table` (stage per evidence bitmask), from every lead's
 * path through it, each lead weighted by `weights[lead]` (bootstrap) or 1. Evidence arriving in the same hour counts
 * together; a stay of zero hours (a level skipped at once, or a handoff in the hour of a level change) is no stay.
 */
export function levelExits(
  nurture: NurtureData,
  table: Uint8Array,
  top: number,
  weights?: ArrayLike<number>
): LevelExits[] {
  return toEnd(levelExitsInPhases(nurture, table, top, weights));
}

/**
 * levelExits in phases: it pauses (yields nothing) every few hundred thousand leads walked. It counts in `scratch` if
 * given (scratch.ts).
 */
export function* levelExitsInPhases(
  nurture: NurtureData,
  table: Uint8Array,
  top: number,
  weights?: ArrayLike<number>,
  scratch?: Scratch
): Generator<void, LevelExits[]> {
  const [levels] = yield* stayCountsInPhases(nurture, table, top, weights, undefined, scratch);
  return levels.map((counts) => exitsOf(counts, top));
}

/**
 * The same estimated apart for each group of paths (`group.of[path]`, 0 … count − 1; a path of a group ≥ count is
 * left out), in one walk: [group][level]. Group g counts stays from level g up only: the simulator's own-path view
 * learns how the handoffs of stage g climbed from g on (own-paths.ts), and their stays below g were in nurture.
 */
export function levelExitsByGroup(
  paths: NurtureData,
  table: Uint8Array,
  top: number,
  group: {of: ArrayLike<number>; count: number},
  weights?: ArrayLike<number>
): LevelExits[][] {
  return toEnd(levelExitsByGroupInPhases(paths, table, top, group, weights));
}

/** levelExitsByGroup in phases, as levelExitsInPhases. */
export function* levelExitsByGroupInPhases(
  paths: NurtureData,
  table: Uint8Array,
  top: number,
  group: {of: ArrayLike<number>; count: number},
  weights?: ArrayLike<number>,
  scratch?: Scratch
): Generator<void, LevelExits[][]> {
  const groups = yield* stayCountsInPhases(paths, table, top, weights, group, scratch);
  return groups.map((levels) => levels.map((c) => exitsOf(c, top)));
}

/** The Aalen–Johansen estimate from one level's stays counted per hour. */
function exitsOf({exits, total}: StayCounts, top: number): LevelExits {
  const width = top + 1;
  const times: number[] = [];
  const survival: number[] = [];
  const cumulative: number[][] = Array.from({length: width}, () => []);
  // Nobody stayed (a group's levels below its own, or level 0): nothing to estimate, and no hour to look at.
  if (total === 0)
    return {
      times: new Float64Array(0),
      survival: new Float64Array(0),
      cumulative: cumulative.map(() => new Float64Array(0)),
      atRisk: 0
    };
  const span = exits.length / width;
  const running = new Float64Array(width);
  let atRisk = total;
  let s = 1;
  // One pass over the hours, each hour's stays that ended summed as it is read (censored first, as the sum always
  // was): a first pass that summed them into an array of every hour read and allocated as much again, and for small
  // data the hours, not the leads, are the work (two years: 17,520 per level and resample).
  for (let t = 0; t < span; ++t) {
    let gone = exits[t];
    let leaving = 0;
    for (let to = 1; to < width; ++to) {
      const e = exits[to * span + t];
      gone += e;
      leaving += e;
    }
    if (gone === 0) continue;
    if (leaving > 0 && atRisk > 0) {
      for (let to = 1; to < width; ++to) running[to] += (s * exits[to * span + t]) / atRisk;
      s *= 1 - leaving / atRisk;
      times.push(t);
      survival.push(s);
      for (let to = 0; to < width; ++to) cumulative[to].push(running[to]);
    }
    atRisk -= gone;
  }
  return {
    times: Float64Array.from(times),
    survival: Float64Array.from(survival),
    cumulative: cumulative.map((d) => Float64Array.from(d)),
    atRisk: total
  };
}

/**
 * The chance that a lead that has been in this level for `hours` leaves it for each higher level (eventually, as
 * far as the data can see), as an array indexed by level; the rest goes cold or stays.
 */
export function exitChances(exits: LevelExits, hours: number): Float64Array {
  const chances = new Float64Array(exits.cumulative.length);
  // The last step at or before `hours`: what has happened by then is past.
  let lo = 0;
  let hi = exits.times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (exits.times[mid] <= hours) lo = mid + 1;
    else hi = mid;
  }
  chancesAfterStep(exits, lo - 1, chances);
  return chances;
}

/**
 * The same for a lead still in the level after exit step j (−1: before the first), written into `out` from
 * `offset` on: (F_to(end) − F_to(j)) / S(j). The simulator sweeps j over rows sorted by time in level.
 */
export function chancesAfterStep(exits: LevelExits, j: number, out: Float64Array, offset = 0): void {
  const last = exits.times.length - 1;
  const survived = j < 0 ? 1 : exits.survival[j];
  if (last < 0 || survived <= 0) return;
  for (let to = 0; to < exits.cumulative.length; ++to) {
    const before = j < 0 ? 0 : exits.cumulative[to][j];
    out[offset + to] = (exits.cumulative[to][last] - before) / survived;
  }
}

/**
 * For a policy k: from each level s < k, entered just now, the chance of first reaching k or above at each level
 * k' ≥ k (indexed by k'), chaining the levels' exits.
 */
export function landingFromEntry(exits: LevelExits[], k: number, top: number): Float64Array[] {
  const landing: Float64Array[] = Array.from({length: top + 1}, () => new Float64Array(top + 1));
  for (let s = k - 1; s >= 1; --s) landing[s] = landingFrom(exits, s, 0, k, landing);
  return landing;
}

/** The same for a lead in level s for `hours` already, given the entry landings of the levels above it. */
export function landingFrom(
  exits: LevelExits[],
  s: number,
  hours: number,
  k: number,
  fromEntry: Float64Array[]
): Float64Array {
  const top = fromEntry.length - 1;
  const out = new Float64Array(top + 1);
  const chances = exitChances(exits[s], hours);
  for (let to = s + 1; to <= top; ++to) {
    const p = chances[to];
    if (p === 0) continue;
    if (to >= k) out[to] += p;
    else for (let landed = k; landed <= top; ++landed) out[landed] += p * fromEntry[to][landed];
  }
  return out;
}
