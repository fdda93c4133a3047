// The simulator page's report lines: each step's median of its runs against its target, every run listed.
import {describe, expect, it} from "vitest";
import {simulatorLines} from "../../../../loaders/tools/bench/simulator-page.js";

const timings = {
  firstChart: [1_420, 1_610, 1_380],
  decodes: [
    [700, 150, 80],
    [1_100, 200, 90],
    [650, 120, 70],
    [800, 160, 60]
  ] as [number, number, number][],
  reclassified: [90, 60, 120],
  edits: [414, 297, 191, 204, 211],
  errors: []
};

describe("simulatorLines", () => {
  it("judges each step by the median of its runs and lists every run", () => {
    expect(simulatorLines(timings)).toEqual([
      "- Navigation → first chart: median 1,420 ms of 3 navigations (1,420 ms, 1,610 ms, 1,380 ms; target ≤ 1,500 ms): met",
      "- Decoding in the page (handoffs.parquet 750 ms + nurture.parquet 155 ms + later-evidence.parquet 75 ms, medians): " +
        "median 975 ms of 4 decodings (930 ms, 1,390 ms, 840 ms, 1,020 ms; target ≤ 1,000 ms): met",
      "- Ladder edit → level mix redrawn (the re-classification): median 90 ms of 3 edits (90 ms, 60 ms, 120 ms; target ≤ 200 ms): met",
      "- Ladder edit → policy table redrawn for the new ladder: median 211 ms of 5 edits (414 ms, 297 ms, 191 ms, 204 ms, 211 ms; target ≤ 200 ms): NOT met"
    ]);
  });

  it("puts the page's errors first, and a step that never finished is not met", () => {
    const lines = simulatorLines({...timings, edits: [], errors: ["TypeError: x | y"]});
    expect(lines[0]).toBe("- The page logged errors: TypeError: x / y: NOT met");
    expect(lines.at(-1)).toMatch(/median NaN ms of 0 edits \(; target ≤ 200 ms\): NOT met$/);
  });
});
