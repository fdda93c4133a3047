/**
 * The handoff policy simulator: what would change if marketing handed a lead to sales only once it reached level k?
 *
 * The counterfactual model, stated on the page beside each value and its source:
 * - A handoff at level k or above happens as it did: its sales hours, its win or loss, its revenue. An open one is
 *   expected to end like the closed handoffs of its own level that were still open as long (expected-outcomes.ts).
 * - A handoff below k stays in nurture (costing `nurtureCostPerLead`). Whether and at which level it would have
 *   reached k is estimated from how leads climb the ladder in nurture (nurture.ts): evidence known before a lead's
 *   first handoff only, never evidence that sales produced while working it. Where the leads' own evidence by
 *   their close climbed to k less often, both assumptions are also given with that climb (own-climb.ts), and
 *   again with each stage's climb learned from its own handoffs' paths through nurture and sales time
 *   (own-paths.ts). The deferred handoffs' cells and landing chances: deferred-cells.ts.
 * - What a deferred lead that reaches k then brings is not identified by the data. Two assumptions bound it:
 *   "bar": it converts like the handoffs made at the level it lands on (their win rate, hours and deal size, which
 *   already carry the wait those leads had); "self": it converts like itself handed off early (its own outcome),
 *   less `delayLoss` of its wins and revenue. Every figure is shown at both, and the truth is taken to lie between.
 * Uncertainty: a seeded bootstrap over handoffs and over nurture leads (decision.ts).
 */
import type {SimulatorData} from "./simulator-data.js";
import {expectedInPhases, type ExpectedOutcomes} from "./expected-outcomes.js";
import {inFollowOrder} from "./follow-order.js";
import {levelExitsByGroupInPhases, levelExitsInPhases, type LevelExits} from "./nurture.js";
import {barValues, cellSums, deferredFigures, viaLevels, type Cells, type ClimbView} from "./deferred-cells.js";
import {emptyFigures, type PolicyEstimate, type PolicyFigures, type SimulatorInputs} from "./policy-figures.js";
import {climbedDeferred, climbSums, type ClimbSums} from "./own-climb.js";
import type {Scratch} from "./scratch.js";
import {toEnd} from "./phases.js";

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
  /** Where a resample's arrays are kept for the next one (scratch.ts), never a preparation's. */
  scratch?: Scratch;
}

/**
 * Estimates every policy k (k = the lowest level is what actually happened) under both assumptions, with the
 * own-path view (own-paths.ts) unless `ownPaths` is false: it is needed only for the answer, not for a first table.
 */
export function estimatePolicies(
  data: SimulatorData,
  inputs: SimulatorInputs,
  weights?: SimulatorWeights,
  ownPaths = true
): PolicyEstimate[] {
  return toEnd(estimateInPhases(data, inputs, weights, ownPaths));
}

/**
 * estimatePolicies in phases: it pauses (yields nothing) between its passes over the handoffs and over the nurture
 * leads, a few tens of milliseconds each at a million leads, so that a worker running resamples can take a newer
 * request within one resample. Returns the estimates.
 */
export function* estimateInPhases(
  data: SimulatorData,
  inputs: SimulatorInputs,
  weights?: SimulatorWeights,
  ownPaths = true
): Generator<void, PolicyEstimate[]> {
  const top = Math.max(...data.levels);
  const {exits, cells, bar, climb, own} = yield* sumsInPhases(data, weights, ownPaths);
  return data.levels.map((k) => {
    const nurtureVia = viaLevels(exits, bar, k, top);
    const nurture = {cells, via: () => nurtureVia};
    // Sums cached with the own paths serve a run without them too: the view is left out as asked.
    const ownView =
      ownPaths && own ? {cells: own.cells, via: (s: number) => viaLevels(own.exits[s], bar, k, top)} : undefined;
    return policyAt(k, inputs, nurture, ownView, climb, bar);
  });
}

/**
 * Computes the unweighted estimate's sums for a preparation, before any inputs are known (they enter only the last,
 * cheap step): a worker does this right after preparing, while the page still works out the delay loss.
 */
export function prepareEstimate(data: SimulatorData): void {
  toEnd(sumsInPhases(data, undefined, false));
}

