import {describe, expect, it} from "vitest";
import type {Extract} from "../../../src/lib/core/extract.js";
import {
  expectedFromPrepared,
  expectedInPhases,
  expectedOutcomes
} from "../../../src/lib/simulator/expected-outcomes.js";
import {prepareOutcomes} from "../../../src/lib/simulator/follow-order.js";
import {outcomeCode} from "../../../src/lib/core/measures.js";

/** A handful of handoffs with only the columns expected outcomes read. */
function handoffs(
  rows: {outcome: keyof typeof outcomeCode; follow: number; hours: number; amount?: number}[]
): Extract {
  const columns = {
    outcome: Uint8Array.from(rows, (d) => outcomeCode[d.outcome]),
    salesHours: Float64Array.from(rows, (d) => d.hours),
    amount: Float64Array.from(rows, (d) => d.amount ?? NaN),
    hoursToClose: Float64Array.from(rows, (d) => (d.outcome === "open" ? NaN : d.follow)),
    hoursToDataEnd: Float64Array.from(rows, (d) => d.follow + 1000)
  };
  for (const [i, d] of rows.entries()) if (d.outcome === "open") columns.hoursToDataEnd[i] = d.follow;
  return {rows: rows.length, columns, header: {}} as unknown as Extract;
}

describe("expectedOutcomes", () => {
  const extract = handoffs([
    {outcome: "won", follow: 10, hours: 4, amount: 1000},
    {outcome: "open", follow: 15, hours: 1},
    {outcome: "lost", follow: 20, hours: 6},
    {outcome: "won", follow: 30, hours: 8, amount: 3000},
    {outcome: "lost", follow: 40, hours: 10}
  ]);
  const rows = Uint32Array.from([0, 1, 2, 3, 4]);
  const stages = new Uint8Array(5).fill(1);

  it("keeps what closed handoffs brought", () => {
    const expected = expectedOutcomes(extract, rows, stages);
    expect([expected.win[0], expected.win[2], expected.win[3]]).toEqual([1, 0, 1]);
    expect(expected.revenue[3]).toBe(3000);
    expect(expected.hours[4]).toBe(10);
  });

  it("expects an open handoff to end like the closed ones of its level still open as long (hand-computed)", () => {
    // Censoring survival: 1 before 15 h, then 1 − 1/4 (four at risk when the open one is censored): the three closed
    // after 15 h weigh alike, so the open one wins 1 in 3, works (6 + 8 + 10) / 3 hours and earns 3000 / 3.
    const expected = expectedOutcomes(extract, rows, stages);
    expect(expected.win[1]).toBeCloseTo(1 / 3, 12);
    expect(expected.hours[1]).toBeCloseTo(8, 12);
    expect(expected.revenue[1]).toBeCloseTo(1000, 12);
    expect(expected.unmatched).toBe(0);
  });

  it("never uses other levels' rates, and says when no closed handoff of the level was followed as long", () => {
    const mixed = Uint8Array.from([1, 1, 2, 2, 2]);
    const expected = expectedOutcomes(extract, rows, mixed);
    // At level 1 only the won handoff at 10 h closed, earlier than 15 h: nothing to learn from.
    expect(expected.win[1]).toBe(0);
    expect(expected.hours[1]).toBe(1);
    expect(expected.unmatched).toBe(1);
  });

  it("counts open handoffs as they stand at the data end where the data records no loss (won deals only)", () => {
    const onlyWon = handoffs([
      {outcome: "won", follow: 10, hours: 4, amount: 1000},
      {outcome: "open", follow: 15, hours: 1},
      {outcome: "won", follow: 30, hours: 8, amount: 3000}
    ]);
    const expected = expectedOutcomes(onlyWon, Uint32Array.from([0, 1, 2]), new Uint8Array(3).fill(1));
    // Learned from the closed ones, the open handoff would be a sure win: every closed handoff is one.
    expect([expected.win[1], expected.hours[1], expected.revenue[1]]).toEqual([0, 1, 0]);
    expect([expected.win[2], expected.revenue[2]]).toEqual([1, 3000]);
    expect(expected.unmatched).toBe(0);
  });

  it("weights rows as the bootstrap does", () => {
    const twice = expectedOutcomes(extract, rows, stages, [1, 1, 2, 1, 1]);
    // The lost handoff at 20 h counts twice: wins 1 in 4.
    expect(twice.win[1]).toBeCloseTo(1 / 4, 12);
  });
});

describe("expectedOutcomes at a million leads' size", () => {
  it("handles 716,003 handoffs (spreading them as arguments overflowed the call stack: the simulator page broke)", () => {
    const n = 716_003;
    const rows = Array.from({length: n}, (_, i) => ({
      outcome: (i % 7 === 0 ? "open" : i % 5 === 0 ? "won" : "lost") as keyof typeof outcomeCode,
      follow: (i * 37) % 5000,
      hours: 1 + (i % 3)
    }));
    const stages = Uint8Array.from({length: n}, (_, i) => 1 + (i % 5));
    const expected = expectedOutcomes(
      handoffs(rows),
      Uint32Array.from({length: n}, (_, i) => i),
      stages
    );
    expect(expected.win.length).toBe(n);
    expect(expected.win[5]).toBe(1);
  });
});

describe("expectedInPhases", () => {
  const n = 262_144 + 10;
  // Every handoff followed 100 hours, every other one open (the others won and lost in turn): an open one learns only
  // from closes strictly later, so none of them can learn anything, whichever phase the sweep reaches each of them in.
  const rows = Array.from({length: n}, (_, i) => ({
    outcome: (i % 2 ? "open" : i % 4 ? "lost" : "won") as keyof typeof outcomeCode,
    follow: 100,
    hours: 1
  }));
  const prepared = prepareOutcomes(
    handoffs(rows),
    Uint32Array.from({length: n}, (_, i) => i),
    new Uint8Array(n).fill(1)
  );

  /** The result of a sweep in phases, and how many times it paused. */
  const sweep = (weights?: Float64Array) => {
    const phases = expectedInPhases(prepared, weights);
    for (let pauses = 0; ; ++pauses) {
      const phase = phases.next();
      if (phase.done) return {expected: phase.value, pauses};
    }
  };

  it("pauses after the censoring survival and every 262,144 positions, never within one follow-up's handoffs", () => {
    const {expected, pauses} = sweep(new Float64Array(n).fill(1));
    // All of one follow-up: the sweep takes them in one go (a cut among them let open ones learn from closes at 100 h).
    expect(pauses).toBe(1);
    expect(expected.unmatched).toBe(n / 2);
    expect(expected.win[1]).toBe(0);
  });

  it("sweeps unweighted handoffs of several follow-ups in several phases, as the weighted sweep of ones does", () => {
    const spread = prepareOutcomes(
      handoffs(rows.map((d, i) => ({...d, follow: i}))),
      Uint32Array.from({length: n}, (_, i) => i),
      new Uint8Array(n).fill(1)
    );
    const phases = expectedInPhases(spread);
    let pauses = 0;
    while (!phases.next().done) pauses++;
    expect(pauses).toBe(1);
    const unweighted = expectedFromPrepared(spread);
    const ones = expectedFromPrepared(spread, new Float64Array(n).fill(1));
    expect(unweighted.unmatched).toBe(1); // the open handoff followed longest: no close after it
    expect(Array.from(unweighted.win)).toEqual(Array.from(ones.win));
    expect(unweighted.win[n - 3]).toBe(1); // the one close after it was a win (n − 2 is a multiple of 4)
  });
});
