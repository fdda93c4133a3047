/**
 * The handoff policy simulator: what would change if marketing handed a lead to sales only once it reached level k?
 *
 * The counterfactual model, stated on the page too:
 * - A handoff at level k or above happens as it did: its sales hours, its win or loss, its revenue. An open one is
 *   expected to win with the win rate of handoffs at level k or above.
 * - A handoff below k stays in marketing nurture, which costs `nurtureCostPerLead`. Whether its lead would have
 *   reached level k is read from the data: the evidence the lead gained later, by anyone.
 * - A lead that reaches k is handed off later and then converts like the handoffs that met the bar: it costs the
 *   average sales hours of handoffs at k or above, wins with their win rate less `delayLoss` (deals lost to the
 *   wait), and earns their average deal size.
 * - A lead that never reaches k costs no sales time and does not win.
 * Uncertainty comes from a seeded bootstrap over handoffs, so the page shows the same intervals on every visit.
 */
import type {Extract} from "./extract.js";
import {formatNumber} from "./format.js";
import {t} from "./i18n.js";
import type {HandoffLadder} from "./ladder.js";
import {outcomeCode, quantile} from "./measures.js";
import {stageLookup} from "./reclassify.js";
import {medianWithInterval} from "./stats.js";

/** The business inputs of the simulation. */
export interface SimulatorInputs {
  costPerSalesHour: number;
  nurtureCostPerLead: number;
  /** Share of the would-be wins that a later handoff loses to the wait (0…1). */
  delayLoss: number;
}

/** The handoffs as the simulator sees them: stage and reachable level under the ladder in force, per row. */
export interface SimulatorData {
  extract: Extract;
  rows: ArrayLike<number>;
  stages: Uint8Array;
  reachable: Uint8Array;
  levels: number[];
}

/** The outcome of one policy ("hand off at level ≥ k"). */
export interface PolicyOutcome {
  k: number;
  handoffsToSales: number;
  /** Handoffs kept in nurture, and of those, how many never reach k. */
  deferred: number;
  neverReach: number;
  salesHours: number;
  expectedWins: number;
  expectedRevenue: number;
  /** Wins that happened among handoffs the policy defers, minus the wins expected from them later. */
  winsAtRisk: number;
  netValue: number;
}

/** What a policy would be judged on, per level k: the quantities the data supplies. */
interface LevelParameters {
  winRate: number;
  hoursPerHandoff: number;
  revenuePerWin: number;
}

/** Simulates every policy k = 1…L (k = 1 is what actually happened) with per-row weights (bootstrap counts). */
export function simulatePolicies(
  data: SimulatorData,
  inputs: SimulatorInputs,
  weights?: Uint16Array | Float64Array
): PolicyOutcome[] {
  const {extract, rows, stages, reachable, levels} = data;
  const {columns} = extract;
  const n = rows.length;
  const weight = (i: number) => (weights ? weights[i] : 1);
  // Sums per stage, so that "at level k or above" is a suffix sum.
  const top = Math.max(...levels);
  const won = new Float64Array(top + 2);
  const closed = new Float64Array(top + 2);
  const count = new Float64Array(top + 2);
  const hours = new Float64Array(top + 2);
  const revenue = new Float64Array(top + 2);
  for (let i = 0; i < n; ++i) {
    const w = weight(i);
    if (w === 0) continue;
    const row = rows[i];
    const s = stages[row];
    count[s] += w;
    hours[s] += w * columns.salesHours[row];
    const outcome = columns.outcome[row];
    if (outcome !== outcomeCode.open) closed[s] += w;
    if (outcome === outcomeCode.won) {
      won[s] += w;
      const amount = columns.amount[row];
      if (!Number.isNaN(amount)) revenue[s] += w * amount;
    }
  }
  const parameters: LevelParameters[] = [];
  for (let k = top; k >= 1; --k) {
    const above = (array: Float64Array) => array.slice(k).reduce((a, b) => a + b, 0);
    const c = above(closed);
    const w = above(won);
    const h = above(count);
    parameters[k] = {
      winRate: c > 0 ? w / c : 0,
      hoursPerHandoff: h > 0 ? above(hours) / h : 0,
      revenuePerWin: w > 0 ? above(revenue) / w : 0
    };
  }
  return levels.map((k) => {
    const p = parameters[k];
    let toSales = 0;
    let deferred = 0;
    let neverReach = 0;
    let salesHours = 0;
    let expectedWins = 0;
    let expectedRevenue = 0;
    let winsDeferred = 0;
    let winsExpectedFromDeferred = 0;
    for (let i = 0; i < n; ++i) {
      const w = weight(i);
      if (w === 0) continue;
      const row = rows[i];
      const outcome = columns.outcome[row];
      if (stages[row] >= k) {
        toSales += w;
        salesHours += w * columns.salesHours[row];
        if (outcome === outcomeCode.won) {
          expectedWins += w;
          const amount = columns.amount[row];
          expectedRevenue += w * (Number.isNaN(amount) ? p.revenuePerWin : amount);
        } else if (outcome === outcomeCode.open) {
          expectedWins += w * p.winRate;
          expectedRevenue += w * p.winRate * p.revenuePerWin;
        }
        continue;
      }
      deferred += w;
      if (outcome === outcomeCode.won) winsDeferred += w;
      else if (outcome === outcomeCode.open) winsDeferred += w * parameters[stages[row]].winRate;
      if (reachable[row] >= k) {
        toSales += w;
        salesHours += w * p.hoursPerHandoff;
        const expected = p.winRate * (1 - inputs.delayLoss);
        expectedWins += w * expected;
        expectedRevenue += w * expected * p.revenuePerWin;
        winsExpectedFromDeferred += w * expected;
      } else {
        neverReach += w;
      }
    }
    return {
      k,
      handoffsToSales: toSales,
      deferred,
      neverReach,
      salesHours,
      expectedWins,
      expectedRevenue,
      winsAtRisk: winsDeferred - winsExpectedFromDeferred,
      netValue: expectedRevenue - salesHours * inputs.costPerSalesHour - deferred * inputs.nurtureCostPerLead
    };
  });
}

