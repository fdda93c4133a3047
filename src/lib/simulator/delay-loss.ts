/**
 * The default delay loss, estimated from the data: within each level, handoffs slower than the level's median time
 * to handoff are compared with faster ones (exact times; handoffs exactly at the median count in neither); the loss
 * is how much lower the slow ones' pooled win rate is (0 when they win as often, or when either side has fewer than
 * `minimumClosed` closed handoffs).
 *
 * The simulator page works this out after every ladder edit before it can ask for the new estimate: a pass over the
 * handoffs for each level's median and one for the tally took 50–70 ms of the page's thread at a million handoffs.
 * The times are therefore counted once per set of rows by evidence bitmask and time bucket (TimeBuckets); a ladder
 * only groups bitmasks into levels, so an edit adds up counts, and looks at single times only in the buckets that
 * hold a level's median. The result is exactly the two passes' (the unit tests compare them).
 */
import {outcomeCode} from "../core/measures.js";
import {minimumClosed} from "../core/stats.js";
import type {SimulatorExtract} from "./simulator-extract.js";

/** What the delay loss is estimated from: the handoffs, the ladder's stage per evidence bitmask, its levels. */
export interface DelayLossInput {
  extract: SimulatorExtract;
  rows: ArrayLike<number>;
  table: Uint8Array;
  levels: number[];
}

/** The estimate, and the closed handoffs it compares: how many were slow and fast, and their win rates. */
export interface DelayLossEstimate {
  delayLoss: number;
  /** Whether each side had enough closed handoffs (`minimumClosed`) to estimate from; else the loss is 0. */
  estimated: boolean;
  slow: number;
  fast: number;
  slowRate: number | null;
  fastRate: number | null;
}

/** Equal-width buckets from the shortest time to handoff to the longest. */
const bucketCount = 1024;

/** The rows' times to handoff per evidence bitmask (by index into `masks`) and bucket. */
interface TimeBuckets {
  extract: SimulatorExtract;
  masks: number[];
  lo: number;
  scale: number;
  /** At [(mask index · bucketCount + bucket) · 3]: handoffs, closed handoffs and won handoffs there. */
  counts: Uint32Array;
  /** Each (mask index, bucket)'s handoffs at start[…] … start[… + 1] − 1: their times, closed, won. */
  start: Uint32Array;
  times: Float64Array;
  closed: Uint8Array;
  won: Uint8Array;
}

const cache = new WeakMap<object, TimeBuckets>();

/** Monotone in the time, so that a bucket below a median's holds only times below it (above: above). */
const bucketOf = (buckets: Pick<TimeBuckets, "lo" | "scale">, hours: number) =>
  Math.min(bucketCount - 1, Math.floor((hours - buckets.lo) * buckets.scale));

/** Counts `rows` once per bitmask and bucket (times missing are left out, as they are from the estimate). */
function timeBuckets(extract: SimulatorExtract, rows: ArrayLike<number>): TimeBuckets {
  const cached = cache.get(rows);
  if (cached?.extract === extract) return cached;
  const {hoursToHandoff, evidenceAtHandoff, outcome} = extract.columns;
  const maskIndex = new Map<number, number>();
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < rows.length; ++i) {
    const h = hoursToHandoff[rows[i]];
    if (Number.isNaN(h)) continue;
    if (h < lo) lo = h;
    if (h > hi) hi = h;
    const mask = evidenceAtHandoff[rows[i]];
    if (!maskIndex.has(mask)) maskIndex.set(mask, maskIndex.size);
  }
  const buckets = {lo, scale: hi > lo ? bucketCount / (hi - lo) : 0};
  const cellOf = new Int32Array(rows.length).fill(-1);
  const counts = new Uint32Array(maskIndex.size * bucketCount * 3);
  for (let i = 0; i < rows.length; ++i) {
    const row = rows[i];
    if (Number.isNaN(hoursToHandoff[row])) continue;
    const cell = (cellOf[i] =
      maskIndex.get(evidenceAtHandoff[row])! * bucketCount + bucketOf(buckets, hoursToHandoff[row]));
    counts[cell * 3]++;
    if (outcome[row] !== outcomeCode.open) counts[cell * 3 + 1]++;
    if (outcome[row] === outcomeCode.won) counts[cell * 3 + 2]++;
  }
  const start = new Uint32Array(counts.length / 3 + 1);
  for (let cell = 0; cell < start.length - 1; ++cell) start[cell + 1] = start[cell] + counts[cell * 3];
  const next = start.slice(0, -1);
  const n = start[start.length - 1];
  const out = {times: new Float64Array(n), closed: new Uint8Array(n), won: new Uint8Array(n)};
  for (let i = 0; i < rows.length; ++i) {
    if (cellOf[i] < 0) continue;
    const k = next[cellOf[i]]++;
    out.times[k] = hoursToHandoff[rows[i]];
    out.closed[k] = outcome[rows[i]] !== outcomeCode.open ? 1 : 0;
    out.won[k] = outcome[rows[i]] === outcomeCode.won ? 1 : 0;
  }
  const result = {extract, masks: [...maskIndex.keys()], ...buckets, counts, start, ...out};
  cache.set(rows, result);
  return result;
}

