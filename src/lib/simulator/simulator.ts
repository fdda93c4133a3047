/**
 * The handoff policy simulator: what would change if marketing handed a lead to sales only once it reached level k?
 *
 * The counterfactual model, stated on the page beside each value and its source:
 * - A handoff at level k or above happens as it did: its sales hours, its win or loss, its revenue. An open one is
 *   expected to end like the closed handoffs of its own level that were still open as long (expected-outcomes.ts).
 * - A handoff below k stays in nurture (costing `nurtureCostPerLead`). Whether and at which level it would have
 *   reached k is estimated from how leads climb the ladder in nurture (nurture.ts): evidence known before a lead's
 *   first handoff only, never evidence that sales produced while working it. Where the leads' own evidence by
 *   their close climbed to k less often, both assumptions are also given with that climb (own-climb.ts).
 * - What a deferred lead that reaches k then brings is not identified by the data. Two assumptions bound it:
 *   "bar": it converts like the handoffs made at the level it lands on (their win rate, hours and deal size, which
 *   already carry the wait those leads had); "self": it converts like itself handed off early (its own outcome),
 *   less `delayLoss` of its wins and revenue. Every figure is shown at both, and the truth is taken to lie between.
 * Uncertainty: a seeded bootstrap over handoffs and over nurture leads (decision.ts).
 */
import type {SimulatorData} from "./simulator-data.js";
import {expectedFromPrepared, inFollowOrder, type ExpectedOutcomes} from "./expected-outcomes.js";
import {chancesAfterStep, landingFromEntry, levelExits, type LevelExits} from "./nurture.js";
import {emptyFigures, type PolicyEstimate, type PolicyFigures, type SimulatorInputs} from "./policy-figures.js";
import {climbedDeferred, climbSums, type ClimbSums} from "./own-climb.js";

export {
  assumptions,
  type Assumption,
  type Figure,
  type PolicyEstimate,
  type PolicyFigures,
  type SimulatorInputs
} from "./policy-figures.js";

/** Bootstrap weights: per index of `rows`, and per nurture lead. */
export interface SimulatorWeights {
  handoffs: ArrayLike<number>;
  leads: ArrayLike<number>;
  /** True when `handoffs` is laid out in the prepared follow order already (a resampler's iid draws may be). */
  inFollowOrder?: boolean;
}

/**
 * The handoffs summed per "cell": their stage and the exit step of that stage they had survived when handed off
 * (two handoffs in one cell have the same chances to climb). Per cell the weight and the weighted expected wins,
 * hours and revenue, at [cell · 4 + field]; per stage the chances after each step, at [(step + 1) · (top + 1) +
 * level], and where its cells begin. One pass over the handoffs serves every policy. Times in stage are whole hours,
 * so a table per stage maps each hour to its step.
 */
function cellSums(data: SimulatorData, exits: LevelExits[], expected: ExpectedOutcomes, weights?: Float64Array) {
  const width = exits.length;
  const tables: Float64Array[] = [];
  const stepAt: Int32Array[] = [];
  const offset = new Uint32Array(width + 1);
  for (let s = 0; s < width; ++s) {
    const e = exits[s];
    const last = e.times.length - 1;
    const table = new Float64Array((last + 2) * width);
    for (let j = -1; j <= last; ++j) chancesAfterStep(e, j, table, (j + 1) * width);
    tables.push(table);
    const steps = new Int32Array(last < 0 ? 1 : e.times[last] + 1);
    for (let h = 0, j = -1; h < steps.length; ++h) {
      while (j < last && e.times[j + 1] <= h) ++j;
      steps[h] = j;
    }
    stepAt.push(steps);
    offset[s + 1] = offset[s] + last + 2;
  }
  // In the follow order, as the expected outcomes and the weights are laid out.
  const {stage} = data.prepared;
  const cells = new Float64Array(offset[width] * 4);
  for (let m = 0; m < stage.length; ++m) {
    const w = weights ? weights[m] : 1;
    if (w === 0) continue;
    const s = stage[m];
    const steps = stepAt[s];
    const c = (offset[s] + 1 + steps[Math.min(data.hoursInStageByFollow[m], steps.length - 1)]) * 4;
    cells[c] += w;
    cells[c + 1] += w * expected.win[m];
    cells[c + 2] += w * expected.hours[m];
    cells[c + 3] += w * expected.revenue[m];
  }
  const stageSums = Array.from({length: width}, (_, s) => {
    const sum = {w: 0, win: 0, hours: 0, revenue: 0};
    for (let c = offset[s] * 4; c < offset[s + 1] * 4; c += 4) {
      sum.w += cells[c];
      sum.win += cells[c + 1];
      sum.hours += cells[c + 2];
      sum.revenue += cells[c + 3];
    }
    return sum;
  });
  return {tables, offset, cells, stageSums, width};
}

