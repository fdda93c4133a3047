/**
 * From the simulator's estimates to an answer a statistician can defend: bootstrap intervals that cover both
 * assumptions, and a recommendation only when the same threshold is best under both and in nearly every resample.
 * Otherwise the answer is that the data cannot decide between the named candidates, and why.
 */
import {quantileSorted} from "d3-array";
import {outcomeCode} from "../core/measures.js";
import {minimumClosed} from "../core/stats.js";
import {
  estimatePolicies,
  type Figure,
  type PolicyEstimate,
  type PolicyFigures,
  type SimulatorInputs
} from "./simulator.js";
import type {SimulatorData} from "./simulator-data.js";
import {awaitingHelp, bootstrapSeed, resamplesAt, type SharedResamples} from "./resamples.js";
import {toEnd} from "./phases.js";
import {Scratch} from "./scratch.js";
import {unmeasured, type Unmeasured} from "./unmeasured.js";

/** A 95% interval. */
export interface Interval {
  lo: number;
  hi: number;
}

/** Per policy: the estimate, and for each figure an interval over both assumptions and the resamples. */
export interface PolicyResult extends PolicyEstimate {
  intervals: Record<Figure, Interval>;
  /** The same for the change against what actually happened (the lowest k), resampled together. */
  changes: Record<Figure, Interval>;
  /**
   * Share of resamples in which this k has the best net value under each assumption, and under every one at once
   * (both, both with the leads' own climb where it is lower, and both with the own paths: views()).
   */
  best: {bar: number; self: number; both: number};
}

/** The simulation's answer. */
export type Decision =
  | {kind: "pending"; done: number; of: number}
  | {kind: "recommend"; k: number; share: number}
  | {
      kind: "undecided";
      candidates: number[];
      reason: "assumptions" | "climb" | "paths" | "noise" | "few";
      share: number;
    }
  | {kind: "undecided"; candidates: number[]; reason: "unmeasured"; share: number; unmeasured: Unmeasured[]};

/** The answer once every resample is in. */
export type FinalDecision = Exclude<Decision, {kind: "pending"}>;

/** Everything the page shows. */
export interface SimulationResult {
  policies: PolicyResult[];
  decision: Decision;
  replicates: number;
  /** Closed handoffs behind the figures. */
  closed: number;
}

const figures: Figure[] = ["handoffsToSales", "deferred", "reached", "wins", "salesHours", "revenue", "netValue"];

export {minimumClosed};

/**
 * A policy's figures under every assumption: "bar", "self", then both again with deferred leads climbing only as
 * far as their own evidence went, where that is lower (else the same two; own-climb.ts), then both with each
 * stage climbing as its own handoffs did (own-paths.ts; the same two where an estimate leaves that view out).
 */
function views(d: PolicyEstimate): PolicyFigures[] {
  return [
    d.bar,
    d.self,
    d.climbed?.bar ?? d.bar,
    d.climbed?.self ?? d.self,
    d.ownPath?.bar ?? d.bar,
    d.ownPath?.self ?? d.self
  ];
}

/** The indices of views(). */
const everyView = [0, 1, 2, 3, 4, 5];

/** The best k's index under one view: 0 "bar", 1 "self", 2 and 3 with the own climb, 4 and 5 the own paths. */
export function bestIndex(estimates: PolicyEstimate[], view: number): number {
  let best = 0;
  estimates.forEach((d, j) => {
    if (views(d)[view].netValue > views(estimates[best])[view].netValue) best = j;
  });
  return best;
}

/** A 95% interval from the resamples' lower and upper values. */
function interval(lows: number[], highs: number[]): Interval {
  if (lows.length === 0) return {lo: NaN, hi: NaN};
  return {
    lo:
      quantileSorted(
        lows.sort((a, b) => a - b),
        0.025
      ) ?? NaN,
    hi:
      quantileSorted(
        highs.sort((a, b) => a - b),
        0.975
      ) ?? NaN
  };
}

