/**
 * The order every sweep of the expected outcomes (expected-outcomes.ts) reads the handoffs in: by follow-up, shortest
 * first, sorted once per set of rows. The bootstrap sweeps hundreds of times with other weights, so every column a
 * sweep reads is laid out in that order once (a sweep in row order jumps around memory: at a million leads that cost
 * four fifths of its time).
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
  follow: Float64Array;
  open: Uint8Array;
  won: Uint8Array;
  salesHours: Float64Array;
  amount: Float64Array;
  /** Whether the data records losses, so that open handoffs can be expected to end like closed ones. */
  imputeOpen: boolean;
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

/** The follow order of `rows`, sorted once per set of rows (by identity) and extract. */
export function followOrder(extract: SimulatorExtract, rows: ArrayLike<number>): FollowOrder {
  const cached = followOrders.get(rows);
  if (cached?.extract === extract) return cached;
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
  const order = {
    extract,
    byFollow,
    follow: new Float64Array(n),
    open: new Uint8Array(n),
    won: new Uint8Array(n),
    salesHours: new Float64Array(n),
    amount: new Float64Array(n),
    imputeOpen: lossesRecorded(extract)
  };
  for (let m = 0; m < n; ++m) {
    const i = byFollow[m];
    const row = rows[i];
    order.follow[m] = follows[i];
    order.open[m] = opens[i];
    order.won[m] = outcome[row] === outcomeCode.won ? 1 : 0;
    order.salesHours[m] = salesHours[row];
    order.amount[m] = amount[row];
  }
  followOrders.set(rows, order);
  return order;
}

/**
 * Positions 0…n−1 by `keys` ascending, at equal keys those with `then` 0 before 1, and otherwise in position order:
 * the order a stable comparator sort gives, by a least-significant-digit radix sort (counting 16 bits of the keys at a
 * time). On the 716,003 handoffs of a million leads 80–180 ms against the comparator's 320–530 ms in Node, the
 * largest step of the simulator's first preparation, which the page waits for (docs/simulator.md); the native sort
 * takes no keys, and no maintained package sorts indices by typed keys.
 */
function orderedBy(keys: Float64Array, then: Uint8Array): Uint32Array {
  const n = keys.length;
  // Each key's bits made to compare as unsigned integers in the numbers' order: a negative number's bits all
  // flipped, any other's sign bit set (so −0 equals +0, as the comparator had it, and NaN comes last).
  const words = new Uint32Array(Float64Array.from(keys).buffer);
  for (let i = 0; i < words.length; i += 2) {
    const negative = words[i + 1] >>> 31 && (words[i] !== 0 || words[i + 1] !== 0x80000000);
    words[i] = negative ? ~words[i] : words[i];
    words[i + 1] = negative ? ~words[i + 1] : words[i + 1] | 0x80000000;
  }
  let order = new Uint32Array(n);
  let next = new Uint32Array(n);
  let k = 0;
  for (let i = 0; i < n; ++i) if (!then[i]) order[k++] = i;
  for (let i = 0; i < n; ++i) if (then[i]) order[k++] = i;
  const counts = new Uint32Array(65536);
  // Little-endian words: the low word of key i at 2i, the high at 2i + 1; its four 16-bit digits, lowest first.
  for (let digit = 0; digit < 4; ++digit) {
    const word = digit >> 1;
    const shift = (digit & 1) * 16;
    counts.fill(0);
    for (let i = 0; i < n; ++i) counts[(words[2 * order[i] + word] >>> shift) & 0xffff]++;
    for (let d = 0, sum = 0; d < 65536; ++d) {
      const count = counts[d];
      counts[d] = sum;
      sum += count;
    }
    for (let i = 0; i < n; ++i) {
      const j = order[i];
      next[counts[(words[2 * j + word] >>> shift) & 0xffff]++] = j;
    }
    [order, next] = [next, order];
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
