import {describe, expect, it} from "vitest";
import {Scratch, zeros} from "../../../src/lib/simulator/scratch.js";

describe("Scratch", () => {
  it("hands the same array out again for the same name, type and length, zeroed", () => {
    const scratch = new Scratch();
    const first = scratch.take("stage", Uint8Array, 4);
    first.set([1, 2, 3, 4]);
    const again = scratch.take("stage", Uint8Array, 4);
    expect(again).toBe(first);
    expect(Array.from(again)).toEqual([0, 0, 0, 0]);
  });

  it("makes a new array for another length or type, and keeps names apart", () => {
    const scratch = new Scratch();
    const four = scratch.take("value", Float64Array, 4);
    const five = scratch.take("value", Float64Array, 5);
    expect(five).not.toBe(four);
    expect(five).toHaveLength(5);
    const bytes = scratch.take("value", Uint8Array, 5);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(scratch.take("other", Uint8Array, 5)).not.toBe(bytes);
  });
});

describe("zeros", () => {
  it("is a fresh array without a scratch, and the kept one with it", () => {
    const scratch = new Scratch();
    expect(zeros(undefined, "a", Uint32Array, 3)).not.toBe(zeros(undefined, "a", Uint32Array, 3));
    const kept = zeros(scratch, "a", Uint32Array, 3);
    expect(zeros(scratch, "a", Uint32Array, 3)).toBe(kept);
  });
});
