/**
 * The bootstrap's resamples, each one the same wherever it is computed: resample b draws its Poisson(1) weights (one
 * per handoff, then one per nurture lead, one uniform each) from d3's seeded LCG, b × (handoffs + leads) draws in.
 * So a second worker can compute the later resamples of a run while the first computes the earlier ones (the two
 * cores of a machine; simulation-host.ts), and together they give what one worker alone would have given.
 */
import {randomLcg} from "d3-random";
import {estimateInPhases, type PolicyEstimate, type SimulatorInputs} from "./simulator.js";
import type {SimulatorData} from "./simulator-data.js";
import {poissonOne} from "./fast-stats.js";
import {Scratch} from "./scratch.js";

/** The bootstrap's seed: fixed, so that a page shows the same intervals on every visit. */
export const bootstrapSeed = 20251127;

// d3-random's LCG (randomLcg): x → (a·x + c) mod 2^32, a uniform x / 2^32 per step.
const multiplier = 0x19660d;
const increment = 0x3c6ef35f;

/**
 * d3's `randomLcg(seed)` after `skip` draws. n steps of x → a·x + c are x → A·x + C, with A and C found by
 * squaring in log2(n) steps (F. B. Brown, "Random number generation with arbitrary strides", 1994); d3 then goes on
 * from that state (a seed ≥ 1 is taken as the state itself).
 */
export function lcgFrom(seed: number, skip = 0): () => number {
  if (skip === 0) return randomLcg(seed);
  // d3's seeding: a seed in [0, 1) is scaled to 32 bits, any other is taken whole.
  const state = (0 <= seed && seed < 1 ? seed * 0x100000000 : Math.abs(seed)) | 0;
  let [a, c, stepA, stepC] = [multiplier, increment, 1, 0];
  for (let n = skip; n > 0; n = Math.floor(n / 2)) {
    if (n % 2 === 1) [stepA, stepC] = [Math.imul(stepA, a), (Math.imul(stepC, a) + c) | 0];
    [a, c] = [Math.imul(a, a), Math.imul(a + 1, c)];
  }
  return randomLcg((Math.imul(stepA, state) + stepC) >>> 0);
}

/**
 * Resamples `first`, first + 1, … of the bootstrap seeded `seed`: each call of the result is the next resample, in
 * phases (its draws, then estimateInPhases). Their sums are kept in `scratch` from one resample to the next.
 */
export function resamplesFrom(
  data: SimulatorData,
  inputs: SimulatorInputs,
  seed: number,
  first: number,
  scratch = new Scratch()
): () => Generator<void, PolicyEstimate[]> {
  const handoffs = new Float64Array(data.rows.length);
  const leads = new Float64Array(data.nurture.rows);
  const poisson = poissonOne(lcgFrom(seed, first * (handoffs.length + leads.length)));
  // One resample at a time: the next one redraws the same weight arrays.
  return function* () {
    for (let i = 0; i < handoffs.length; ++i) handoffs[i] = poisson();
    yield;
    for (let i = 0; i < leads.length; ++i) leads[i] = poisson();
    yield;
    // Independent draws: drawn straight in the order the estimate reads them in.
    return yield* estimateInPhases(data, inputs, {handoffs, leads, inFollowOrder: true, scratch});
  };
}

/**
 * A helper's share of a run: resamples `from` … `to` − 1 of the bootstrap seeded `seed`, in batches of those
 * finished within `budgetMs` (an empty batch after a step that finished none: a newer request is taken between
 * steps).
 */
export function* resampleRange(
  data: SimulatorData,
  inputs: SimulatorInputs,
  {seed, from, to, budgetMs}: {seed: number; from: number; to: number; budgetMs: number}
): Generator<PolicyEstimate[][]> {
  const next = resamplesFrom(data, inputs, seed, from);
  let resample: Generator<void, PolicyEstimate[]> | undefined;
  for (let index = from; index < to;) {
    const started = performance.now();
    const batch: PolicyEstimate[][] = [];
    do {
      resample ??= next();
      const phase = resample.next();
      if (!phase.done) continue;
      batch.push(phase.value);
      resample = undefined;
      index++;
    } while (index < to && performance.now() - started < budgetMs);
    yield batch;
  }
}

/**
 * The later resamples of a run, computed by a helper: those from `from` on, delivered in order. The run computes
 * the earlier ones, and the rest itself once the helper is lost.
 */
export interface SharedResamples {
  /** The first resample the helper computes. */
  readonly from: number;
  /** The resamples delivered since the last call, in order (none once lost). */
  take(): PolicyEstimate[][];
  /** True once the helper will deliver no more (it failed or stopped). */
  readonly lost: boolean;
  /** Resolves at the next delivery, or when the helper is lost or the run stopped. */
  delivered(): Promise<void>;
}

/** What a run yields while it has nothing to compute and waits for the helper's resamples. */
export const awaitingHelp = Symbol("awaiting the helper's resamples");
