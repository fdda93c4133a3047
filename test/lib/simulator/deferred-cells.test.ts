import {describe, expect, it} from "vitest";
import {barValues, cellSums, deferredFigures, viaLevels} from "../../../src/lib/simulator/deferred-cells.js";
import type {ExpectedOutcomes} from "../../../src/lib/simulator/expected-outcomes.js";
import type {LevelExits} from "../../../src/lib/simulator/nurture.js";
import type {SimulatorData} from "../../../src/lib/simulator/simulator-data.js";

// Levels 1 and 2: half the stays at level 1 leave for 2 at 5 h, the rest never; nothing leaves level 2.
const none = (atRisk = 0): LevelExits => ({
  times: new Float64Array(0),
  survival: new Float64Array(0),
  cumulative: [0, 1, 2].map(() => new Float64Array(0)),
  atRisk
});
const exits: LevelExits[] = [
  none(),
  {
    times: Float64Array.from([5]),
    survival: Float64Array.from([0.5]),
    cumulative: [Float64Array.from([0]), Float64Array.from([0]), Float64Array.from([0.5])],
    atRisk: 2
  },
  none(1)
];
// Two handoffs at stage 1 (0 and 10 hours in it when handed off) and one at stage 2, in the follow order.
const data = {
  prepared: {stage: Uint8Array.from([1, 1, 2])},
  hoursInStageByFollow: Uint32Array.from([0, 10, 0])
} as unknown as SimulatorData;
const expected = {
  win: Float64Array.from([1, 0, 1]),
  hours: Float64Array.from([10, 20, 30]),
  revenue: Float64Array.from([100, 0, 50])
} as unknown as ExpectedOutcomes;

describe("deferred cells", () => {
  const cells = cellSums(data, exits, expected);
  const bar = barValues(cells);

  it("sums the handoffs per stage and exit step, and what a level's handoffs bring on average", () => {
    expect(cells.stageSums[1]).toEqual({w: 2, win: 1, hours: 30, revenue: 100});
    expect(bar[2]).toEqual({win: 1, hours: 30, revenue: 50});
    expect(bar[1]).toEqual({win: 0.5, hours: 15, revenue: 50});
  });

  it("lets a deferred handoff climb only as its time at the stage leaves it to, under 'bar' and 'self'", () => {
    const via = viaLevels(exits, bar, 2, 2);
    const {bar: b, self, barMissing} = deferredFigures(2, 0.2, {cells, via: () => via});
    // The one handed off at once still has its half chance; the one 10 hours in has passed the only exit.
    expect(b.deferred).toBe(2);
    expect(b.reached).toBeCloseTo(0.5, 12);
    expect([b.wins, b.salesHours, b.revenue]).toEqual([0.5, 15, 25]);
    expect(self.wins).toBeCloseTo(0.5 * 1 * 0.8, 12);
    expect(self.salesHours).toBeCloseTo(0.5 * 10, 12);
    expect(self.revenue).toBeCloseTo(0.5 * 100 * 0.8, 12);
    expect(barMissing).toBe(false);
  });

  it("defers nothing at the lowest k", () => {
    const {bar: b} = deferredFigures(1, 0.2, {cells, via: () => viaLevels(exits, bar, 1, 2)});
    expect(b.deferred).toBe(0);
  });
});
