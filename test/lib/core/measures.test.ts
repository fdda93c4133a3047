import {describe, expect, it} from "vitest";
import type {Extract} from "../../../src/lib/core/extract.js";
import {
  binOf,
  daysOf,
  groupRows,
  isClosed,
  knownDays,
  isWon,
  outcomeCode,
  splitCounts,
  winRateOf
} from "../../../src/lib/core/measures.js";

// Five handoffs: won, lost, open, won, rejected.
const {won, lost, open, rejected} = outcomeCode;
const extract = {columns: {outcome: Uint8Array.from([won, lost, open, won, rejected])}} as unknown as Extract;
const all = Uint32Array.from([0, 1, 2, 3, 4]);

describe("the measures every page shares", () => {
  it("tell closed and won handoffs apart, open ones never lost", () => {
    expect([0, 1, 2, 3, 4].map((r) => isClosed(extract, r))).toEqual([true, true, false, true, true]);
    expect([0, 1, 2, 3, 4].map((r) => isWon(extract, r))).toEqual([true, false, false, true, false]);
    expect(winRateOf(extract, all)).toMatchObject({k: 2, n: 4, rate: 0.5});
  });

  it("turn hours into days, a missing time into null", () => {
    expect(daysOf(Float64Array.from([36, NaN]), 0)).toBe(1.5);
    expect(daysOf(Float64Array.from([36, NaN]), 1)).toBeNull();
  });

  it("give the known days of an hours column at some rows, sorted as numbers (10 after 9), missing ones left out", () => {
    const hours = Float64Array.from([240, NaN, 216, 12, 0, 24]);
    expect(knownDays(hours, [0, 1, 2, 3, 5])).toEqual([0.5, 1, 9, 10]);
    expect(knownDays(hours, [1])).toEqual([]);
  });

  it("group rows by a key in first-seen order, and find a value's bin", () => {
    expect([...groupRows(all, (r) => r % 2)]).toEqual([
      [0, [0, 2, 4]],
      [1, [1, 3]]
    ]);
    const bins = [
      {label: "a", lo: 0, hi: 1},
      {label: "b", lo: 1, hi: Infinity}
    ];
    expect([0, 0.99, 1, 500, -1].map((v) => binOf(bins, v))).toEqual([0, 0, 1, 1, -1]);
  });
});

describe("splitCounts", () => {
  it("counts wins and closed handoffs on each side, leaving out open ones and rows the split skips", () => {
    expect(splitCounts(extract, all, "closed", (r) => (r === 4 ? null : r < 2))).toEqual({
      yes: {won: 1, n: 2},
      no: {won: 1, n: 1}
    });
  });

  it("counts open handoffs too under the all-handoffs denominator", () => {
    expect(splitCounts(extract, all, "all", (r) => r < 3)).toEqual({yes: {won: 1, n: 3}, no: {won: 1, n: 2}});
  });
});
