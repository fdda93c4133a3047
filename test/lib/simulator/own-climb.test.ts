import {describe, expect, it} from "vitest";
import {climbedDeferred, climbSums} from "../../../src/lib/simulator/own-climb.js";
import type {SimulatorData} from "../../../src/lib/simulator/simulator-data.js";

/** Four handoffs: stage and level climbed by the close, with expected win, hours and revenue each. */
const handoffs = [
  {stage: 1, climbed: 1, win: 0, hours: 10, revenue: 0},
  {stage: 1, climbed: 3, win: 1, hours: 20, revenue: 100},
  {stage: 2, climbed: 5, win: 0.5, hours: 30, revenue: 50},
  {stage: 4, climbed: 4, win: 1, hours: 40, revenue: 200}
];
const data = {
  levels: [1, 2, 3, 4, 5],
  prepared: {stage: Uint8Array.from(handoffs, (d) => d.stage)},
  climbedByFollow: Uint8Array.from(handoffs, (d) => d.climbed)
} as unknown as SimulatorData;
const expected = {
  win: Float64Array.from(handoffs, (d) => d.win),
  hours: Float64Array.from(handoffs, (d) => d.hours),
  revenue: Float64Array.from(handoffs, (d) => d.revenue),
  unmatched: 0
};
const barAt3 = {win: 0.4, hours: 25, revenue: 80};

describe("climbedDeferred", () => {
  it("lets a handoff below k reach k only when its own evidence climbed to k by its close", () => {
    const {bar, self} = climbedDeferred(3, 0.2, climbSums(data, expected), barAt3);
    // Below 3: the first three; of them the second (climbed to 3) and the third (to 5) reach it.
    expect(bar.reached).toBe(2);
    expect(self.reached).toBe(2);
    expect(bar.wins).toBeCloseTo(2 * 0.4, 12);
    expect(bar.salesHours).toBeCloseTo(2 * 25, 12);
    expect(bar.revenue).toBeCloseTo(2 * 80, 12);
    // "self": their own outcomes, less the delay loss on wins and revenue, never on hours.
    expect(self.wins).toBeCloseTo((1 + 0.5) * 0.8, 12);
    expect(self.salesHours).toBeCloseTo(20 + 30, 12);
    expect(self.revenue).toBeCloseTo((100 + 50) * 0.8, 12);
  });

  it("weighs each handoff by its bootstrap weight, and leaves out those at or above k (handed off as they were)", () => {
    const weights = Float64Array.from([3, 0, 2, 5]);
    const {bar, self} = climbedDeferred(5, 0, climbSums(data, expected, weights), barAt3);
    expect(bar.reached).toBe(2); // only the third, weighted 2
    expect(self.wins).toBeCloseTo(2 * 0.5, 12);
    expect(climbedDeferred(2, 0, climbSums(data, expected, weights), barAt3).bar.reached).toBe(0);
  });

  it("brings nothing under bar where no level at or above k has handoffs to compare with", () => {
    const {bar, self} = climbedDeferred(3, 0, climbSums(data, expected), {win: NaN, hours: NaN, revenue: NaN});
    expect(bar).toEqual({reached: 2, wins: 0, salesHours: 0, revenue: 0});
    expect(self.wins).toBeCloseTo(1.5, 12);
  });
});
