import {describe, expect, it} from "vitest";
import {handoffOutcomes} from "../../../src/lib/core/model.js";
import type {FollowOrder} from "../../../src/lib/simulator/follow-order.js";
import {ownPaths, ownPathsWithin} from "../../../src/lib/simulator/own-paths.js";
import type {SimulatorExtract} from "../../../src/lib/simulator/simulator-extract.js";

const code = (outcome: string) => handoffOutcomes.indexOf(outcome as (typeof handoffOutcomes)[number]);

// Four handoffs over two evidence types: lost at 20.7 h after its handoff, open, lost "before" its handoff (a flagged
// contradiction), and won after evidence found while sales worked it.
const extract = {
  rows: 4,
  header: {evidenceTypes: ["a", "b"]},
  columns: {
    outcome: Uint8Array.from([code("lost"), code("open"), code("lost"), code("won")]),
    hoursToHandoff: Float64Array.from([10.5, 2, 7.9, 4]),
    hoursToClose: Float64Array.from([20.7, NaN, NaN, 30]),
    hoursToDataEnd: Float64Array.from([500, 100.2, 300, 400]),
    evidenceHours: Float32Array.from([-3, NaN, NaN, NaN, 0, NaN, 0, NaN]),
    evidenceHoursAfter: Float32Array.from([NaN, 5, NaN, NaN, NaN, NaN, NaN, 6])
  }
} as unknown as SimulatorExtract;

describe("ownPaths", () => {
  // Laid out in the follow order the estimate reads in: here rows 2, 0, 1, 3.
  const order = {byFollow: Uint32Array.from([2, 0, 1, 3]), positionOf: Uint32Array.from([1, 2, 0, 3])} as FollowOrder;
  const paths = ownPaths(extract, [0, 1, 2, 3], order);
  const evidence = (m: number) => Array.from(paths.evidenceHours.subarray(2 * m, 2 * m + 2));

  it("watches each handoff from its lead's creation to its close, an open one to the data end, in whole hours", () => {
    expect(paths.rows).toBe(4);
    // The contradiction and the won deal are watched until their handoff only.
    expect(Array.from(paths.hoursObserved)).toEqual([7, 10 + 20, 2 + 100, 4]);
  });

  it("places evidence known at the handoff and found after it on the same clock from creation", () => {
    expect(evidence(1)).toEqual([10 - 3, 10 + 5]);
    expect(evidence(0)).toEqual([7, NaN]);
    expect(evidence(2).every(Number.isNaN)).toBe(true);
    expect(paths.evidenceTypes).toEqual(["a", "b"]);
  });

  it("leaves out what a won deal showed after its handoff: sales may have made it in winning", () => {
    expect(evidence(3)).toEqual([4, NaN]);
  });

  it("says so when the evidence found after handoffs was never read (later-evidence.parquet)", () => {
    const unread = {...extract, columns: {...extract.columns, evidenceHoursAfter: new Float32Array(0)}};
    expect(() => ownPaths(unread as SimulatorExtract, [0, 1, 2, 3], order)).toThrow(
      "the evidence found after handoffs (later-evidence.parquet) was not read: rebuild the site"
    );
  });
});

describe("ownPathsWithin", () => {
  it("takes the paths at the positions given, in their order, each with all its evidence", () => {
    const order = {byFollow: Uint32Array.from([2, 0, 1, 3]), positionOf: Uint32Array.from([1, 2, 0, 3])} as FollowOrder;
    const whole = ownPaths(extract, [0, 1, 2, 3], order);
    const within = ownPathsWithin(whole, Uint32Array.from([1, 3]));
    expect(within.rows).toBe(2);
    expect(Array.from(within.hoursObserved)).toEqual([30, 4]);
    expect(Array.from(within.evidenceHours)).toEqual([7, 15, 4, NaN]);
    expect(within.evidenceTypes).toBe(whole.evidenceTypes);
  });
});
