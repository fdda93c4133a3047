/**
 * The order every sweep of the expected outcomes (expected-outcomes.ts) reads the handoffs in: by follow-up, shortest
 * first, sorted once per extract (a filter's selection is taken from that order). The bootstrap sweeps hundreds of
 * times with other weights, so every column a sweep reads is laid out in that order once (a sweep in row order jumps
 * around memory: at a million leads that cost four fifths of its time).
 */
import type {SimulatorExtract} from "./simulator-extract.js";
import {outcomeCode} from "../core/measures.js";
import {lossesRecorded} from "./unmeasured.js";
import {zeros, type Scratch} from "./scratch.js";

/** The rows by follow-up (to the close, or to the data end while open), shortest first: what every sweep reads. */
export interface FollowOrder {
  extract: SimulatorExtract;
  /** Indices of rows in that order; the arrays below are at the same positions. */
  byFollow: Uint32Array;
  /** Each index of rows' position in that order (byFollow's inverse). */
  positionOf: Uint32Array;
  follow: Float64Array;
  open: Uint8Array;
  won: Uint8Array;
  salesHours: Float64Array;
  amount: Float64Array;
  /** Whether the data records losses, so that open handoffs can be expected to end like closed ones. */
  imputeOpen: boolean;
  /**
   * For an order taken from the whole extract's (rows ascending: wholeOrder), each position's position there,
   * ascending; null for the whole order itself and for an order sorted on its own.
   */
  fromWhole: Uint32Array | null;
}

/** The orders the sweeps need, for one set of rows and stages. */
export interface PreparedOutcomes {
  rows: ArrayLike<number>;
  order: FollowOrder;
  /** Stage at each position of the order. */
  stage: Uint8Array;
  /** Won amount at each position (a won deal without one counts at its level's mean), 0 unless won. */
  value: Float64Array;
}

/** One follow order per set of rows: a page re-classifying after a ladder edit keeps its rows and skips the sort. */
const followOrders = new WeakMap<object, FollowOrder>();

/** The follow order of `rows`, worked out once per set of rows (by identity) and extract. */
export function followOrder(extract: SimulatorExtract, rows: ArrayLike<number>): FollowOrder {
  const cached = followOrders.get(rows);
  if (cached?.extract === extract) return cached;
  let order: FollowOrder;
  if (!isSelection(rows, extract.rows)) order = sortedOrder(extract, rows);
  else if (rows.length === extract.rows) order = wholeOrder(extract).order;
  else order = orderWithin(wholeOrder(extract).order, rows);
  followOrders.set(rows, order);
  return order;
}

/** The whole extract's rows (0, 1, …) and their follow order, once per extract. */
const wholeOrders = new WeakMap<SimulatorExtract, {rows: Uint32Array; order: FollowOrder}>();

/** Every row of `extract` in order, and their follow order: what a filtered selection's order is taken from. */
export function wholeOrder(extract: SimulatorExtract): {rows: Uint32Array; order: FollowOrder} {
  let whole = wholeOrders.get(extract);
  if (!whole) {
    const rows = new Uint32Array(extract.rows);
    for (let i = 0; i < rows.length; ++i) rows[i] = i;
    wholeOrders.set(extract, (whole = {rows, order: sortedOrder(extract, rows)}));
  }
  return whole;
}

/** Whether `rows` are distinct rows of an extract of `count` rows in ascending order, as the page's filters give. */
function isSelection(rows: ArrayLike<number>, count: number): boolean {
  for (let i = 0, last = -1; i < rows.length; last = rows[i++]) {
    if (!(rows[i] > last && rows[i] < count)) return false;
  }
  return true;
}

/**
 * The follow order of ascending `rows`: the whole extract's, with the other rows left out. The whole order breaks
 * ties by row, and ascending rows keep that order, so this is the order sorting `rows` gives; but every array is
 * read in sequence, where sorting and gathering a selection read the columns out of order (at a million leads a
 * filter change's preparation took 1.3–2.0 s in Node, of which this and the paths below most).
 */
