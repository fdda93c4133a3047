import {describe, expect, it} from "vitest";
import {randomLcg} from "d3-random";
import {outcomeCode} from "../../../src/lib/core/measures.js";
import {
  followOrder,
  inFollowOrder,
  outcomesInOrder,
  prepareOutcomes,
  wholeOrder
} from "../../../src/lib/simulator/follow-order.js";
import {Scratch} from "../../../src/lib/simulator/scratch.js";
import type {SimulatorExtract} from "../../../src/lib/simulator/simulator-extract.js";

type Row = {outcome: keyof typeof outcomeCode; follow: number; hours?: number; amount?: number};

/** Handoffs with only the columns the follow order reads. */
function handoffs(rows: Row[]): SimulatorExtract {
  const columns = {
    outcome: Uint8Array.from(rows, (d) => outcomeCode[d.outcome]),
    salesHours: Float64Array.from(rows, (d) => d.hours ?? 0),
    amount: Float64Array.from(rows, (d) => d.amount ?? NaN),
    hoursToClose: Float64Array.from(rows, (d) => (d.outcome === "open" ? NaN : d.follow)),
    hoursToDataEnd: Float64Array.from(rows, (d) => (d.outcome === "open" ? d.follow : d.follow + 500))
  };
  return {rows: rows.length, columns, header: {evidenceTypes: []}} as unknown as SimulatorExtract;
}

const extract = handoffs([
  {outcome: "won", follow: 30, hours: 3, amount: 900},
  {outcome: "open", follow: 10, hours: 1},
  {outcome: "lost", follow: 10, hours: 2},
  {outcome: "won", follow: 20, hours: 5},
  {outcome: "won", follow: 40, amount: 300}
]);
const rows = Uint32Array.from([0, 1, 2, 3, 4]);

describe("followOrder", () => {
  it("orders as a stable comparator sort does, over many ties, zeros of both signs, negatives and infinity", () => {
    const random = randomLcg(11);
    const values = [0, -0, 0.5, 1, 1, 2, 3.25, 1e-9, 24 * 365 * 30, -4, Infinity];
    const many: Row[] = Array.from({length: 5000}, () => ({
      outcome: random() < 0.3 ? "open" : random() < 0.5 ? "won" : "lost",
      follow: random() < 0.8 ? values[Math.floor(random() * values.length)] : Math.floor(random() * 1e6) / 3600
    }));
    const data = handoffs(many);
    const order = followOrder(
      data,
      Uint32Array.from(many, (_, i) => i)
    );
    // What the follow order was sorted by before (a comparator sort, stable: equal rows in row order).
    const {outcome, hoursToClose, hoursToDataEnd} = data.columns;
    const open = (i: number) => (outcome[i] === outcomeCode.open ? 1 : 0);
    const follow = (i: number) => (open(i) ? hoursToDataEnd[i] : Math.max(0, hoursToClose[i] || 0));
    const expected = many.map((_, i) => i).sort((a, b) => follow(a) - follow(b) || open(a) - open(b));
    expect(Array.from(order.byFollow)).toEqual(expected);
  });

  it("puts a follow-up that is not a number last, never among the others", () => {
    const order = followOrder(
      handoffs([
        {outcome: "open", follow: NaN},
        {outcome: "lost", follow: 5},
        {outcome: "open", follow: 2}
      ]),
      Uint32Array.from([0, 1, 2])
    );
    expect(Array.from(order.byFollow)).toEqual([2, 1, 0]);
  });

  it("orders the rows by follow-up, shortest first, a close before an open handoff followed as long", () => {
    const order = followOrder(extract, rows);
    expect(Array.from(order.byFollow)).toEqual([2, 1, 3, 0, 4]);
    expect(Array.from(order.follow)).toEqual([10, 10, 20, 30, 40]);
    expect(Array.from(order.open)).toEqual([0, 1, 0, 0, 0]);
    expect(Array.from(order.won)).toEqual([0, 0, 1, 1, 1]);
    expect(Array.from(order.salesHours)).toEqual([2, 1, 5, 3, 0]);
    expect(order.imputeOpen).toBe(true); // a loss is recorded
  });

  it("is worked out once per set of rows, and once for all of an extract's rows whatever array holds them", () => {
    expect(followOrder(extract, rows)).toBe(followOrder(extract, rows));
    expect(followOrder(extract, Uint32Array.from(rows))).toBe(followOrder(extract, rows));
    expect(followOrder(extract, rows)).toBe(wholeOrder(extract).order);
    const some = Uint32Array.from([0, 2, 4]);
    expect(followOrder(extract, some)).toBe(followOrder(extract, some));
    expect(followOrder(extract, Uint32Array.from(some))).not.toBe(followOrder(extract, some));
  });
});