/** Runs the estimate and `replicates` seeded bootstrap resamples (Poisson weights on handoffs and nurture leads). */
export function simulate(
  data: SimulatorData,
  inputs: SimulatorInputs,
  {replicates = 200, seed = bootstrapSeed} = {}
): SimulationResult {
  const run = resampler(data, inputs, seed);
  const samples: PolicyEstimate[][] = [];
  for (let b = 0; b < replicates && data.rows.length > 0; ++b) samples.push(toEnd(run.resample(b)));
  return summarize(data, run, samples, samples.length);
}

/** How simulateInSteps runs. */
export interface StepOptions {
  replicates?: number;
  seed?: number;
  /** Milliseconds of resampling per step. */
  budgetMs?: number;
  /** A helper computing resamples from the last down (resamples.ts): this run computes the others, from the first. */
  shared?: SharedResamples;
}

/**
 * The same simulation, yielded as it goes: first the estimate with no resample, then after every `budgetMs` of
 * resampling. A step ends between two phases of a resample (estimateInPhases), so that a worker takes a newer
 * request within tens of milliseconds, not after a whole resample: a step that completed no resample yields null
 * (nothing new to show), or `awaitingHelp` when only the helper's resamples are missing. The last value equals
 * simulate()'s: the resamples are the same whatever the steps, and whoever computed them.
 */
export function* simulateInSteps(
  data: SimulatorData,
  inputs: SimulatorInputs,
  {replicates = 200, seed = bootstrapSeed, budgetMs = 40, shared}: StepOptions = {}
): Generator<SimulationResult | null | typeof awaitingHelp> {
  const run = resampler(data, inputs, seed);
  const target = data.rows.length > 0 ? replicates : 0;
  const samples: PolicyEstimate[][] = [];
  yield summarize(data, run, samples, target);
  // Which resamples are in (the helper's and this run's, each kept once), and the next this run may start.
  const have = new Uint8Array(target);
  let [index, resample] = [0, undefined as {index: number; phases: Generator<void, PolicyEstimate[]>} | undefined];
  const keep = (b: number, estimates: PolicyEstimate[]) => {
    if (have[b]) return;
    have[b] = 1;
    samples.push(estimates);
  };
  while (samples.length < target) {
    const started = performance.now();
    const before = samples.length;
    do {
      for (const [b, estimates] of shared?.take() ?? []) keep(b, estimates);
      if (resample && have[resample.index]) resample = undefined; // the helper's came first: not computed twice
      if (!resample) {
        while (index < target && have[index]) index++;
        // Below the helper's claim; all that is missing once the helper is lost.
        if (index >= (shared && !shared.lost ? Math.min(shared.claimed, target) : target)) break;
        resample = {index, phases: run.resample(index)};
        shared?.started(index++);
      }
      const phase = resample.phases.next();
      if (!phase.done) continue;
      keep(resample.index, phase.value);
      resample = undefined;
    } while (samples.length < target && performance.now() - started < budgetMs);
    if (samples.length > before) yield summarize(data, run, samples, target);
    else if (samples.length < target) yield resample ? null : awaitingHelp;
  }
}

/** The estimate, and seeded resamples from any index on (resamples.ts), their sums kept in one scratch. */
function resampler(data: SimulatorData, inputs: SimulatorInputs, seed: number) {
  // A resample's 50 MB of sums at a million leads, written into the last one's instead of fresh memory.
  const scratch = new Scratch();
  let full: PolicyEstimate[] | undefined;
  return {
    // The first table needs no own-path view (own-paths.ts): only the answer does, once the resamples are in.
    point: estimatePolicies(data, inputs, undefined, false),
    full: () => (full ??= estimatePolicies(data, inputs)),
    resample: resamplesAt(data, inputs, seed, scratch)
  };
}

