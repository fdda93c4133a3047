import {describe, expect, it} from "vitest";
import {execFileSync} from "node:child_process";
import {arqueroPipeline} from "../../../../loaders/tools/bench/arquero-pipeline.js";
import {typedArrayPipeline} from "../../../../loaders/tools/bench/typed-array-pipeline.js";
import {modelOf, temporaryDirectory} from "../../../helpers/model.js";

describe("the benchmark's contenders", () => {
  it("compute the same per-level numbers as the real pipeline, so the comparison is fair", async () => {
    const directory = temporaryDirectory();
    execFileSync(
      "npx",
      [
        "tsx",
        "loaders/cli/generate.ts",
        "--leads",
        "3000",
        "--seed",
        "7",
        "--format",
        "csv",
        "--clean",
        "--out",
        directory
      ],
      {
        stdio: "pipe"
      }
    );
    const {overview} = await modelOf(directory);
    const expected = overview.levels.map((d) => ({
      level: d.level,
      handoffs: d.handoffs,
      won: d.won,
      notWon: d.closed - d.won,
      open: d.open,
      medianDaysToHandoff: d.medianDaysToHandoff
    }));
    expect(expected.reduce((s, d) => s + d.handoffs, 0)).toBeGreaterThan(1000);
    for (const result of [typedArrayPipeline(directory), arqueroPipeline(directory)]) {
      expect(result.map(({medianDaysToHandoff, ...d}) => d)).toEqual(expected.map(({medianDaysToHandoff, ...d}) => d));
      result.forEach((d, i) => expect(d.medianDaysToHandoff).toBeCloseTo(expected[i].medianDaysToHandoff!, 6));
    }
  });
});
