import {describe, expect, it} from "vitest";
import {toEnd} from "../../../src/lib/simulator/phases.js";

describe("toEnd", () => {
  it("runs work in phases through every pause to its result", () => {
    const passes: number[] = [];
    function* work(): Generator<void, string> {
      for (let i = 0; i < 3; ++i) {
        passes.push(i);
        yield;
      }
      return "done";
    }
    expect(toEnd(work())).toBe("done");
    expect(passes).toEqual([0, 1, 2]);
  });
});
