/**
 * The nurture model's raw counts (nurture.ts): every lead's path through a ladder walked once, its stays counted per
 * level, whole hour of stay and the level it left for. Walked again after every ladder edit and in every bootstrap
 * resample, so the walk is in phases (a worker takes a newer request between them) and skips what no ladder changes.
 */
import {arrivalsOf} from "./arrivals.js";
import {zeros, type Scratch} from "./scratch.js";

/**
 * Per lead: how long nurture watched it and when each piece of evidence came, in whole hours from creation (floored:
 * the simulator's clock ticks in hours, see nurture.ts, levelExits).
 */
export interface NurtureData {
  rows: number;
  evidenceTypes: string[];
  hoursObserved: Float64Array;
  /** At [row · evidenceTypes.length + i]: hours from creation to evidence i in nurture, NaN when not then. */
  evidenceHours: Float32Array;
}

/**
 * One level's stays counted per whole hour of stay and level left for, at [level · span + hour] (level 0: censored;
 * span = exits.length / (top + 1)); how many ended in an hour is their sum. And how many stays there were at all.
 */
export interface StayCounts {
  exits: Float64Array;
  total: number;
}

/**
 * Leads walked per phase: about 10 ms at a million leads in Node. A whole walk was one phase of 35–65 ms, which a
 * ladder edit arriving in a resample had to wait for.
 */
const leadsPerPhase = 1 << 18;

/**
 * Walks every lead's path once, counting its stays per level and whole hour, [group][level] (`groups.of[lead]`;
 * a lead of a group ≥ count is left out, and group g counts stays from level g up only). (The stays were once written
 * out per level and counted per resample: as fast per resample, but writing them cost 40 ms after every ladder edit
 * at a million leads, and 18 MB.) Per level, stays are added in lead order, as they always were: the sums are the
 * same. Unweighted, the leads without evidence are counted from their histogram (quietLeads) instead of walked:
 * every count is then a whole number, the same in any order. The counts are written in `scratch` if given
 * (scratch.ts: they are read only until the walk's exits are worked out).
 */
export function* stayCountsInPhases(
  nurture: NurtureData,
  table: Uint8Array,
  top: number,
  weights?: ArrayLike<number>,
  groups: {of?: ArrayLike<number>; count: number} = {count: 1},
  scratch?: Scratch
): Generator<void, StayCounts[][]> {
  const width = top + 1;
  const span = longestStay(nurture) + 1;
  const plain = !weights && !groups.of;
  // Every group's and level's counts in one array, at [((group · width + level) · width + exit) · span + hour]: one
  // level's exits to each level lie apart, a level's stays of each length together (that layout walked 20–25% faster
  // than the exits of one hour side by side). Only the exits are counted: the stays ending in an hour were counted
  // too, which cost a fifth of the walk, and they are the exits' sum.
  const counts: Counts = {
    exits: zeros(scratch, groups.of ? "groupExits" : "exits", Float64Array, groups.count * width * width * span),
    totals: new Float64Array(groups.count * width),
    width,
    span
  };
  const {exits, totals} = counts;
  const quiet = plain ? quietLeads(nurture, span) : undefined;
  if (quiet) countQuiet(quiet, table[0], counts);
  const leads = quiet?.others;
  const count = leads ? leads.length : nurture.rows;
  for (let from = 0; from < count; from += leadsPerPhase) {
    if (from > 0) yield;
    walk(nurture, {from, to: Math.min(count, from + leadsPerPhase), leads}, table, counts, weights, groups);
  }
  return Array.from({length: groups.count}, (_, g) =>
    Array.from({length: width}, (_, level) => {
      const cell = g * width + level;
      return {exits: exits.subarray(cell * width * span, (cell + 1) * width * span), total: totals[cell]};
    })
  );
}

/** The counts of a walk, laid out as stayCountsInPhases says. */
interface Counts {
  exits: Float64Array;
  /** Per group and level: how many stays (a level without any needs no estimate). */
  totals: Float64Array;
  width: number;
  span: number;
}