/** What cellSums gives. */
type Cells = ReturnType<typeof cellSums>;

/** What the handoffs made at each level bring on average: the "bar" assumption's values per landing level. */
function barValues(cells: Cells) {
  const {stageSums, width} = cells;
  // A level without handoffs borrows from the levels above it (pooled), the nearest evidence there is.
  const values = Array.from({length: width + 1}, () => ({win: NaN, hours: NaN, revenue: NaN}));
  const pooled = {w: 0, win: 0, hours: 0, revenue: 0};
  for (let level = width - 1; level >= 1; --level) {
    const own = stageSums[level];
    const use = own.w > 0 ? own : pooled;
    if (use.w > 0) values[level] = {win: use.win / use.w, hours: use.hours / use.w, revenue: use.revenue / use.w};
    pooled.w += own.w;
    pooled.win += own.win;
    pooled.hours += own.hours;
    pooled.revenue += own.revenue;
  }
  return values;
}

/** From entering level `to` (or landing there at once when to ≥ k): the chance to reach k, and the "bar" values. */
interface Via {
  reach: number;
  win: number;
  hours: number;
  revenue: number;
  missing: boolean;
}

/** Estimates every policy k (k = the lowest level is what actually happened) under both assumptions. */
export function estimatePolicies(
  data: SimulatorData,
  inputs: SimulatorInputs,
  weights?: SimulatorWeights
): PolicyEstimate[] {
  return toEnd(estimateInPhases(data, inputs, weights));
}

/** Runs work done in phases (estimateInPhases) to its end, with no pause: its result. */
export function toEnd<T>(phases: Generator<void, T>): T {
  for (;;) {
    const phase = phases.next();
    if (phase.done) return phase.value;
  }
}

/**
 * estimatePolicies in phases: it pauses (yields nothing) between its passes over the handoffs and over the nurture
 * leads, a few tens of milliseconds each at a million leads, so that a worker running resamples can take a newer
 * request within one resample. Returns the estimates.
 */
export function* estimateInPhases(
  data: SimulatorData,
  inputs: SimulatorInputs,
  weights?: SimulatorWeights
): Generator<void, PolicyEstimate[]> {
  const top = Math.max(...data.levels);
  const {exits, cells, bar, climb} = yield* sumsInPhases(data, weights);
  return data.levels.map((k) => policyAt(k, inputs, cells, viaLevels(exits, bar, k, top), climb, bar));
}

/**
 * Computes the unweighted estimate's sums for a preparation, before any inputs are known (they enter only the last,
 * cheap step): a worker does this right after preparing, while the page still works out the delay loss.
 */
export function prepareEstimate(data: SimulatorData): void {
  toEnd(sumsInPhases(data));
}

/** What an estimate sums over the handoffs and the leads, whatever the inputs. */
interface Sums {
  exits: LevelExits[];
  cells: Cells;
  bar: ReturnType<typeof barValues>;
  climb: ClimbSums;
}

/** The unweighted sums per preparation: every run of it starts from the same estimate. */
const unweightedSums = new WeakMap<SimulatorData, Sums>();

