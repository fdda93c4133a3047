import {describe, expect, it} from "vitest";
import {
  exitChances,
  landingFromEntry,
  levelExits,
  levelExitsByGroup,
  type NurtureData
} from "../../../src/lib/simulator/nurture.js";

// A three-level ladder over two kinds of evidence: a → level 2, a and b → level 3 (b alone is not enough).
const table = Uint8Array.from([1, 2, 1, 3]);
type Lead = {observed: number; a?: number; b?: number};
const nurture = (leads: Lead[]): NurtureData => ({
  rows: leads.length,
  evidenceTypes: ["a", "b"],
  hoursObserved: Float64Array.from(leads, (d) => d.observed),
  evidenceHours: Float32Array.from(leads.flatMap((d) => [d.a ?? NaN, d.b ?? NaN]))
});
const plain = (exits: ReturnType<typeof levelExits>) =>
  exits.map((e) => ({
    times: Array.from(e.times),
    survival: Array.from(e.survival),
    cumulative: e.cumulative.map((d) => Array.from(d)),
    atRisk: e.atRisk
  }));

describe("levelExits: the paths", () => {
  it("follows each lead up the ladder, censoring its last stay when nurture stops watching", () => {
    const [, level1, level2, level3] = levelExits(
      nurture([
        {observed: 100, a: 10, b: 30}, // 1 for 10 h → 2 for 20 h → 3 until 100
        {observed: 50, b: 5}, // b alone: stays at 1, censored at 50
        {observed: 40, a: 20, b: 20}, // jumps from 1 to 3 at 20 h
        {observed: 60, a: 0} // level 2 from creation: no stay at level 1
      ]),
      table,
      3
    );
    // Level 1: three stays; at 10 h one of 3 leaves for 2, at 20 h one of 2 for 3; the one at 50 h is censored.
    expect(level1.atRisk).toBe(3);
    expect(Array.from(level1.times)).toEqual([10, 20]);
    expect(level1.cumulative[2][1]).toBeCloseTo(1 / 3, 12);
    expect(level1.cumulative[3][1]).toBeCloseTo(1 / 3, 12);
    expect(level1.survival[1]).toBeCloseTo(1 / 3, 12);
    // Level 2: 20 h then on to 3, and 60 h censored (the lead that started there).
    expect(level2.atRisk).toBe(2);
    expect(Array.from(level2.times)).toEqual([20]);
    expect(level2.cumulative[3][0]).toBeCloseTo(1 / 2, 12);
    // Level 3: two stays, both censored (nothing is above it).
    expect(level3.atRisk).toBe(2);
    expect(level3.times).toHaveLength(0);
  });

  it("counts evidence arriving in the same hour together, and a level skipped at once as no stay", () => {
    const [, level1, level2, level3] = levelExits(nurture([{observed: 30, a: 10, b: 10}]), table, 3);
    expect(Array.from(level1.times)).toEqual([10]);
    expect(level1.cumulative[3][0]).toBe(1); // straight to 3: a and b together
    expect(level1.cumulative[2][0]).toBe(0);
    expect(level2.atRisk).toBe(0);
    expect(level3.atRisk).toBe(1);
  });

  it("ignores evidence after nurture's watch: a lead handed off at 5 h has only its first 5 hours", () => {
    const [, level1, level2] = levelExits(nurture([{observed: 5}]), table, 3);
    expect(level1.atRisk).toBe(1);
    expect(level1.times).toHaveLength(0);
    expect(level2.atRisk).toBe(0);
  });
});

describe("levelExitsByGroup", () => {
  const paths = nurture([
    {observed: 100, a: 10, b: 30}, // group 1: 1 → 2 at 10 h → 3 at 30 h
    {observed: 50}, // group 1: stays at 1, censored at 50
    {observed: 40, a: 0, b: 20}, // group 2: 2 from creation → 3 at 20 h
    {observed: 60, a: 20} // group 3: left out (not below the count)
  ]);
  const groups = {of: [1, 1, 2, 3], count: 3};

  it("estimates each group's exits from its own paths alone, in one walk", () => {
    const [none, one, two] = levelExitsByGroup(paths, table, 3, groups);
    expect(none.map((d) => d.atRisk)).toEqual([0, 0, 0, 0]);
    // Group 1: at level 1 one of two leaves for 2 at 10 h; at level 2 its one stay leaves for 3 at 20 h.
    expect(one[1].atRisk).toBe(2);
    expect(one[1].cumulative[2][0]).toBeCloseTo(1 / 2, 12);
    expect(Array.from(one[2].times)).toEqual([20]);
    expect(one[2].cumulative[3][0]).toBe(1);
    // Group 2 starts at level 2 and climbs at 20 h; the path of group 3 is nowhere.
    expect(two[2].atRisk).toBe(1);
    expect(two[2].cumulative[3][0]).toBe(1);
    expect(two[3].atRisk).toBe(1);
  });

  it("counts a group's stays from its own level up: how its handoffs climbed from there", () => {
    const [, , two] = levelExitsByGroup(nurture([{observed: 50, a: 10, b: 30}]), table, 3, {of: [2], count: 3});
    expect(two[1].atRisk).toBe(0); // its 10 hours at level 1 were before it reached 2
    expect(two[2].atRisk).toBe(1);
    expect(two[2].cumulative[3][0]).toBe(1);
  });

  it("with one group of everything, is levelExits", () => {
    const all = levelExitsByGroup(paths, table, 3, {of: [0, 0, 0, 0], count: 1})[0];
    expect(plain(all)).toEqual(plain(levelExits(paths, table, 3)));
  });
});

