import {beforeAll, describe, expect, it} from "vitest";
import {randomLcg} from "d3-random";
import {quantileSorted} from "d3-array";
import {outcomeCode} from "../../../src/lib/core/measures.js";
import {estimateDelayLoss, type DelayLossInput} from "../../../src/lib/simulator/delay-loss.js";
import type {SimulatorData} from "../../../src/lib/simulator/simulator-data.js";
import type {SimulatorExtract} from "../../../src/lib/simulator/simulator-extract.js";
import {simulatorFixture} from "../../helpers/policies.js";

let data: SimulatorData;
beforeAll(async () => void ({data} = await simulatorFixture()));

/** The estimate as its definition reads: each level's times sorted for the median, then every handoff tallied. */
function byDefinition({extract, rows, table, levels}: DelayLossInput) {
  const {outcome, hoursToHandoff, evidenceAtHandoff} = extract.columns;
  const stageOf = (row: number) => table[evidenceAtHandoff[row]];
  const medians = levels.map((level) => {
    const times = Array.from(rows)
      .filter((r) => stageOf(r) === level && !Number.isNaN(hoursToHandoff[r]))
      .map((r) => hoursToHandoff[r])
      .sort((a, b) => a - b);
    return times.length < 2 ? NaN : quantileSorted(times, 0.5)!;
  });
  const slow = [0, 0];
  const fast = [0, 0];
  for (const row of Array.from(rows)) {
    const m = medians[levels.indexOf(stageOf(row))];
    const h = hoursToHandoff[row];
    if (Number.isNaN(m) || Number.isNaN(h) || outcome[row] === outcomeCode.open || h === m) continue;
    const side = h > m ? slow : fast;
    side[0] += outcome[row] === outcomeCode.won ? 1 : 0;
    side[1]++;
  }
  return {slow, fast};
}

/** `n` seeded handoffs: times with ties, outliers and gaps, nine evidence types, every outcome. */
function randomExtract(n: number, seed: number): SimulatorExtract {
  const draw = randomLcg(seed);
  const hoursToHandoff = Float64Array.from({length: n}, () => {
    const u = draw();
    if (u < 0.03) return NaN;
    if (u < 0.2) return Math.floor(draw() * 6) * 24; // whole days: many ties, some exactly at a median
    if (u < 0.22) return 1e5 * draw(); // a long tail that stretches the buckets
    return -Math.log(draw()) * 200;
  });
  const columns = {
    hoursToHandoff,
    evidenceAtHandoff: Uint16Array.from({length: n}, () => Math.floor(draw() * 512)),
    outcome: Uint8Array.from(
      {length: n},
      () => [outcomeCode.open, outcomeCode.won, outcomeCode.lost][Math.floor(draw() * 3)]
    )
  };
  return {rows: n, header: {evidenceTypes: []}, columns} as unknown as SimulatorExtract;
}

describe("estimateDelayLoss", () => {
  it("compares slow with fast handoffs within each level on exact times; one exactly at the median counts in neither", () => {
    // Level 2: L02 (won) and L07 (recycled) at 96 h are exactly the median, so neither counts; L08 (240 h, lost) is
    // slow. Level 3: L07's second handoff (960 h, won) is slow. Level 5: L05 (408 h, won) is fast. Level 1: of L01 and
    // L06 (neither won) one is slow, one fast. Slow: 1 of 3 won; fast: 1 of 2; the loss would be 1 − (1/3) / (1/2),
    // but three and two closed handoffs are too few to estimate it from: it stays 0, for the reader to set.
    expect(estimateDelayLoss(data)).toEqual({
      delayLoss: 0,
      estimated: false,
      slow: 3,
      fast: 2,
      slowRate: expect.closeTo(1 / 3, 12),
      fastRate: 0.5
    });
  });

  it("counts exactly what the definition counts, for any ladder and selection of rows", () => {
    const extract = randomExtract(20_000, 5);
    const draw = randomLcg(9);
    const everyRow = Uint32Array.from({length: extract.rows}, (_, i) => i);
    const someRows = everyRow.filter(() => draw() < 0.3).reverse();
    for (const rows of [everyRow, someRows]) {
      for (let ladder = 0; ladder < 4; ++ladder) {
        // Ladders of 4 to 6 levels; one level may hold a single bitmask (few handoffs) or none at all.
        const levels = Array.from({length: 4 + (ladder % 3)}, (_, i) => i + 1);
        const table = Uint8Array.from({length: 512}, (_, mask) =>
          ladder === 3 && mask !== 7 ? 1 + (mask % 3) : 1 + Math.floor(draw() * levels.length)
        );
        if (ladder === 3) table[7] = 5;
        const input = {extract, rows, table, levels};
        const {slow, fast} = byDefinition(input);
        expect(estimateDelayLoss(input), `ladder ${ladder}`).toMatchObject({
          slow: slow[1],
          fast: fast[1],
          slowRate: slow[0] / slow[1],
          fastRate: fast[0] / fast[1]
        });
      }
    }
  });

  it("estimates the loss from the win rates once each side has at least 30 closed handoffs, and not before", () => {
    const extract = randomExtract(20_000, 5);
    const table = new Uint8Array(512).fill(1);
    const losses = {enough: [] as number[], tooFew: [] as number[]};
    // The first n rows, all at level 1: from sides of a handful of closed handoffs to thousands.
    for (const n of [...Array.from({length: 40}, (_, i) => 20 + 4 * i), 20_000]) {
      const rows = Uint32Array.from({length: n}, (_, i) => i);
      const estimate = estimateDelayLoss({extract, rows, table, levels: [1]});
      const loss = Math.min(0.9, Math.max(0, 1 - estimate.slowRate! / estimate.fastRate!));
      const enough = estimate.slow >= 30 && estimate.fast >= 30;
      expect(estimate.delayLoss, `${n} rows`).toBe(enough ? loss : 0);
      expect(estimate.estimated, `${n} rows`).toBe(enough);
      losses[enough ? "enough" : "tooFew"].push(loss);
    }
    // Both kinds occur, each with a loss the rates alone would give: the rule, not chance, made the zeros.
    expect(Math.max(...losses.enough)).toBeGreaterThan(0);
    expect(Math.max(...losses.tooFew)).toBeGreaterThan(0.05);
  });

  it("estimates no loss when nothing can be compared", () => {
    const extract = randomExtract(3, 1);
    const table = new Uint8Array(512).fill(1);
    expect(estimateDelayLoss({extract, rows: new Uint32Array(0), table, levels: [1, 2]})).toEqual({
      delayLoss: 0,
      estimated: false,
      slow: 0,
      fast: 0,
      slowRate: null,
      fastRate: null
    });
  });
});
