/**
 * From the simulator's estimates to an answer a statistician can defend: bootstrap intervals that cover both
 * assumptions, and a recommendation only when the same threshold is best under both and in nearly every resample.
 * Otherwise the answer is that the data cannot decide between the named candidates, and why.
 */
import {randomLcg} from "d3-random";
import {quantileSorted} from "d3-array";
import {outcomeCode} from "../core/measures.js";
import {assumptions, estimatePolicies, type Figure, type PolicyEstimate, type SimulatorInputs} from "./simulator.js";
import type {SimulatorData} from "./simulator-data.js";
import {medianInPlace, poissonOne} from "./fast-stats.js";

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
  /** Share of resamples in which this k has the best net value under each assumption, and under both at once. */
  best: {bar: number; self: number; both: number};
}

/** The simulation's answer. */
export type Decision =
  | {kind: "pending"; done: number; of: number}
  | {kind: "recommend"; k: number; share: number}
  | {kind: "undecided"; candidates: number[]; reason: "assumptions" | "noise" | "few"; share: number};

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

/** Fewer closed handoffs than this, and the simulator names no threshold. */
export const minimumClosed = 30;

/** The best k's index under one assumption. */
function bestIndex(estimates: PolicyEstimate[], assumption: "bar" | "self"): number {
  let best = 0;
  estimates.forEach((d, j) => {
    if (d[assumption].netValue > estimates[best][assumption].netValue) best = j;
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
  {replicates = 200, seed = 20251127} = {}
): SimulationResult {
  const run = resampler(data, inputs, seed);
  const samples: PolicyEstimate[][] = [];
  for (let b = 0; b < replicates && data.rows.length > 0; ++b) samples.push(run.next());
  return summarize(data, run.point, samples, samples.length);
}

/**
 * The same simulation, yielded as it goes: first the estimate with no resample, then after every `budgetMs` of
 * resampling (at least one resample). A plain generator: a page pulls one value per animation frame, so it draws and
 * takes clicks in between, and a page that moves on (a ladder edit) simply stops pulling, with no step still
 * running for a simulation nobody reads. The last value equals simulate()'s: the resamples are the same whatever
 * the steps.
 */
export function* simulateInSteps(
  data: SimulatorData,
  inputs: SimulatorInputs,
  {replicates = 200, seed = 20251127, budgetMs = 40} = {}
): Generator<SimulationResult> {
  const run = resampler(data, inputs, seed);
  const target = data.rows.length > 0 ? replicates : 0;
  const samples: PolicyEstimate[][] = [];
  yield summarize(data, run.point, samples, target);
  while (samples.length < target) {
    const started = performance.now();
    do samples.push(run.next());
    while (samples.length < target && performance.now() - started < budgetMs);
    yield summarize(data, run.point, samples, target);
  }
}

/** The estimate, and a seeded source of bootstrap resamples. */
function resampler(data: SimulatorData, inputs: SimulatorInputs, seed: number) {
  const poisson = poissonOne(randomLcg(seed));
  const handoffs = new Float64Array(data.rows.length);
  const leads = new Float64Array(data.nurture.rows);
  return {
    point: estimatePolicies(data, inputs),
    next: () => {
      for (let i = 0; i < handoffs.length; ++i) handoffs[i] = poisson();
      for (let i = 0; i < leads.length; ++i) leads[i] = poisson();
      // Independent draws: drawn straight in the order the estimate reads them in.
      return estimatePolicies(data, inputs, {handoffs, leads, inFollowOrder: true});
    }
  };
}

/** Intervals, best shares and the decision from the resamples so far (pending until all `target` are in). */
function summarize(
  data: SimulatorData,
  point: PolicyEstimate[],
  samples: PolicyEstimate[][],
  target: number
): SimulationResult {
  const policies = point.map((estimate, j): PolicyResult => {
    const intervals = {} as Record<Figure, Interval>;
    const changes = {} as Record<Figure, Interval>;
    for (const figure of figures) {
      const value = (s: PolicyEstimate[], a: "bar" | "self") => s[j][a][figure];
      const change = (s: PolicyEstimate[], a: "bar" | "self") => s[j][a][figure] - s[0][a][figure];
      intervals[figure] = interval(
        samples.map((s) => Math.min(value(s, "bar"), value(s, "self"))),
        samples.map((s) => Math.max(value(s, "bar"), value(s, "self")))
      );
      changes[figure] = interval(
        samples.map((s) => Math.min(change(s, "bar"), change(s, "self"))),
        samples.map((s) => Math.max(change(s, "bar"), change(s, "self")))
      );
    }
    return {...estimate, intervals, changes, best: {bar: 0, self: 0, both: 0}};
  });
  for (const sample of samples) {
    const [bar, self] = assumptions.map((a) => bestIndex(sample, a));
    policies[bar].best.bar += 1 / samples.length;
    policies[self].best.self += 1 / samples.length;
    if (bar === self) policies[bar].best.both += 1 / samples.length;
  }
  const closed = countClosed(data);
  const decision: Decision =
    samples.length < target ? {kind: "pending", done: samples.length, of: target} : decide(point, policies, closed);
  return {policies, decision, replicates: samples.length, closed};
}

function countClosed(data: SimulatorData): number {
  let closed = 0;
  for (let i = 0; i < data.rows.length; ++i)
    if (data.extract.columns.outcome[data.rows[i]] !== outcomeCode.open) closed++;
  return closed;
}

/**
 * Recommends k when k is best under both assumptions in the estimate and in at least 95% of the resamples;
 * otherwise names the candidates and why it cannot. The candidates are every k from the lowest to the highest that
 * is best under either assumption (in the estimate or in at least 5% of resamples): the truth lies between the
 * assumptions, so any threshold between their answers may be the best one.
 */
export function decide(point: PolicyEstimate[], policies: PolicyResult[], closed: number): Decision {
  const [bar, self] = assumptions.map((a) => bestIndex(point, a));
  const best = policies.flatMap((d, j) =>
    j === bar || j === self || d.best.bar >= 0.05 || d.best.self >= 0.05 ? [j] : []
  );
  const candidates = policies.slice(Math.min(...best), Math.max(...best) + 1).map((d) => d.k);
  const share = policies[bar].best.both;
  if (closed < minimumClosed) return {kind: "undecided", candidates, reason: "few", share};
  if (bar === self && share >= 0.95) return {kind: "recommend", k: policies[bar].k, share};
  return {kind: "undecided", candidates, reason: bar === self ? "noise" : "assumptions", share};
}

/**
 * The default delay loss, estimated from the data: within each level, handoffs slower than the level's median time
 * to handoff are compared with faster ones (exact times; handoffs exactly at the median count in neither); the loss
 * is how much lower the slow ones' pooled win rate is (0 when they win as often).
 */
export function estimateDelayLoss(data: Pick<SimulatorData, "extract" | "rows" | "stages" | "levels">): {
  delayLoss: number;
  slow: number;
  fast: number;
  slowRate: number | null;
  fastRate: number | null;
} {
  const {extract, rows, stages, levels} = data;
  const {outcome, hoursToHandoff} = extract.columns;
  // Each level's times to handoff, for its median (selected, not sorted: this runs after every ladder edit).
  const top = Math.max(...levels);
  const counts = new Uint32Array(top + 1);
  for (let i = 0; i < rows.length; ++i) if (!Number.isNaN(hoursToHandoff[rows[i]])) counts[stages[rows[i]]]++;
  const times = Array.from(counts, (n) => new Float64Array(n));
  counts.fill(0);
  for (let i = 0; i < rows.length; ++i) {
    const row = rows[i];
    if (!Number.isNaN(hoursToHandoff[row])) times[stages[row]][counts[stages[row]]++] = hoursToHandoff[row];
  }
  const medians = times.map((d) => (d.length < 2 ? NaN : medianInPlace(d)));
  const tally = {slow: [0, 0], fast: [0, 0]};
  for (let i = 0; i < rows.length; ++i) {
    const row = rows[i];
    const m = medians[stages[row]];
    const h = hoursToHandoff[row];
    if (Number.isNaN(m) || Number.isNaN(h) || outcome[row] === outcomeCode.open || h === m) continue;
    const side = h > m ? tally.slow : tally.fast;
    side[0] += outcome[row] === outcomeCode.won ? 1 : 0;
    side[1]++;
  }
  const slowRate = tally.slow[1] > 0 ? tally.slow[0] / tally.slow[1] : null;
  const fastRate = tally.fast[1] > 0 ? tally.fast[0] / tally.fast[1] : null;
  const delayLoss =
    slowRate === null || fastRate === null || fastRate === 0 ? 0 : Math.min(0.9, Math.max(0, 1 - slowRate / fastRate));
  return {delayLoss, slow: tally.slow[1], fast: tally.fast[1], slowRate, fastRate};
}

/** The simulator's default inputs, at which the lead check and the scorecard ask it for a level (and 50 resamples). */
export const targetInputs = {costPerSalesHour: 120, nurtureCostPerLead: 20, replicates: 50};

/** The level to hand off at by a final decision: the recommended one, else the lowest candidate (today's practice). */
export function targetOf(decision: Decision): number {
  if (decision.kind === "pending") throw new Error("a simulation still resampling names no level");
  return decision.kind === "recommend" ? decision.k : Math.min(...decision.candidates);
}

/**
 * The level the lead check and the scorecard analysis hand off at: the simulator's answer at its default inputs
 * (€120 per sales hour, €20 nurture, the estimated delay loss, 50 resamples); when the data cannot decide, the lowest
 * candidate, which is what happens today. The decision comes along, so a page can say which case it is. (The pages
 * ask the simulation worker the same: handoffTargetIn.)
 */
export function handoffTarget(data: SimulatorData): {k: number; decision: FinalDecision} {
  const {replicates, ...costs} = targetInputs;
  const {decision} = simulate(data, {...costs, delayLoss: estimateDelayLoss(data).delayLoss}, {replicates});
  if (decision.kind === "pending") throw new Error("a finished simulation is never pending");
  return {k: targetOf(decision), decision};
}
