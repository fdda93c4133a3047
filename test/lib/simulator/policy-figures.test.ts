import {describe, expect, it} from "vitest";
import {assumptions, emptyFigures} from "../../../src/lib/simulator/policy-figures.js";

describe("policy figures", () => {
  it("start at zero in every figure, a new object each time", () => {
    const a = emptyFigures();
    expect(Object.values(a).every((x) => x === 0)).toBe(true);
    a.wins = 3;
    expect(emptyFigures().wins).toBe(0);
  });

  it("name the two assumptions the page shows side by side", () => {
    expect(assumptions).toEqual(["bar", "self"]);
  });
});
