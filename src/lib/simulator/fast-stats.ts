/**
 * The two statistics the simulator computes over a million values after every ladder edit or in every bootstrap
 * resample, written for that size: a median by selection (d3's quickselect in place; d3's median first copies its
 * input through a generator, five times the cost here) and Poisson(1) draws from one uniform each.
 */
import {quickselect} from "d3-array";

/** The median of `values` (reordered): the middle value, or the mean of the two middle ones, as quantileSorted gives. */
export function medianInPlace(values: Float64Array): number {
  const n = values.length;
  const k = (n - 1) >> 1;
  quickselect(values as unknown as number[], k);
  if (n % 2 === 1) return values[k];
  let next = Infinity;
  for (let i = k + 1; i < n; ++i) if (values[i] < next) next = values[i];
  return (values[k] + next) / 2;
}

/**
 * Poisson(1) draws by inverse transform from one uniform each: the bootstrap draws one per handoff and per lead, 1.7
 * million per resample at a million leads, where d3's general Poisson (two logarithms per draw) took a third of
 * the resample's time. A table by the uniform's first 12 bits answers every draw whose bucket holds no step of the
 * distribution (all but 7 of 4,096: its 17 steps fall into 7 buckets); the search through the steps took 37–52 ms
 * per resample, the table 21.
 */
export function poissonOne(uniform: () => number): () => number {
  const cumulative: number[] = [];
  for (let k = 0, p = Math.exp(-1), sum = p; sum < 1 - 1e-16 && k < 20; ++k, p /= k, sum += p) cumulative.push(sum);
  /** The draw for uniform u: how many steps lie at or below it. */
  const search = (u: number) => {
    let k = 0;
    while (k < cumulative.length && u >= cumulative[k]) ++k;
    return k;
  };
  // Bucket b holds the uniforms in [b / size, (b + 1) / size) (exact: size is a power of two); −1 where a step lies
  // inside it, and the search decides.
  const size = 1 << 12;
  const buckets = Int8Array.from({length: size}, (_, b) => {
    const k = search(b / size);
    return k < cumulative.length && cumulative[k] < (b + 1) / size ? -1 : k;
  });
  return () => {
    const u = uniform();
    const k = buckets[(u * size) | 0];
    return k >= 0 ? k : search(u);
  };
}
