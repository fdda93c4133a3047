import {describe, expect, it} from "vitest";
import {arrivalsOf} from "../../../src/lib/simulator/arrivals.js";

/** Each row's arrivals as [hour, known-bits] pairs. */
function byRow(hours: Float32Array, types: number, floor?: number): [number, number][][] {
  const {start, at, known} = arrivalsOf(hours, types, floor);
  return Array.from({length: start.length - 1}, (_, row) =>
    Array.from({length: start[row + 1] - start[row]}, (_, k) => [at[start[row] + k], known[start[row] + k]])
  );
}

describe("arrivalsOf", () => {
  it("lists each row's evidence in time order, each arrival with everything known by then", () => {
    // Three types; row 0: type 2 at −30 h, type 0 at −5 h, type 1 at −12 h (stored out of time order).
    const hours = Float32Array.from([-5, -12, -30]);
    expect(byRow(hours, 3)).toEqual([
      [
        [-30, 0b100],
        [-12, 0b110],
        [-5, 0b111]
      ]
    ]);
  });

  it("counts evidence arriving in the same hour as one arrival, and leaves out what a row never had", () => {
    const hours = Float32Array.from([-4, NaN, -4, NaN, NaN, NaN, 0, 7, NaN]);
    expect(byRow(hours, 3)).toEqual([
      [[-4, 0b101]],
      [],
      [
        [0, 0b001],
        [7, 0b011]
      ]
    ]);
  });

  it("counts evidence older than the floor at the floor, together with what arrived there", () => {
    // Nurture's hours since creation: evidence from before the lead (−20 h) counts from its creation (0).
    const hours = Float32Array.from([-20, 0, 3]);
    expect(byRow(hours, 3, 0)).toEqual([
      [
        [0, 0b011],
        [3, 0b111]
      ]
    ]);
  });

  it("works an array out once: the same array gives the same arrivals, another array its own", () => {
    const hours = Float32Array.from([1, 2]);
    const first = arrivalsOf(hours, 2);
    expect(arrivalsOf(hours, 2)).toBe(first);
    const other = arrivalsOf(Float32Array.from([1, 2]), 2);
    expect(other).not.toBe(first);
    expect(Array.from(other.at)).toEqual(Array.from(first.at));
  });

  it("has no rows without evidence types, and one empty list per row without any evidence", () => {
    expect(Array.from(arrivalsOf(new Float32Array(0), 0).start)).toEqual([0]);
    const none = arrivalsOf(Float32Array.from([NaN, NaN, NaN, NaN]), 2);
    expect(Array.from(none.start)).toEqual([0, 0, 0]);
    expect(none.at.length).toBe(0);
  });
});