/** Each level's median time to handoff (NaN for fewer than two handoffs), as the middle of its sorted times. */
function levelMedians(buckets: TimeBuckets, stageOf: Uint8Array, width: number): Float64Array {
  const {counts, start, times} = buckets;
  const perLevel = new Float64Array(width * bucketCount);
  const n = new Float64Array(width);
  stageOf.forEach((s, j) => {
    for (let b = 0; b < bucketCount; ++b) perLevel[s * bucketCount + b] += counts[(j * bucketCount + b) * 3];
  });
  for (let s = 0; s < width; ++s) for (let b = 0; b < bucketCount; ++b) n[s] += perLevel[s * bucketCount + b];
  return Float64Array.from(n, (count, s) => {
    if (count < 2) return NaN;
    const lower = (count - 1) >> 1;
    const upper = count % 2 === 1 ? lower : lower + 1;
    // The buckets from the one holding rank `lower` to the one holding `upper`, and the handoffs before them.
    let before = 0;
    let first = 0;
    while (before + perLevel[s * bucketCount + first] <= lower) before += perLevel[s * bucketCount + first++];
    let last = first;
    for (let through = before + perLevel[s * bucketCount + first]; through <= upper;) {
      through += perLevel[s * bucketCount + ++last];
    }
    const middle: number[] = [];
    stageOf.forEach((t, j) => {
      if (t !== s) return;
      for (let k = start[j * bucketCount + first]; k < start[j * bucketCount + last + 1]; ++k) middle.push(times[k]);
    });
    const sorted = Float64Array.from(middle).sort();
    return (sorted[lower - before] + sorted[upper - before]) / 2;
  });
}

/** The default delay loss for `rows` under a ladder (see the module's note). */
export function estimateDelayLoss({extract, rows, table, levels}: DelayLossInput): DelayLossEstimate {
  const buckets = timeBuckets(extract, rows);
  const stageOf = Uint8Array.from(buckets.masks, (mask) => table[mask]);
  const medians = levelMedians(buckets, stageOf, Math.max(...levels) + 1);
  const {counts, start, times, closed, won} = buckets;
  // [won, closed] among the slow and among the fast: whole buckets off a median's bucket, single times within it.
  const slow = [0, 0];
  const fast = [0, 0];
  stageOf.forEach((s, j) => {
    const m = medians[s];
    if (Number.isNaN(m)) return;
    const middle = bucketOf(buckets, m);
    for (let b = 0; b < bucketCount; ++b) {
      const cell = j * bucketCount + b;
      if (b === middle) continue;
      const side = b > middle ? slow : fast;
      side[0] += counts[cell * 3 + 2];
      side[1] += counts[cell * 3 + 1];
    }
    for (let k = start[j * bucketCount + middle]; k < start[j * bucketCount + middle + 1]; ++k) {
      if (!closed[k] || times[k] === m) continue;
      const side = times[k] > m ? slow : fast;
      side[0] += won[k];
      side[1]++;
    }
  });
  const slowRate = slow[1] > 0 ? slow[0] / slow[1] : null;
  const fastRate = fast[1] > 0 ? fast[0] / fast[1] : null;
  // A rate of a few closed handoffs is noise (3 slow against 2 fast made a 90% loss on a small export): the loss is
  // estimated only from enough of each; otherwise it stays 0, for the reader to set, and the page says why.
  const estimated = slow[1] >= minimumClosed && fast[1] >= minimumClosed;
  const delayLoss =
    !estimated || slowRate === null || fastRate === null || fastRate === 0
      ? 0
      : Math.min(0.9, Math.max(0, 1 - slowRate / fastRate));
  return {delayLoss, estimated, slow: slow[1], fast: fast[1], slowRate, fastRate};
}
