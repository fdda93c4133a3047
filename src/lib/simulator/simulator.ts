/**
 * The handoff policy simulator: what would change if marketing handed a lead to sales only once it reached level k?
 *
 * The counterfactual model, stated on the page beside each value and its source:
 * - A handoff at level k or above happens as it did: its sales hours, its win or loss, its revenue. An open one is
 *   expected to end like the closed handoffs of its own level that were still open as long (expected-outcomes.ts).
 * - A handoff below k stays in nurture (costing `nurtureCostPerLead`). Whether and at which level it would have
 *   reached k is estimated from how leads climb the ladder in nurture (nurture.ts): evidence known before a lead's
 *   first handoff only, never evidence that sales produced while working it.
 * - What a deferred lead that reaches k then brings is not identified by the data. Two assumptions bound it:
 *   "bar": it converts like the handoffs made at the level it lands on (their win rate, hours and deal size, which
 *   already carry the wait those leads had); "self": it converts like itself handed off early (its own outcome),
 *   less `delayLoss` of its wins and revenue. Every figure is shown at both, and the truth is taken to lie between.
 * Uncertainty: a seeded bootstrap over handoffs and over nurture leads (simulator-decision.ts).
 */
import type {Extract} from "../core/extract.js";
import type {SimulatorData} from "./simulator-data.js";
import {
  expectedFromPrepared,
  prepareOutcomes,
  type ExpectedOutcomes,
  type PreparedOutcomes
} from "./expected-outcomes.js";
import {
  chancesAfterStep,
  landingFromEntry,
  levelExits,
  levelStays,
  type LevelExits,
  type NurtureData,
  type Stays
} from "./nurture.js";

/** The business inputs of the simulation. */
export interface SimulatorInputs {
  costPerSalesHour: number;
  nurtureCostPerLead: number;
  /** Share of a deferred lead's own wins that the wait loses, under the "self" assumption (0…1). */
  delayLoss: number;
}

/** The two assumptions about a deferred lead that reaches k. */
export const assumptions = ["bar", "self"] as const;

/** One of them. */
export type Assumption = (typeof assumptions)[number];

/** One policy's figures under one assumption (totals over the handoffs simulated). */
export interface PolicyFigures {
  handoffsToSales: number;
  deferred: number;
  /** Of the deferred, how many are expected to reach k in nurture. */
  reached: number;
  wins: number;
  salesHours: number;
  revenue: number;
  netValue: number;
}

/** A figure's name. */
export type Figure = keyof PolicyFigures;

/** One policy ("hand off at level ≥ k") under both assumptions. */
export interface PolicyEstimate {
  k: number;
  bar: PolicyFigures;
  self: PolicyFigures;
  /** True when no handoff at or above a level that deferred leads land on exists: "bar" then equals "self". */
  barMissing: boolean;
}

/** Bootstrap weights: per index of `rows`, and per nurture lead. */
export interface SimulatorWeights {
  handoffs: ArrayLike<number>;
  leads: ArrayLike<number>;
}

/**
 * Per index of rows, the chance of leaving its stage for each higher level given how long it had been there, at
 * [i · (top + 1) + level]: one sweep per stage over its rows sorted by time in stage.
 */
function rowExitChances(data: SimulatorData, exits: LevelExits[], top: number): Float64Array {
  const width = top + 1;
  const out = new Float64Array(data.rows.length * width);
  for (let s = 1; s <= top; ++s) {
    const e = exits[s];
    const last = e.times.length - 1;
    if (last < 0) continue;
    let j = -1;
    for (const i of data.byStage[s]) {
      const d = data.hoursInStage[data.rows[i]];
      while (j < last && e.times[j + 1] <= d) ++j;
      chancesAfterStep(e, j, out, i * width);
    }
  }
  return out;
}