function* sumsInPhases(data: SimulatorData, weights?: SimulatorWeights): Generator<void, Sums> {
  const cached = weights ? undefined : unweightedSums.get(data);
  if (cached) return cached;
  const handoffWeights = weights && followOrderWeights(data, weights);
  const expected = expectedFromPrepared(data.prepared, handoffWeights);
  yield;
  const exits = levelExits(data.nurture, data.table, Math.max(...data.levels), weights?.leads);
  yield;
  const cells = cellSums(data, exits, expected, handoffWeights);
  const sums = {exits, cells, bar: barValues(cells), climb: climbSums(data, expected, handoffWeights)};
  if (!weights) unweightedSums.set(data, sums);
  return sums;
}

/** The handoff weights in the prepared follow order, as the sweeps read them. */
function followOrderWeights(data: SimulatorData, weights: SimulatorWeights): Float64Array {
  if (!weights.inFollowOrder) return inFollowOrder(data.prepared, weights.handoffs);
  return weights.handoffs instanceof Float64Array ? weights.handoffs : Float64Array.from(weights.handoffs);
}

/** For policy k, from entering each level: the chance to land at k or above, and the "bar" values of landing. */
function viaLevels(exits: LevelExits[], bar: ReturnType<typeof barValues>, k: number, top: number): Via[] {
  const fromEntry = landingFromEntry(exits, k, top);
  return Array.from({length: top + 1}, (_, to): Via => {
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
}

function policyAt(
  k: number,
  inputs: SimulatorInputs,
  cells: Cells,
  via: Via[],
  climb: ClimbSums,
  barByLevel: ReturnType<typeof barValues>
): PolicyEstimate {
  const bar = emptyFigures();
  const self = emptyFigures();
  let barMissing = false;
  const keep = 1 - inputs.delayLoss;
  const {tables, offset, stageSums, width} = cells;
  // The cells below k are deferred: each climbs (or not) as its stage and step say.
  for (let s = 1; s < Math.min(k, width); ++s) {
    const table = tables[s];
    for (let cell = offset[s]; cell < offset[s + 1]; ++cell) {
      const c = cell * 4;
      const w = cells.cells[c];
      if (w === 0) continue;
      const base = (cell - offset[s]) * width;
      let reach = 0;
      let win = 0;
      let hours = 0;
      let revenue = 0;
      for (let to = s + 1; to < width; ++to) {
        const p = table[base + to];
        if (p === 0) continue;
        reach += p * via[to].reach;
        win += p * via[to].win;
        hours += p * via[to].hours;
        revenue += p * via[to].revenue;
        barMissing ||= via[to].missing;
      }
      bar.deferred += w;
      bar.reached += w * reach;
      bar.wins += w * win;
      bar.salesHours += w * hours;
      bar.revenue += w * revenue;
      self.wins += reach * cells.cells[c + 1] * keep;
      self.salesHours += reach * cells.cells[c + 2];
      self.revenue += reach * cells.cells[c + 3] * keep;
    }
  }
  self.deferred = bar.deferred;
  self.reached = bar.reached;
  // Where the leads' own evidence climbed to k less often than the nurture model says: that climb too (own-climb.ts).
  const own = climbedDeferred(k, inputs.delayLoss, climb, barByLevel[k] ?? {win: NaN, hours: NaN, revenue: NaN});
  const climbed =
    own.bar.reached < bar.reached
      ? {
          bar: {...emptyFigures(), ...own.bar, deferred: bar.deferred},
          self: {...emptyFigures(), ...own.self, deferred: bar.deferred}
        }
      : undefined;
  // The cells at or above k are handed off as they were.
  for (const f of climbed ? [bar, self, climbed.bar, climbed.self] : [bar, self]) {
    f.handoffsToSales = f.reached;
    for (let s = k; s < width; ++s) {
      f.handoffsToSales += stageSums[s].w;
      f.wins += stageSums[s].win;
      f.salesHours += stageSums[s].hours;
      f.revenue += stageSums[s].revenue;
    }
    f.netValue = f.revenue - f.salesHours * inputs.costPerSalesHour - f.deferred * inputs.nurtureCostPerLead;
  }
  return climbed ? {k, bar, self, barMissing, climbed} : {k, bar, self, barMissing};
}