/** A seeded pseudo-random generator (mulberry32), so that the bootstrap gives the same intervals every time. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    let t = (state = (state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An interval from the bootstrap: the 2.5th and 97.5th percentiles. */
export interface Interval {
  lo: number;
  hi: number;
}

/** The simulation with bootstrap intervals for every figure, and how often each k came out best. */
export interface SimulationResult {
  policies: PolicyOutcome[];
  intervals: Record<keyof Omit<PolicyOutcome, "k">, Interval>[];
  /** Per k, the share of bootstrap samples in which it had the best net value. */
  bestShare: number[];
  /** Per k, intervals of the change against what actually happened (k = 1), resampled together. */
  changes: Record<"salesHours" | "expectedWins" | "netValue", Interval>[];
  replicates: number;
}

const metrics = [
  "handoffsToSales",
  "deferred",
  "neverReach",
  "salesHours",
  "expectedWins",
  "expectedRevenue",
  "winsAtRisk",
  "netValue"
] as const;

/** Runs the simulation and `replicates` bootstrap resamples of the handoffs (seeded). */
export function simulate(
  data: SimulatorData,
  inputs: SimulatorInputs,
  {replicates = 200, seed = 20251127} = {}
): SimulationResult {
  const policies = simulatePolicies(data, inputs);
  const random = seededRandom(seed);
  const n = data.rows.length;
  const samples: PolicyOutcome[][] = [];
  const weights = new Uint16Array(n);
  for (let b = 0; b < replicates && n > 0; ++b) {
    weights.fill(0);
    for (let i = 0; i < n; ++i) weights[Math.floor(random() * n)]++;
    samples.push(simulatePolicies(data, inputs, weights));
  }
  const intervals = policies.map(
    (_, j) =>
      Object.fromEntries(
        metrics.map((metric) => {
          const values = samples.map((s) => s[j][metric]).sort((a, b) => a - b);
          return [
            metric,
            values.length === 0 ? {lo: NaN, hi: NaN} : {lo: percentile(values, 0.025), hi: percentile(values, 0.975)}
          ];
        })
      ) as SimulationResult["intervals"][number]
  );
  const changes = policies.map(
    (_, j) =>
      Object.fromEntries(
        (["salesHours", "expectedWins", "netValue"] as const).map((metric) => {
          const values = samples.map((s) => s[j][metric] - s[0][metric]).sort((a, b) => a - b);
          return [
            metric,
            values.length === 0 ? {lo: NaN, hi: NaN} : {lo: percentile(values, 0.025), hi: percentile(values, 0.975)}
          ];
        })
      ) as SimulationResult["changes"][number]
  );
  const bestShare = policies.map(() => 0);
  for (const sample of samples) {
    let best = 0;
    sample.forEach((d, j) => {
      if (d.netValue > sample[best].netValue) best = j;
    });
    bestShare[best] += 1 / samples.length;
  }
  return {policies, intervals, bestShare, changes, replicates: samples.length};
}

function percentile(sorted: number[], q: number): number {
  return quantile(sorted, q) ?? NaN;
}

/**
 * The default delay loss, estimated from the data: within each level, handoffs slower than the level's median days
 * to handoff are compared with faster ones; the loss is how much lower the slow ones' pooled win rate is (0 when
 * they win as often). Returns the estimate and the counts behind it, for the page to show.
 */
export function estimateDelayLoss(data: SimulatorData): {
  delayLoss: number;
  slow: number;
  fast: number;
  slowRate: number | null;
  fastRate: number | null;
} {
  const {extract, rows, stages, levels} = data;
  const {columns} = extract;
  let slowWon = 0;
  let slowClosed = 0;
  let fastWon = 0;
  let fastClosed = 0;
  for (const level of levels) {
    const mine = Array.from(rows).filter((row) => stages[row] === level && !Number.isNaN(columns.hoursToHandoff[row]));
    if (mine.length < 2) continue;
    const sorted = mine.map((row) => columns.hoursToHandoff[row]).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    for (const row of mine) {
      const outcome = columns.outcome[row];
      if (outcome === outcomeCode.open) continue;
      const isWon = outcome === outcomeCode.won ? 1 : 0;
      if (columns.hoursToHandoff[row] > median) {
        slowClosed++;
        slowWon += isWon;
      } else {
        fastClosed++;
        fastWon += isWon;
      }
    }
  }
  const slowRate = slowClosed > 0 ? slowWon / slowClosed : null;
  const fastRate = fastClosed > 0 ? fastWon / fastClosed : null;
  const delayLoss =
    slowRate === null || fastRate === null || fastRate === 0 ? 0 : Math.min(0.9, Math.max(0, 1 - slowRate / fastRate));
  return {delayLoss, slow: slowClosed, fast: fastClosed, slowRate, fastRate};
}

