import {describe, expect, it} from "vitest";
import {execFileSync} from "node:child_process";
import {rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import * as aq from "arquero";
import {arqueroPipeline, tableFromCsvFile} from "../../../../loaders/tools/bench/arquero-pipeline.js";
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
      medianDaysToHandoff: d.daysToHandoff?.median ?? null
    }));
    expect(expected.reduce((s, d) => s + d.handoffs, 0)).toBeGreaterThan(1000);
    for (const result of [typedArrayPipeline(directory), arqueroPipeline(directory)]) {
      expect(result.map(({medianDaysToHandoff, ...d}) => d)).toEqual(expected.map(({medianDaysToHandoff, ...d}) => d));
      result.forEach((d, i) => expect(d.medianDaysToHandoff).toBeCloseTo(expected[i].medianDaysToHandoff!, 6));
    }
  });

  it("read a CSV file in pieces as one table, whatever the pieces' size (the events of a million leads pass 512 MB)", () => {
    const directory = temporaryDirectory();
    const path = join(directory, "events.csv");
    const lines = Array.from({length: 50}, (_, i) => `L${i},2025-01-0${1 + (i % 9)} 10:00,scorecard,"Größe=ja, ${i}"`);
    writeFileSync(path, ["lead_id,at,type,value", ...lines].join("\n") + "\n");
    const whole = aq.fromCSV(["lead_id,at,type,value", ...lines].join("\n"), {
      parse: {lead_id: String, at: String, type: String, value: String}
    });
    for (const pieceBytes of [1, 7, 100, 1000, 1e9]) {
      expect(tableFromCsvFile(path, pieceBytes).objects(), `pieces of ${pieceBytes} bytes`).toEqual(whole.objects());
    }
    writeFileSync(path, "lead_id,at,type,value");
    expect(tableFromCsvFile(path).numRows()).toBe(0);
    rmSync(directory, {recursive: true, force: true});
  });
});
