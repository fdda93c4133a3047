import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {workbookLines, writeEventSheet} from "../../../../loaders/tools/bench/workbook-read.js";
import {workbookCsv} from "../../../../loaders/pipeline/workbook.js";
import {temporaryDirectory} from "../../../helpers/temporary.js";

describe("writeEventSheet", () => {
  it("writes the first events of a history as a sheet that reads back as they are, instants as date cells", async () => {
    const path = join(temporaryDirectory(), "events.xlsx");
    await writeEventSheet("data/sample/events.parquet", 3, path);
    const csv = readFileSync(await workbookCsv(path, undefined, temporaryDirectory()), "utf8")
      .trimEnd()
      .split("\n");
    expect(csv).toHaveLength(4);
    expect(csv[0]).toBe("lead_id,at,type,value");
    // Every instant is a date cell, read back to the second (the sample's are whole minutes).
    for (const line of csv.slice(1)) expect(line).toMatch(/^L\d+,\d{4}-\d\d-\d\d \d\d:\d\d:00,[a-z_]+,/);
  });
});

describe("workbookLines", () => {
  it("reports each sheet and whether a row of the large one costs at most 1.5× one of the small", () => {
    const small = {rows: 100_000, ms: 1000, maxRssMB: 200.4};
    const linear = workbookLines([small, {rows: 1_000_000, ms: 9000, maxRssMB: 1000}]);
    expect(linear.lines).toEqual([
      "- A sheet of 100,000 events × 4 columns: 1.00 s (100,000 rows a second), peak 200 MB",
      "- A sheet of 1,000,000 events × 4 columns: 9.00 s (111,111 rows a second), peak 1000 MB"
    ]);
    expect(linear.target).toMatch(/costs 0\.90× one of a 100,000-row sheet \(target ≤ 1\.5×.*\): met$/);
    // What read-excel-file 9.3 did before the patch: 619 s for a million rows.
    const quadratic = workbookLines([small, {rows: 1_000_000, ms: 619_000, maxRssMB: 2913}]);
    expect(quadratic.target).toMatch(/costs 61\.90×.*: NOT met$/);
  });
});