/** What the handoffs made at each level bring on average: the "bar" assumption's values per landing level. */
function barValues(data: SimulatorData, expected: ExpectedOutcomes, weight: (i: number) => number) {
  const top = Math.max(...data.levels);
  const sums = Array.from({length: top + 2}, () => ({w: 0, win: 0, hours: 0, revenue: 0}));
  for (let i = 0; i < data.rows.length; ++i) {
    const row = data.rows[i];
    const sum = sums[data.stages[row]];
    const w = weight(i);
    sum.w += w;
    sum.win += w * expected.win[row];
    sum.hours += w * expected.hours[row];
    sum.revenue += w * expected.revenue[row];
  }
  // A level without handoffs borrows from the levels above it (pooled), the nearest evidence there is.
  const values = sums.map(() => ({win: NaN, hours: NaN, revenue: NaN}));
  const pooled = {w: 0, win: 0, hours: 0, revenue: 0};
  for (let level = top; level >= 1; --level) {
    const own = sums[level];
    const use = own.w > 0 ? own : pooled;
    if (use.w > 0) values[level] = {win: use.win / use.w, hours: use.hours / use.w, revenue: use.revenue / use.w};
    pooled.w += own.w;
    pooled.win += own.win;
    pooled.hours += own.hours;
    pooled.revenue += own.revenue;
  }
  return values;
}

/** Estimates every policy k (k = the lowest level is what actually happened) under both assumptions. */
export function estimatePolicies(
  data: SimulatorData,
  inputs: SimulatorInputs,
  weights?: SimulatorWeights
): PolicyEstimate[] {
  const {levels} = data;
  const top = Math.max(...levels);
  const weight = (i: number) => (weights ? weights.handoffs[i] : 1);
  const expected = expectedFromPrepared(data.prepared, weights?.handoffs);
  const exits: LevelExits[] = data.stays.map((stays) => levelExits(stays, top, weights?.leads));
  const bar = barValues(data, expected, weight);
  const chances = rowExitChances(data, exits, top);
  return levels.map((k) => {
    const fromEntry = landingFromEntry(exits, k, top);
    // From entering level `to` (or landing there at once when to ≥ k): reach, and the "bar" values expected.
    const via = Array.from({length: top + 1}, (_, to) => {
      const landing = to >= k ? null : fromEntry[to];
      const out = {reach: 0, win: 0, hours: 0, revenue: 0, missing: false};
      for (let landed = k; landed <= top; ++landed) {
        const p = landing ? landing[landed] : landed === to ? 1 : 0;
        if (p === 0) continue;
        out.reach += p;
        if (Number.isNaN(bar[landed].win)) out.missing = true;
        else {
          out.win += p * bar[landed].win;
          out.hours += p * bar[landed].hours;
          out.revenue += p * bar[landed].revenue;
        }
      }
      return out;
    });
    return policyAt(k, data, inputs, expected, chances, via, weight);
  });
}

function policyAt(
  k: number,
  data: SimulatorData,
  inputs: SimulatorInputs,
  expected: ExpectedOutcomes,
  chances: Float64Array,
  via: {reach: number; win: number; hours: number; revenue: number; missing: boolean}[],
  weight: (i: number) => number
): PolicyEstimate {
  const empty = (): PolicyFigures => ({
    handoffsToSales: 0,
    deferred: 0,
    reached: 0,
    wins: 0,
    salesHours: 0,
    revenue: 0,
    netValue: 0
  });
  const bar = empty();
  const self = empty();
  let barMissing = false;
  const keep = 1 - inputs.delayLoss;
  for (let i = 0; i < data.rows.length; ++i) {
    const w = weight(i);
    if (w === 0) continue;
    const row = data.rows[i];
    const s = data.stages[row];
    if (s >= k) {
      for (const f of [bar, self]) {
        f.handoffsToSales += w;
        f.wins += w * expected.win[row];
        f.salesHours += w * expected.hours[row];
        f.revenue += w * expected.revenue[row];
      }
      continue;
    }
    let reach = 0;
    let win = 0;
    let hours = 0;
    let revenue = 0;
    const width = via.length;
    for (let to = s + 1; to < width; ++to) {
      const p = chances[i * width + to];
      if (p === 0) continue;
      reach += p * via[to].reach;
      win += p * via[to].win;
      hours += p * via[to].hours;
      revenue += p * via[to].revenue;
      barMissing ||= via[to].missing;
    }
    for (const f of [bar, self]) {
      f.deferred += w;
      f.reached += w * reach;
      f.handoffsToSales += w * reach;
    }
    bar.wins += w * win;
    bar.salesHours += w * hours;
    bar.revenue += w * revenue;
    self.wins += w * reach * expected.win[row] * keep;
    self.salesHours += w * reach * expected.hours[row];
    self.revenue += w * reach * expected.revenue[row] * keep;
  }
  for (const f of [bar, self]) {
    f.netValue = f.revenue - f.salesHours * inputs.costPerSalesHour - f.deferred * inputs.nurtureCostPerLead;
  }
  return {k, bar, self, barMissing};
}