describe("levelExits (Aalen–Johansen)", () => {
  // Level 1: exits to 2 at 10 h and 30 h, one censored at 20 h, one exit to 3 at 40 h, one censored at 50 h.
  const leads: Lead[] = [
    {observed: 100, a: 10},
    {observed: 20},
    {observed: 100, a: 30},
    {observed: 100, a: 40, b: 40},
    {observed: 50}
  ];
  const level1 = (data: Lead[], weights?: number[]) => levelExits(nurture(data), table, 3, weights)[1];

  it("handles censoring through the at-risk sets (hand-computed)", () => {
    const exits = level1(leads);
    // At 10 h: 5 at risk, one leaves → S = 4/5, F2 = 1/5. At 30 h: 3 at risk → F2 += 4/5 · 1/3, S = 8/15.
    // At 40 h: 2 at risk → F3 = 8/15 · 1/2, S = 4/15.
    expect(Array.from(exits.times)).toEqual([10, 30, 40]);
    expect(exits.survival[2]).toBeCloseTo(4 / 15, 12);
    expect(exits.cumulative[2][2]).toBeCloseTo(1 / 5 + 4 / 15, 12);
    expect(exits.cumulative[3][2]).toBeCloseTo(4 / 15, 12);
    expect(exits.atRisk).toBe(5);
  });

  it("gives the chances from a time already spent, conditioning on still being there", () => {
    const exits = level1(leads);
    const fromStart = exitChances(exits, 0);
    expect(fromStart[2]).toBeCloseTo(7 / 15, 12);
    expect(fromStart[3]).toBeCloseTo(4 / 15, 12);
    // Still there after 35 h (S = 8/15): only the exit to 3 at 40 h is ahead, 4/15 ÷ 8/15.
    const late = exitChances(exits, 35);
    expect(late[2]).toBe(0);
    expect(late[3]).toBeCloseTo(1 / 2, 12);
    expect(Array.from(exitChances(exits, 45))).toEqual([0, 0, 0, 0]);
  });

  it("gives the same estimate whatever order the leads come in", () => {
    const shuffled = [3, 0, 4, 2, 1].map((i) => leads[i]);
    expect(plain(levelExits(nurture(shuffled), table, 3))).toEqual(plain(levelExits(nurture(leads), table, 3)));
  });

  it("weights leads as the bootstrap resamples them: weight 2 counts as two leads, weight 0 as none", () => {
    const doubled = levelExits(nurture(leads), table, 3, [2, 1, 1, 1, 1]);
    const repeated = levelExits(nurture([leads[0], ...leads]), table, 3);
    expect(plain(doubled)).toEqual(plain(repeated));
    const dropped = levelExits(nurture(leads), table, 3, [1, 0, 1, 1, 1]);
    expect(plain(dropped)).toEqual(plain(levelExits(nurture(leads.filter((_, i) => i !== 1)), table, 3)));
  });

  it("counts stays in whole hours: a stay of 10.7 hours ends in hour 10", () => {
    const fractional = level1([{observed: 100, a: 10.7}, ...leads.slice(1)]);
    expect(Array.from(fractional.times)).toEqual([10, 30, 40]);
  });
});

describe("landingFromEntry", () => {
  it("chains levels: from 1 to 3 is 1 → 3 directly, or 1 → 2 and then 2 → 3", () => {
    // Level 1: exits to 2 at 1 h and 2 h, to 3 at 3 h, censored at 4 h. Level 2: on to 3 after 5 h, censored after 6 h.
    const exits = levelExits(
      nurture([{observed: 10, a: 1, b: 6}, {observed: 8, a: 2}, {observed: 10, a: 3, b: 3}, {observed: 4}]),
      table,
      3
    );
    const landing = landingFromEntry(exits, 3, 3);
    // From 1: 2/4 to level 2 (then 1/2 on to 3), 1/4 straight to 3.
    expect(landing[1][3]).toBeCloseTo(2 / 4 / 2 + 1 / 4, 12);
    expect(landing[2][3]).toBeCloseTo(1 / 2, 12);
    // For k = 2, landing on 2 or 3 directly from 1: 2/4 and 1/4.
    const k2 = landingFromEntry(exits, 2, 3);
    expect(k2[1][2]).toBeCloseTo(1 / 2, 12);
    expect(k2[1][3]).toBeCloseTo(1 / 4, 12);
  });
});
