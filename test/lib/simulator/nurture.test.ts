import {describe, expect, it} from "vitest";
import {
  exitChances,
  landingFromEntry,
  levelExits,
  levelStays,
  type NurtureData
} from "../../../src/lib/simulator/nurture.js";

// A three-level ladder over two kinds of evidence: a → level 2, a and b → level 3 (b alone is not enough).
const table = Uint8Array.from([1, 2, 1, 3]);
const nurture = (leads: {observed: number; a?: number; b?: number}[]): NurtureData => ({
  rows: leads.length,
  evidenceTypes: ["a", "b"],
  hoursObserved: Float64Array.from(leads, (d) => d.observed),
  evidenceHours: Float32Array.from(leads.flatMap((d) => [d.a ?? NaN, d.b ?? NaN]))
});

describe("levelStays", () => {
  it("follows each lead up the ladder, censoring its last stay when nurture stops watching", () => {
    const stays = levelStays(
      nurture([
        {observed: 100, a: 10, b: 30}, // 1 for 10 h → 2 for 20 h → 3 until 100
        {observed: 50, b: 5}, // b alone: stays at 1, censored at 50
        {observed: 40, a: 20, b: 20}, // jumps from 1 to 3 at 20 h
        {observed: 60, a: 0} // level 2 from creation: no stay at level 1
      ]),
      table,
      3
    );
    // In lead order: the exits count them per hour, no sort needed.
    expect(Array.from(stays[1].hours)).toEqual([10, 50, 20]);
    expect(Array.from(stays[1].exitTo)).toEqual([2, 0, 3]);
    expect(Array.from(stays[1].lead)).toEqual([0, 1, 2]);
    expect(Array.from(stays[2].hours)).toEqual([20, 60]);
    expect(Array.from(stays[2].exitTo)).toEqual([3, 0]);
    expect(Array.from(stays[3].hours)).toEqual([70, 20]);
  });

  it("counts evidence arriving in the same hour together, and a level skipped at once as no stay", () => {
    const stays = levelStays(nurture([{observed: 30, a: 10, b: 10}]), table, 3);
    expect(Array.from(stays[1].hours)).toEqual([10]);
    expect(Array.from(stays[1].exitTo)).toEqual([3]); // straight to 3: a and b together
    expect(stays[2].hours).toHaveLength(0);
    expect(Array.from(stays[3].hours)).toEqual([20]);
  });

  it("ignores evidence after nurture's watch: a lead handed off at 5 h has only its first 5 hours", () => {
    const stays = levelStays(nurture([{observed: 5}]), table, 3);
    expect(Array.from(stays[1].hours)).toEqual([5]);
    expect(Array.from(stays[1].exitTo)).toEqual([0]);
  });
});

describe("levelExits (Aalen–Johansen)", () => {
  // Level 1: exits to 2 at 10 h and 30 h, one censored at 20 h, one exit to 3 at 40 h, one censored at 50 h.
  const stays = {
    lead: Uint32Array.from([0, 1, 2, 3, 4]),
    hours: Uint32Array.from([10, 20, 30, 40, 50]),
    exitTo: Uint8Array.from([2, 0, 2, 3, 0])
  };

  it("handles censoring through the at-risk sets (hand-computed)", () => {
    const exits = levelExits(stays, 3);
    // At 10 h: 5 at risk, one leaves → S = 4/5, F2 = 1/5. At 30 h: 3 at risk → F2 += 4/5 · 1/3, S = 8/15.
    // At 40 h: 2 at risk → F3 = 8/15 · 1/2, S = 4/15.
    expect(Array.from(exits.times)).toEqual([10, 30, 40]);
    expect(exits.survival[2]).toBeCloseTo(4 / 15, 12);
    expect(exits.cumulative[2][2]).toBeCloseTo(1 / 5 + 4 / 15, 12);
    expect(exits.cumulative[3][2]).toBeCloseTo(4 / 15, 12);
    expect(exits.atRisk).toBe(5);
  });

  it("gives the chances from a time already spent, conditioning on still being there", () => {
    const exits = levelExits(stays, 3);
    const fromStart = exitChances(exits, 0);
    expect(fromStart[2]).toBeCloseTo(7 / 15, 12);
    expect(fromStart[3]).toBeCloseTo(4 / 15, 12);
    // Still there after 35 h (S = 8/15): only the exit to 3 at 40 h is ahead, 4/15 ÷ 8/15.
    const late = exitChances(exits, 35);
    expect(late[2]).toBe(0);
    expect(late[3]).toBeCloseTo(1 / 2, 12);
    expect(Array.from(exitChances(exits, 45))).toEqual([0, 0, 0, 0]);
  });

  it("gives the same estimate whatever order the stays come in", () => {
    const shuffled = levelExits(
      {
        lead: Uint32Array.from([3, 0, 4, 2, 1]),
        hours: Uint32Array.from([40, 10, 50, 30, 20]),
        exitTo: Uint8Array.from([3, 2, 0, 2, 0])
      },
      3
    );
    const exits = levelExits(stays, 3);
    expect(Array.from(shuffled.times)).toEqual(Array.from(exits.times));
    expect(Array.from(shuffled.survival)).toEqual(Array.from(exits.survival));
  });

  it("weights leads as the bootstrap resamples them: weight 2 counts as two leads", () => {
    const doubled = levelExits(stays, 3, [2, 1, 1, 1, 1]);
    const repeated = levelExits(
      {
        lead: Uint32Array.from([0, 5, 1, 2, 3, 4]),
        hours: Uint32Array.from([10, 10, 20, 30, 40, 50]),
        exitTo: Uint8Array.from([2, 2, 0, 2, 3, 0])
      },
      3
    );
    expect(Array.from(doubled.survival)).toEqual(Array.from(repeated.survival));
  });
});

describe("landingFromEntry", () => {
  it("chains levels: from 1 to 3 is 1 → 3 directly, or 1 → 2 and then 2 → 3", () => {
    const level1 = levelExits(
      {
        lead: Uint32Array.from([0, 1, 2, 3]),
        hours: Uint32Array.from([1, 2, 3, 4]),
        exitTo: Uint8Array.from([2, 2, 3, 0])
      },
      3
    );
    const level2 = levelExits(
      {lead: Uint32Array.from([0, 1]), hours: Uint32Array.from([5, 6]), exitTo: Uint8Array.from([3, 0])},
      3
    );
    const empty = levelExits({lead: new Uint32Array(0), hours: new Uint32Array(0), exitTo: new Uint8Array(0)}, 3);
    const landing = landingFromEntry([empty, level1, level2, empty], 3, 3);
    // From 1: 2/4 to level 2 (then 1/2 on to 3), 1/4 straight to 3.
    expect(landing[1][3]).toBeCloseTo(2 / 4 / 2 + 1 / 4, 12);
    expect(landing[2][3]).toBeCloseTo(1 / 2, 12);
    // For k = 2, landing on 2 or 3 directly from 1: 2/4 and 1/4.
    const k2 = landingFromEntry([empty, level1, level2, empty], 2, 3);
    expect(k2[1][2]).toBeCloseTo(1 / 2, 12);
    expect(k2[1][3]).toBeCloseTo(1 / 4, 12);
  });
});