function orderWithin(whole: FollowOrder, rows: ArrayLike<number>): FollowOrder {
  const indexOf = new Int32Array(whole.byFollow.length).fill(-1);
  for (let i = 0; i < rows.length; ++i) indexOf[rows[i]] = i;
  const fromWhole = new Uint32Array(rows.length);
  const byFollow = new Uint32Array(rows.length);
  const positionOf = new Uint32Array(rows.length);
  for (let p = 0, m = 0; p < whole.byFollow.length; ++p) {
    const i = indexOf[whole.byFollow[p]];
    if (i < 0) continue;
    fromWhole[m] = p;
    positionOf[i] = m;
    byFollow[m++] = i;
  }
  return {
    extract: whole.extract,
    byFollow,
    positionOf,
    follow: picked(whole.follow, fromWhole, new Float64Array(rows.length)),
    open: picked(whole.open, fromWhole, new Uint8Array(rows.length)),
    won: picked(whole.won, fromWhole, new Uint8Array(rows.length)),
    salesHours: picked(whole.salesHours, fromWhole, new Float64Array(rows.length)),
    amount: picked(whole.amount, fromWhole, new Float64Array(rows.length)),
    imputeOpen: whole.imputeOpen,
    fromWhole
  };
}

/** `out` with the values of `values` at `positions`, one after another. */
export function picked<T extends Float64Array | Uint32Array | Uint16Array | Uint8Array>(
  values: T,
  positions: Uint32Array,
  out: T
): T {
  for (let m = 0; m < positions.length; ++m) out[m] = values[positions[m]];
  return out;
}

/** The follow order of `rows` in any order, sorted. */
function sortedOrder(extract: SimulatorExtract, rows: ArrayLike<number>): FollowOrder {
  const {outcome, hoursToClose, hoursToDataEnd, salesHours, amount} = extract.columns;
  const n = rows.length;
  const follows = new Float64Array(n);
  const opens = new Uint8Array(n);
  for (let i = 0; i < n; ++i) {
    const row = rows[i];
    opens[i] = outcome[row] === outcomeCode.open ? 1 : 0;
    follows[i] = opens[i] ? hoursToDataEnd[row] : Math.max(0, hoursToClose[row] || 0);
  }
  const byFollow = orderedBy(follows, opens);
  const positionOf = new Uint32Array(n);
  for (let m = 0; m < n; ++m) positionOf[byFollow[m]] = m;
  const order = {
    extract,
    byFollow,
    positionOf,
    follow: new Float64Array(n),
    open: new Uint8Array(n),
    won: new Uint8Array(n),
    salesHours: new Float64Array(n),
    amount: new Float64Array(n),
    imputeOpen: lossesRecorded(extract),
    fromWhole: null
  };
  // Rows read in sequence and written at their positions: reading them at the positions' rows (out of order) took
  // 2–3 times as long at a million leads (here and in the paths laid out in this order: docs/simulator.md).
  for (let i = 0; i < n; ++i) {
    const m = positionOf[i];
    const row = rows[i];
    order.follow[m] = follows[i];
    order.open[m] = opens[i];
    order.won[m] = outcome[row] === outcomeCode.won ? 1 : 0;
    order.salesHours[m] = salesHours[row];
    order.amount[m] = amount[row];
  }
  return order;
}

/**
 * Positions 0…n−1 by `keys` ascending, at equal keys those with `then` 0 before 1, and otherwise in position order:
 * the order a stable comparator sort gives, by a least-significant-digit radix sort over the keys' eight bytes, each
 * key carried along with its position (so that every pass reads in sequence) and a byte every key shares skipped.
 * On the 716,003 handoffs of a million leads this took 235 ms of the first preparation's profile in Node counting 16
 * bits at a time by position (reading the keys out of order), and 320–530 ms as a comparator sort (docs/simulator.md);
 * the native sort takes no keys, and no maintained package sorts indices by typed keys.
 */
