/**
 * The bootstrap's resamples, each one the same wherever it is computed: resample b draws its Poisson(1) weights (one
 * per handoff, then one per nurture lead, one uniform each) from d3's seeded LCG, b × (handoffs + leads) draws in.
 * So a second worker can compute the later resamples of a run while the first computes the earlier ones (the two
 * cores of a machine; simulation-host.ts), and together they give what one worker alone would have given: a run's
 * intervals and shares do not depend on the order its resamples came in.
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

/** Resample `index` of a bootstrap, in phases (its draws, then estimateInPhases). */
export type Resample = (index: number) => Generator<void, PolicyEstimate[]>;

/**
 * Any resample of the bootstrap seeded `seed`, in any order: resample b's draws start b × (handoffs + leads) draws
 * into the LCG (lcgFrom). One resample at a time: each redraws the same weight arrays, and its sums are kept in
 * `scratch` from one resample to the next.
 */
export function resamplesAt(
  data: SimulatorData,
  inputs: SimulatorInputs,
  seed: number,
  scratch = new Scratch()
): Resample {
  const handoffs = new Float64Array(data.rows.length);
  const leads = new Float64Array(data.nurture.rows);
  const draws = handoffs.length + leads.length;
  return function* (index) {
    const poisson = poissonOne(lcgFrom(seed, index * draws));
    for (let i = 0; i < handoffs.length; ++i) handoffs[i] = poisson();
    yield;
    for (let i = 0; i < leads.length; ++i) leads[i] = poisson();
    yield;
    // Independent draws: drawn straight in the order the estimate reads them in.
    return yield* estimateInPhases(data, inputs, {handoffs, leads, inFollowOrder: true, scratch});
  };
}

/** A resample's index and its estimates. */
export type IndexedResample = [index: number, estimates: PolicyEstimate[]];

/** A step of a helper's share: the resamples it finished meanwhile, and the lowest index it has started. */
export interface HelperStep {
  samples: IndexedResample[];
  /** The lowest index started (the run's last + 1 before the first): the worker computes those below it. */
  claimed: number;
  /** True at the last step: every index from `claimed` on has been delivered. */
  done: boolean;
}

/**
 * A helper's share of a run: resamples `to` − 1, `to` − 2, … of the bootstrap seeded `seed`, down to the first the
 * worker has not started (`floor()`, which the worker's progress raises meanwhile), in steps of about `budgetMs`.
 * Worker and helper meet wherever their speeds take them: the helper starts a second or two late (its data and
 * its first preparation), and a half-and-half split kept the worker waiting for it at the end. Where both start the
 * same resample before hearing of the other, it is computed twice and the worker keeps one.
 */
export function* resamplesDown(
  data: SimulatorData,
  inputs: SimulatorInputs,
  {seed, to, budgetMs, floor}: {seed: number; to: number; budgetMs: number; floor: () => number}
): Generator<HelperStep> {
  const resample = resamplesAt(data, inputs, seed);
  let [claimed, current] = [to, undefined as ReturnType<Resample> | undefined];
  for (;;) {
    const started = performance.now();
    const samples: IndexedResample[] = [];
    do {
      if (!current) {
        if (claimed - 1 < floor()) return yield {samples, claimed, done: true};
        current = resample(--claimed);
      }
      const phase = current.next();
      if (!phase.done) continue;
      samples.push([claimed, phase.value]);
      current = undefined;
    } while (performance.now() - started < budgetMs);
    yield {samples, claimed, done: false};
  }
}

/**
 * A run's link to its helper's resamples (simulation-helper.ts): the helper computes from the run's last resample
 * down, the run from its first up, until they meet. A lost helper's undelivered resamples the run computes itself.
 */
export interface SharedResamples {
  /** The lowest index the helper has started (Infinity before it starts any): the run computes those below it. */
  readonly claimed: number;
  /** The resamples delivered since the last call, each with its index (none once lost). */
  take(): IndexedResample[];
  /** True once the helper will deliver no more of what it claimed (it failed or stopped). */
  readonly lost: boolean;
  /** Resolves at the next delivery, or when the helper is lost or the run stopped. */
  delivered(): Promise<void>;
  /** The run has started resample `index` (and every one below it): the helper starts none of those. */
  started(index: number): void;
}

/** What a run yields while it has nothing to compute and waits for the helper's resamples. */
export const awaitingHelp = Symbol("awaiting the helper's resamples");
