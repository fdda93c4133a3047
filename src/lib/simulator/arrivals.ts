/**
 * When each lead's (or handoff's) evidence arrived, in time order, with the evidence known by then: the same for
 * every ladder, so it is worked out once per file and every ladder edit only looks stages up along it.
 */

/** Arrivals of all rows, one list after another: row r's are at start[r] … start[r + 1] − 1. */
export interface Arrivals {
  start: Uint32Array;
  /** The hour of each arrival (distinct within a row, ascending). */
  at: Float64Array;
  /** Bitmask of every evidence type known by then (evidence arriving in the same hour counts together). */
  known: Int32Array;
}

const cache = new WeakMap<Float32Array, Arrivals>();

/**
 * The arrivals in `hours`, at [row · types + i] the hour evidence type i arrived (NaN: not in these data), cached
 * per array. Hours below `floor` count at `floor` (evidence older than the lead counts from its creation).
 */
export function arrivalsOf(hours: Float32Array, types: number, floor = -Infinity): Arrivals {
  const cached = cache.get(hours);
  if (cached) return cached;
  const rows = types === 0 ? 0 : hours.length / types;
  const start = new Uint32Array(rows + 1);
  let count = 0;
  for (let k = 0; k < hours.length; ++k) if (!Number.isNaN(hours[k])) count++;
  const at = new Float64Array(count);
  const known = new Int32Array(count);
  const times = new Float64Array(types);
  const bits = new Int32Array(types);
  let out = 0;
  for (let row = 0; row < rows; ++row) {
    start[row] = out;
    // This row's evidence by hour (insertion sort: at most one arrival per type).
    let n = 0;
    for (let i = 0; i < types; ++i) {
      const raw = hours[row * types + i];
      if (Number.isNaN(raw)) continue;
      const t = Math.max(floor, raw);
      let j = n++;
      for (; j > 0 && times[j - 1] > t; --j) {
        times[j] = times[j - 1];
        bits[j] = bits[j - 1];
      }
      times[j] = t;
      bits[j] = 1 << i;
    }
    let mask = 0;
    for (let j = 0; j < n; ++j) {
      mask |= bits[j];
      if (j + 1 < n && times[j + 1] === times[j]) continue;
      at[out] = times[j];
      known[out++] = mask;
    }
  }
  start[rows] = out;
  const arrivals = {start, at: at.subarray(0, out), known: known.subarray(0, out)};
  cache.set(hours, arrivals);
  return arrivals;
}