/** Intervals, best shares and the decision from the resamples so far (pending until all `target` are in). */
function summarize(
  data: SimulatorData,
  {point, full}: {point: PolicyEstimate[]; full: () => PolicyEstimate[]},
  samples: PolicyEstimate[][],
  target: number
): SimulationResult {
  const done = samples.length >= target;
  const policies = (done ? full() : point).map((estimate, j): PolicyResult => {
    const intervals = {} as Record<Figure, Interval>;
    const changes = {} as Record<Figure, Interval>;
    for (const figure of figures) {
      const values = (s: PolicyEstimate[]) => views(s[j]).map((f) => f[figure]);
      const changed = (s: PolicyEstimate[]) => views(s[j]).map((f, v) => f[figure] - views(s[0])[v][figure]);
      intervals[figure] = interval(
        samples.map((s) => Math.min(...values(s))),
        samples.map((s) => Math.max(...values(s)))
      );
      changes[figure] = interval(
        samples.map((s) => Math.min(...changed(s))),
        samples.map((s) => Math.max(...changed(s)))
      );
    }
    return {...estimate, intervals, changes, best: {bar: 0, self: 0, both: 0}};
  });
  for (const sample of samples) {
    const [bar, self, ...low] = everyView.map((v) => bestIndex(sample, v));
    policies[bar].best.bar += 1 / samples.length;
    policies[self].best.self += 1 / samples.length;
    if (bar === self && low.every((j) => j === bar)) policies[bar].best.both += 1 / samples.length;
  }
  const closed = countClosed(data);
  const decision: Decision = !done
    ? {kind: "pending", done: samples.length, of: target}
    : decide(full(), policies, closed, unmeasured(data.extract, data.nurture));
  return {policies, decision, replicates: samples.length, closed};
}

function countClosed(data: SimulatorData): number {
  let closed = 0;
  for (let i = 0; i < data.rows.length; ++i)
    if (data.extract.columns.outcome[data.rows[i]] !== outcomeCode.open) closed++;
  return closed;
}

/**
 * Recommends k when k is best under both assumptions, under both with the leads' own climb where that is lower
 * (own-climb.ts) and under both with the own paths (own-paths.ts), in the estimate and together in at least 95% of
 * the resamples; otherwise names the candidates and why it cannot (reason "climb" or "paths" when only that view
 * moves the answer). The candidates are every k from the lowest to the highest that
 * is best under either assumption (in the estimate or in at least 5% of resamples), or that is not ruled out: the
 * truth lies between the assumptions for each k on its own, so a k is out only when even its better assumption
 * falls below another k's worse one in the estimate, and its interval's top below another k's interval's bottom.
 * (Without that, held-out seeds of a generated scenario were told "1, 2, 3, 4" where 5 was truly best: "bar"
 * ranked 4 over 5 and "self" 1 first; docs/simulator.md.)
 * Data that does not record what the net value rests on (`missing`, see unmeasured.ts) decides nothing: every k is
 * a candidate.
 */
export function decide(
  point: PolicyEstimate[],
  policies: PolicyResult[],
  closed: number,
  missing: Unmeasured[] = []
): Decision {
  const [bar, self, ...low] = everyView.map((v) => bestIndex(point, v));
  // Not ruled out: by the estimate, or by the intervals (a small level's handful of deals can sink one estimate).
  const nets = (j: number) => views(point[j]).map((f) => f.netValue);
  const floor = Math.max(...point.map((_, j) => Math.min(...nets(j))));
  const floorLo = Math.max(...policies.map((d) => d.intervals.netValue.lo));
  const open = (j: number) => Math.max(...nets(j)) >= floor || policies[j].intervals.netValue.hi >= floorLo;
  const best = policies.flatMap((d, j) =>
    j === bar || j === self || low.includes(j) || d.best.bar >= 0.05 || d.best.self >= 0.05 || open(j) ? [j] : []
  );
  const candidates = policies.slice(Math.min(...best), Math.max(...best) + 1).map((d) => d.k);
  const share = policies[bar].best.both;
  if (missing.length > 0) {
    return {kind: "undecided", candidates: policies.map((d) => d.k), reason: "unmeasured", share, unmeasured: missing};
  }
  if (closed < minimumClosed) return {kind: "undecided", candidates, reason: "few", share};
  const agree = low.every((j) => j === bar);
  if (bar === self && agree && share >= 0.95) return {kind: "recommend", k: policies[bar].k, share};
  const climbAgrees = low.slice(0, 2).every((j) => j === bar);
  const reason = bar !== self ? "assumptions" : agree ? "noise" : climbAgrees ? "paths" : "climb";
  return {kind: "undecided", candidates, reason, share};
}