/** What an estimate sums over the handoffs and the leads, whatever the inputs. */
interface Sums {
  exits: LevelExits[];
  cells: Cells;
  bar: ReturnType<typeof barValues>;
  climb: ClimbSums;
  /** The own-path view (own-paths.ts): each stage's exits learned from its own handoffs, [stage][level]. */
  own?: {exits: LevelExits[][]; cells: Cells};
}

/** The unweighted sums per preparation (the own-path view added once asked for): every run starts from them. */
const unweightedSums = new WeakMap<SimulatorData, Sums & {expected: ExpectedOutcomes}>();

function* sumsInPhases(data: SimulatorData, weights: SimulatorWeights | undefined, ownPaths: boolean) {
  let sums = weights ? undefined : unweightedSums.get(data);
  const handoffWeights = weights && followOrderWeights(data, weights);
  const top = Math.max(...data.levels);
  // In the arrays kept from the last preparation, or from the last resample (scratch.ts): a preparation's expected
  // outcomes are kept with it for every run, a resample's are read only in it.
  const scratch = weights ? weights.scratch : data.scratch;
  if (!sums) {
    const expected = yield* expectedInPhases(data.prepared, handoffWeights, scratch);
    yield;
    const exits = yield* levelExitsInPhases(data.nurture, data.table, top, weights?.leads, scratch);
    yield;
    const cells = cellSums(data, exits, expected, handoffWeights);
    yield;
    sums = {exits, cells, bar: barValues(cells), climb: climbSums(data, expected, handoffWeights), expected};
    if (!weights) unweightedSums.set(data, sums);
  }
  if (!ownPaths || sums.own) return sums as Sums;
  yield;
  // Stage top is never deferred: its handoffs are left out (group ≥ top).
  const stages = {of: data.prepared.stage, count: top};
  const ownExits = yield* levelExitsByGroupInPhases(data.ownPaths, data.table, top, stages, handoffWeights, scratch);
  yield;
  const byStage = [...ownExits.map((levels, s) => levels[s]), sums.exits[top]];
  const own = {exits: ownExits, cells: cellSums(data, byStage, sums.expected, handoffWeights)};
  return weights ? {...sums, own} : Object.assign(sums, {own});
}

/** The handoff weights in the prepared follow order, as the sweeps read them. */
function followOrderWeights(data: SimulatorData, weights: SimulatorWeights): Float64Array {
  if (!weights.inFollowOrder) return inFollowOrder(data.prepared, weights.handoffs);
  return weights.handoffs instanceof Float64Array ? weights.handoffs : Float64Array.from(weights.handoffs);
}

function policyAt(
  k: number,
  inputs: SimulatorInputs,
  nurture: ClimbView,
  ownView: ClimbView | undefined,
  climb: ClimbSums,
  barByLevel: ReturnType<typeof barValues>
): PolicyEstimate {
  const {bar, self, barMissing} = deferredFigures(k, inputs.delayLoss, nurture);
  const ownPath = ownView && deferredFigures(k, inputs.delayLoss, ownView);
  // Where the leads' own evidence climbed to k less often than the nurture model says: that climb too (own-climb.ts).
  const own = climbedDeferred(k, inputs.delayLoss, climb, barByLevel[k] ?? {win: NaN, hours: NaN, revenue: NaN});
  const climbed =
    own.bar.reached < bar.reached
      ? {
          bar: {...emptyFigures(), ...own.bar, deferred: bar.deferred},
          self: {...emptyFigures(), ...own.self, deferred: bar.deferred}
        }
      : undefined;
  const {stageSums, width} = nurture.cells;
  // The cells at or above k are handed off as they were.
  const views = [
    bar,
    self,
    ...(ownPath ? [ownPath.bar, ownPath.self] : []),
    ...(climbed ? [climbed.bar, climbed.self] : [])
  ];
  for (const f of views) {
    f.handoffsToSales = f.reached;
    for (let s = k; s < width; ++s) {
      f.handoffsToSales += stageSums[s].w;
      f.wins += stageSums[s].win;
      f.salesHours += stageSums[s].hours;
      f.revenue += stageSums[s].revenue;
    }
    f.netValue = f.revenue - f.salesHours * inputs.costPerSalesHour - f.deferred * inputs.nurtureCostPerLead;
  }
  return {
    k,
    bar,
    self,
    barMissing,
    ...(climbed && {climbed}),
    ...(ownPath && {ownPath: {bar: ownPath.bar, self: ownPath.self}})
  };
}