/** Walks the leads from … to − 1 (positions in `leads`, or leads themselves), adding their stays to `counts`. */
function walk(
  nurture: NurtureData,
  {from, to, leads}: {from: number; to: number; leads?: Uint32Array},
  table: Uint8Array,
  counts: Counts,
  weights: ArrayLike<number> | undefined,
  groups: {of?: ArrayLike<number>; count: number}
): void {
  const {start, at, known} = arrivalsOf(nurture.evidenceHours, nurture.evidenceTypes.length, 0);
  const observed = nurture.hoursObserved;
  const width = counts.width;
  for (let i = from; i < to; ++i) {
    const lead = leads ? leads[i] : i;
    const w = weights ? weights[lead] : 1;
    if (w === 0) continue;
    const group = groups.of ? groups.of[lead] : 0;
    if (group >= groups.count) continue;
    const base = group * width;
    let level = table[0];
    let entered = 0;
    const end = start[lead + 1];
    for (let k = start[lead]; k < end; ++k) {
      const next = table[known[k]];
      if (next <= level) continue;
      const until = at[k];
      // Whole hours (the simulator's clock): a fraction would index nothing in a typed array, silently.
      if (until > entered && level >= group) addStay(counts, base + level, next, Math.floor(until - entered), w);
      level = next;
      entered = until;
    }
    // The end of the watch: the last stay censored there (exit 0) unless it lasted no hour.
    const until = observed[lead];
    if (until > entered && level >= group) addStay(counts, base + level, 0, Math.floor(until - entered), w);
  }
}

/** The leads without any evidence in nurture, counted per whole hour watched; and the other leads. */
interface QuietLeads {
  byHour: Float64Array;
  others: Uint32Array;
}

const quietCache = new WeakMap<NurtureData, QuietLeads>();

/**
 * Per histories, once: a lead without evidence stays at the ladder's lowest stage until nurture stops watching it,
 * whatever the ladder, so its stay is known before any edit (29% of the million leads generated).
 */
function quietLeads(nurture: NurtureData, span: number): QuietLeads {
  const cached = quietCache.get(nurture);
  if (cached) return cached;
  const {start} = arrivalsOf(nurture.evidenceHours, nurture.evidenceTypes.length, 0);
  const byHour = new Float64Array(span);
  const others: number[] = [];
  for (let lead = 0; lead < nurture.rows; ++lead) {
    if (start[lead + 1] > start[lead]) others.push(lead);
    else if (nurture.hoursObserved[lead] > 0) byHour[Math.floor(nurture.hoursObserved[lead])]++;
  }
  const quiet = {byHour, others: Uint32Array.from(others)};
  quietCache.set(nurture, quiet);
  return quiet;
}

/** Adds `w` stays of `hours` at a group's level (`cell`) that ended in a move to `next` (0: censored). */
function addStay({exits, totals, width, span}: Counts, cell: number, next: number, hours: number, w: number) {
  totals[cell] += w;
  exits[(cell * width + next) * span + hours] += w;
}

/** Adds the quiet leads' stays at `level` (the ladder's stage of no evidence), all censored. */
function countQuiet({byHour}: QuietLeads, level: number, counts: Counts): void {
  for (let hours = 0; hours < byHour.length; ++hours)
    if (byHour[hours] > 0) addStay(counts, level, 0, hours, byHour[hours]);
}

const longest = new WeakMap<NurtureData, number>();

/** The longest stay any ladder can give (the latest hour nurture saw a lead), in whole hours; cached per histories. */
function longestStay(nurture: NurtureData): number {
  let hours = longest.get(nurture);
  if (hours !== undefined) return hours;
  hours = 0;
  for (const h of nurture.hoursObserved) if (h > hours) hours = h;
  for (const h of nurture.evidenceHours) if (h > hours) hours = h;
  longest.set(nurture, (hours = Math.floor(hours)));
  return hours;
}