/** The recommendation: the k with the best expected net value, how sure, and what it changes, in plain words. */
export function recommend(
  result: SimulationResult,
  {quarters, levelName}: {quarters: number; levelName: (k: number) => string}
): {k: number; confidence: number; text: string} {
  const {policies, bestShare, changes} = result;
  let best = 0;
  policies.forEach((d, j) => {
    if (d.netValue > policies[best].netValue) best = j;
  });
  const k = policies[best].k;
  const actual = policies[0];
  const chosen = policies[best];
  const perQuarter = (x: number) => x / Math.max(quarters, 1e-9);
  const signed = (x: number, digits = 0) => `${x >= 0 ? "+" : "−"}${formatNumber(Math.abs(x), digits)}`;
  const confidence = bestShare[best];
  if (best === 0) {
    return {
      k,
      confidence,
      text: t("simulator.keepAll", {
        level: k,
        name: levelName(k),
        confidence: Math.round(confidence * 100),
        samples: result.replicates
      })
    };
  }
  const hours = actual.salesHours > 0 ? 1 - chosen.salesHours / actual.salesHours : 0;
  const wins = changes[best].expectedWins;
  return {
    k,
    confidence,
    text: t(hours >= 0 ? "simulator.recommendFewer" : "simulator.recommendMore", {
      level: k,
      name: levelName(k),
      hours: Math.round(Math.abs(hours) * 100),
      wins: signed(perQuarter(chosen.expectedWins - actual.expectedWins), 1),
      lo: signed(perQuarter(wins.lo), 1),
      hi: signed(perQuarter(wins.hi), 1),
      value: signed(perQuarter(chosen.netValue - actual.netValue) / 1000, 1),
      confidence: Math.round(confidence * 100),
      samples: result.replicates
    })
  };
}

/**
 * The quarters the handoffs in `rows` span, counted in whole handoff months (first to last, both included), so that
 * per-quarter figures do not explode when a filter leaves a few handoffs from the same week.
 */
export function quartersCovered(extract: Extract, rows: ArrayLike<number>): number {
  const months = extract.columns.handoffMonth;
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < rows.length; ++i) {
    const month = months[rows[i]];
    if (month < first) first = month;
    if (month > last) last = month;
  }
  return first > last ? 1 / 3 : (last - first + 1) / 3;
}

/** How long deferred leads waited to reach level k: median weeks with a 95% interval, over n leads that got there. */
export interface WaitToReach {
  k: number;
  median: number;
  lo: number;
  hi: number;
  n: number;
}

/**
 * Weeks after the handoff at which `row`'s lead first classified at level k or above under the ladder whose stage
 * lookup is `table` (0 if it already did at the handoff), read from when each piece of evidence came; null if never.
 */
export function weeksToReach(extract: Extract, table: Uint8Array, row: number, k: number): number | null {
  const {evidenceAtHandoff, evidenceEver, evidenceHours} = extract.columns;
  let mask = evidenceAtHandoff[row];
  if (table[mask] >= k) return 0;
  const types = extract.header.evidenceTypes.length;
  const later = evidenceEver[row] & ~mask;
  const arrivals: [number, number][] = [];
  for (let i = 0; i < types; ++i) if (later & (1 << i)) arrivals.push([evidenceHours[row * types + i] / 168, 1 << i]);
  arrivals.sort((a, b) => a[0] - b[0]);
  for (let j = 0; j < arrivals.length; ++j) {
    mask |= arrivals[j][1];
    // Evidence arriving in the same week counts together.
    if ((j + 1 === arrivals.length || arrivals[j + 1][0] !== arrivals[j][0]) && table[mask] >= k) return arrivals[j][0];
  }
  return null;
}

/** For every k above the lowest level: how long the handoffs a policy k defers waited until their lead reached k. */
export function waitsToReach(data: SimulatorData, ladder: HandoffLadder): WaitToReach[] {
  const {extract, rows, stages, reachable, levels} = data;
  const table = stageLookup(ladder, extract.header.evidenceTypes);
  const waits: WaitToReach[] = [];
  for (const k of levels.slice(1)) {
    const weeks: number[] = [];
    for (let i = 0; i < rows.length; ++i) {
      const row = rows[i];
      if (stages[row] >= k || reachable[row] < k) continue;
      const wait = weeksToReach(extract, table, row, k);
      if (wait !== null) weeks.push(wait);
    }
    const median = medianWithInterval(weeks);
    if (median) waits.push({k, ...median});
  }
  return waits;
}