function orderedBy(keys: Float64Array, then: Uint8Array): Uint32Array {
  const n = keys.length;
  const words = new Uint32Array(keys.buffer, keys.byteOffset, 2 * n);
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  let order = new Uint32Array(n);
  let k = 0;
  for (const last of [0, 1]) {
    for (let i = 0; i < n; ++i) {
      if ((then[i] ? 1 : 0) !== last) continue;
      // The key's bits made to compare as unsigned integers in the numbers' order: a negative number's bits all
      // flipped, any other's sign bit set (so −0 equals +0, as the comparator had it, and NaN comes last). Words are
      // little-endian: the low one first.
      const low = words[2 * i];
      const high = words[2 * i + 1];
      const negative = high >>> 31 && (low !== 0 || high !== 0x80000000);
      lo[k] = negative ? ~low : low;
      hi[k] = negative ? ~high : (high | 0x80000000) >>> 0;
      order[k++] = i;
    }
  }
  const counts = new Uint32Array(8 * 256);
  for (let i = 0; i < n; ++i) {
    for (let byte = 0; byte < 4; ++byte) {
      counts[byte * 256 + ((lo[i] >>> (8 * byte)) & 255)]++;
      counts[(4 + byte) * 256 + ((hi[i] >>> (8 * byte)) & 255)]++;
    }
  }
  let nextLo = new Uint32Array(n);
  let nextHi = new Uint32Array(n);
  let next = new Uint32Array(n);
  for (let byte = 0; byte < 8; ++byte) {
    const count = counts.subarray(byte * 256, byte * 256 + 256);
    if (count.includes(n)) continue;
    for (let d = 0, sum = 0; d < 256; ++d) [count[d], sum] = [sum, sum + count[d]];
    const digits = byte < 4 ? lo : hi;
    const shift = 8 * (byte & 3);
    for (let i = 0; i < n; ++i) {
      const at = count[(digits[i] >>> shift) & 255]++;
      if (byte < 4) nextLo[at] = lo[i];
      nextHi[at] = hi[i];
      next[at] = order[i];
    }
    [lo, nextLo, hi, nextHi, order, next] = [nextLo, lo, nextHi, hi, next, order];
  }
  return order;
}

/** Sorts once what every bootstrap resample sweeps, for rows at `stages` (per extract row). */
export function prepareOutcomes(
  extract: SimulatorExtract,
  rows: ArrayLike<number>,
  stages: Uint8Array
): PreparedOutcomes {
  const order = followOrder(extract, rows);
  const stage = Uint8Array.from(order.byFollow, (i) => stages[rows[i]]);
  return outcomesInOrder(rows, order, stage);
}

/**
 * The same from the stage at each position of the follow order (what the simulator works out in that order), its
 * values in `scratch` if given (scratch.ts). Where every won deal has its amount, the values are the same for every
 * ladder: worked out once per order, not after every edit.
 */
export function outcomesInOrder(
  rows: ArrayLike<number>,
  order: FollowOrder,
  stage: Uint8Array,
  scratch?: Scratch
): PreparedOutcomes {
  const fixed = wonAmounts(order);
  if (fixed) return {rows, order, stage, value: fixed};
  const {won, amount} = order;
  const n = stage.length;
  // Per stage (a byte): the won amounts' sum and count, for the mean that a won deal without an amount counts at.
  const sum = new Float64Array(256);
  const count = new Uint32Array(256);
  for (let m = 0; m < n; ++m) {
    if (!won[m] || Number.isNaN(amount[m])) continue;
    sum[stage[m]] += amount[m];
    count[stage[m]]++;
  }
  const value = zeros(scratch, "value", Float64Array, n);
  for (let m = 0; m < n; ++m) {
    if (!won[m]) continue;
    const s = stage[m];
    value[m] = Number.isNaN(amount[m]) ? (count[s] ? sum[s] / count[s] : 0) : amount[m];
  }
  return {rows, order, stage, value};
}

const wonAmountsByOrder = new WeakMap<FollowOrder, Float64Array | null>();

/** Each position's won amount (0 unless won) when every won deal has one, else null; once per order. */
function wonAmounts(order: FollowOrder): Float64Array | null {
  let values = wonAmountsByOrder.get(order);
  if (values !== undefined) return values;
  const {won, amount} = order;
  values = new Float64Array(won.length);
  for (let m = 0; m < won.length && values; ++m) {
    if (!won[m]) continue;
    if (Number.isNaN(amount[m])) values = null;
    else values[m] = amount[m];
  }
  wonAmountsByOrder.set(order, values);
  return values;
}

/** Weights per index of rows, laid out in the follow order. */
export function inFollowOrder(prepared: PreparedOutcomes, weights: ArrayLike<number>): Float64Array {
  const {byFollow} = prepared.order;
  const out = new Float64Array(byFollow.length);
  for (let m = 0; m < byFollow.length; ++m) out[m] = weights[byFollow[m]];
  return out;
}
