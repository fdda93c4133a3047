/**
 * What the deferred handoffs of a policy bring under one view of how they climb: the handoffs summed per cell (stage
 * and how long they had been at it), the chances of landing at k or above from each level, and per cell the figures
 * under "bar" and "self". The nurture model and the own paths (own-paths.ts) are two such views (simulator.ts).
 */
import type {SimulatorData} from "./simulator-data.js";
import type {ExpectedOutcomes} from "./expected-outcomes.js";
import {chancesAfterStep, landingFromEntry, type LevelExits} from "./nurture.js";
import {emptyFigures} from "./policy-figures.js";

/**
 * The handoffs summed per "cell": their stage and the exit step of that stage they had survived when handed off
 * (two handoffs in one cell have the same chances to climb). Per cell the weight and the weighted expected wins,
 * hours and revenue, at [cell · 4 + field]; per stage the chances after each step, at [(step + 1) · (top + 1) +
 * level], and where its cells begin. One pass over the handoffs serves every policy. Times in stage are whole hours,
 * so a table per stage maps each hour to its step.
 */
export function cellSums(data: SimulatorData, exits: LevelExits[], expected: ExpectedOutcomes, weights?: Float64Array) {
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
  // Each stage's cell per whole hour in stage, in one array (stage s's hours from hourBase[s] on, the last standing
  // for every later hour): the loop below reads one array instead of one per stage.
  const hourBase = new Uint32Array(width + 1);
  for (let s = 0; s < width; ++s) hourBase[s + 1] = hourBase[s] + stepAt[s].length;
  const cellAt = new Uint32Array(hourBase[width]);
  for (let s = 0; s < width; ++s) stepAt[s].forEach((j, h) => (cellAt[hourBase[s] + h] = offset[s] + 1 + j));
  // In the follow order, as the expected outcomes and the weights are laid out.
  const {stage} = data.prepared;
  const hoursInStage = data.hoursInStageByFollow;
  const {win, hours, revenue} = expected;
  const cells = new Float64Array(offset[width] * 4);
  for (let m = 0; m < stage.length; ++m) {
    const w = weights ? weights[m] : 1;
    if (w === 0) continue;
    const s = stage[m];
    const c = cellAt[hourBase[s] + Math.min(hoursInStage[m], hourBase[s + 1] - hourBase[s] - 1)] * 4;
    cells[c] += w;
    cells[c + 1] += w * win[m];
    cells[c + 2] += w * hours[m];
    cells[c + 3] += w * revenue[m];
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
export type Cells = ReturnType<typeof cellSums>;

/** What the handoffs made at each level bring on average: the "bar" assumption's values per landing level. */
export function barValues(cells: Cells) {
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
export interface Via {
  reach: number;
  win: number;
  hours: number;
  revenue: number;
  missing: boolean;
}

/** For policy k, from entering each level: the chance to land at k or above, and the "bar" values of landing. */
export function viaLevels(exits: LevelExits[], bar: ReturnType<typeof barValues>, k: number, top: number): Via[] {
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

/** One view of the deferred handoffs' climb: cells summed under its exits, and per stage the landing chances. */
export interface ClimbView {
  cells: Cells;
  via: (stage: number) => Via[];
}

/** What the deferred handoffs (stage below k) bring under one view of their climb, under "bar" and "self". */
export function deferredFigures(k: number, delayLoss: number, {cells, via: viaOf}: ClimbView) {
  const bar = emptyFigures();
  const self = emptyFigures();
  let barMissing = false;
  const keep = 1 - delayLoss;
  const {tables, offset, width} = cells;
  // The cells below k are deferred: each climbs (or not) as its stage and step say.
  for (let s = 1; s < Math.min(k, width); ++s) {
    const table = tables[s];
    const via = viaOf(s);
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
  return {bar, self, barMissing};
}
