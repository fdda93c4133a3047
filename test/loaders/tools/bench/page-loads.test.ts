// The chart pages' report lines: each page's median of its navigations beside the simulator page's 1.5 s.
import {describe, expect, it} from "vitest";
import {pageLoadLines} from "../../../../loaders/tools/bench/page-loads.js";

describe("pageLoadLines", () => {
  it("gives each page its median and every navigation, within or above 1,500 ms", () => {
    const lines = pageLoadLines({
      firstChart: {"/": [980, 1_150, 1_010], "/timing": [2_710, 2_570, 2_900, 2_400]},
      errors: []
    });
    expect(lines).toEqual([
      "- /: navigation → first chart median 1,010 ms of 3 (980 ms, 1,150 ms, 1,010 ms; within the simulator page's 1,500 ms)",
      "- /timing: navigation → first chart median 2,640 ms of 4 (2,710 ms, 2,570 ms, 2,900 ms, 2,400 ms; above the simulator page's 1,500 ms)"
    ]);
  });

  it("puts the pages' errors first", () => {
    const lines = pageLoadLines({firstChart: {"/": [1_000]}, errors: ["/: TypeError: a | b"]});
    expect(lines[0]).toBe("- The pages logged errors: /: TypeError: a / b");
  });
});