describe("followOrder of a filter's selection", () => {
  const random = randomLcg(5);
  const values = [0, 1, 1, 2, 7.5, 30, Infinity];
  const many: Row[] = Array.from({length: 3000}, () => ({
    outcome: random() < 0.3 ? "open" : random() < 0.5 ? "won" : "lost",
    follow: random() < 0.7 ? values[Math.floor(random() * values.length)] : Math.floor(random() * 1e5) / 3600,
    hours: Math.floor(random() * 10),
    amount: random() < 0.5 ? Math.floor(random() * 1000) : NaN
  }));
  const data = handoffs(many);
  const {outcome, hoursToClose, hoursToDataEnd} = data.columns;
  const open = (row: number) => (outcome[row] === outcomeCode.open ? 1 : 0);
  const follow = (row: number) => (open(row) ? hoursToDataEnd[row] : Math.max(0, hoursToClose[row] || 0));
  /** The order a stable comparator sort gives `selected` (indices into it, ties in its order). */
  const sorted = (selected: Uint32Array) =>
    Array.from(selected, (_, i) => i).sort(
      (a, b) => follow(selected[a]) - follow(selected[b]) || open(selected[a]) - open(selected[b])
    );

  it("is the order sorting the selection gives, each column at its place, taken from the whole order", () => {
    for (const share of [0.9, 0.5, 0.05]) {
      const selected = Uint32Array.from(many.keys()).filter(() => random() < share);
      const order = followOrder(data, selected);
      expect(Array.from(order.byFollow)).toEqual(sorted(selected));
      const rowAt = (m: number) => selected[order.byFollow[m]];
      expect(Array.from(order.follow)).toEqual(Array.from(order.byFollow, (_, m) => follow(rowAt(m))));
      expect(Array.from(order.open)).toEqual(Array.from(order.byFollow, (_, m) => open(rowAt(m))));
      expect(Array.from(order.salesHours)).toEqual(Array.from(order.byFollow, (_, m) => many[rowAt(m)].hours));
      expect(Array.from(order.amount)).toEqual(Array.from(order.byFollow, (_, m) => many[rowAt(m)].amount));
      expect(Array.from(order.won)).toEqual(
        Array.from(order.byFollow, (_, m) => (many[rowAt(m)].outcome === "won" ? 1 : 0))
      );
      // Taken from the whole order, at ascending positions of it; positionOf undoes byFollow.
      const whole = wholeOrder(data).order;
      expect(Array.from(order.fromWhole!, (p) => whole.byFollow[p])).toEqual(
        Array.from(order.byFollow, (_, m) => rowAt(m))
      );
      expect(order.fromWhole!.every((p, m, all) => m === 0 || p > all[m - 1])).toBe(true);
      expect(Array.from(order.byFollow, (i) => order.positionOf[i])).toEqual(Array.from(order.byFollow.keys()));
    }
  });

  it("sorts rows given out of order on their own, ties in the order given", () => {
    const selected = Uint32Array.from(many.keys())
      .filter((row) => row % 3 === 0)
      .reverse();
    const order = followOrder(data, selected);
    expect(Array.from(order.byFollow)).toEqual(sorted(selected));
    expect(order.fromWhole).toBeNull();
    expect(Array.from(order.byFollow, (i) => order.positionOf[i])).toEqual(Array.from(order.byFollow.keys()));
  });
});

describe("outcomesInOrder", () => {
  it("values a won deal without an amount at its stage's mean won amount", () => {
    const stages = Uint8Array.from([2, 1, 1, 2, 2]); // per row: both won deals with amounts are at stage 2
    const prepared = prepareOutcomes(extract, rows, stages);
    expect(Array.from(prepared.stage)).toEqual([1, 1, 2, 2, 2]);
    // Follow order: row 2 (lost), 1 (open), 3 (won, no amount: (900 + 300) / 2), 0, 4.
    expect(Array.from(prepared.value)).toEqual([0, 0, 600, 900, 300]);
  });

  it("writes its values in a scratch's array when given one, the same as in a fresh one", () => {
    const order = followOrder(extract, rows);
    const scratch = new Scratch();
    const stage = Uint8Array.from([1, 1, 2, 2, 2]);
    const kept = outcomesInOrder(rows, order, Uint8Array.from([3, 3, 3, 3, 3]), scratch).value;
    const again = outcomesInOrder(rows, order, stage, scratch).value;
    expect(again).toBe(kept);
    expect(Array.from(again)).toEqual(Array.from(outcomesInOrder(rows, order, stage).value));
  });
});

describe("outcomesInOrder where every won deal has its amount", () => {
  it("gives every ladder the same values, worked out once", () => {
    const priced = handoffs([
      {outcome: "won", follow: 30, amount: 900},
      {outcome: "lost", follow: 10},
      {outcome: "won", follow: 20, amount: 500}
    ]);
    const three = Uint32Array.from([0, 1, 2]);
    const order = followOrder(priced, three);
    const one = outcomesInOrder(three, order, Uint8Array.from([1, 1, 1]), new Scratch());
    const other = outcomesInOrder(three, order, Uint8Array.from([3, 2, 1]));
    expect(Array.from(one.value)).toEqual([0, 500, 900]);
    expect(other.value).toBe(one.value);
  });
});

describe("inFollowOrder", () => {
  it("lays weights per index of rows out in the follow order", () => {
    const prepared = prepareOutcomes(extract, rows, new Uint8Array(5).fill(1));
    expect(Array.from(inFollowOrder(prepared, [10, 11, 12, 13, 14]))).toEqual([12, 11, 13, 10, 14]);
  });
});
