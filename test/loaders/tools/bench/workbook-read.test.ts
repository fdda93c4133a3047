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
    const csv = readFileSync((await workbookCsv(path, undefined, temporaryDirectory())).path, "utf8")
      .trimEnd()
      .split("\n");
    expect(csv).toHaveLength(4);
    expect(csv[0]).toBe("lead_id,at,type,value");
    // Every instant is a date cell, read back to the second (the sample's are whole minutes).
    for (const line of csv.slice(1)) expect(line).toMatch(/^L\d+,\d{4}-\d\d-\d\d \d\d:\d\d:00,[a-z_]+,/);
  });
});

describe("workbookLines", () => {
  const small = {rows: 100_000, columns: 4, ms: 1000, maxRssMB: 120.4, sheetXmlMB: 9.6};
  const wide = {rows: 1_000_000, columns: 20, ms: 37_000, maxRssMB: 440, sheetXmlMB: 636.2};

  it("reports each sheet, whether a row of the large one costs at most 1.5× and its memory at most 2×", () => {
    const streamed = workbookLines([
      small,
      {rows: 1_000_000, columns: 4, ms: 9000, maxRssMB: 170, sheetXmlMB: 96},
      wide
    ]);
    expect(streamed.lines).toEqual([
      "- A sheet of 100,000 events × 4 columns (sheet XML 10 MB): 1.00 s (100,000 rows a second), peak 120 MB",
      "- A sheet of 1,000,000 events × 4 columns (sheet XML 96 MB): 9.00 s (111,111 rows a second), peak 170 MB",
      "- A sheet of 1,000,000 contacts × 20 columns (sheet XML 636 MB): 37.00 s (27,027 rows a second), peak 440 MB"
    ]);
    expect(streamed.targets[0]).toMatch(
      /costs 0\.90× one of a 100,000-row sheet \(target ≤ 1\.5×.*\): met; its peak memory is 1\.41× \(target ≤ 2×, the sheet is streamed\): met$/
    );
    expect(streamed.targets[1]).toBe(
      "- Excel workbook: a 1,000,000-row sheet of 20 columns, its XML 636 MB (V8's longest string: 512 MB), read in 37.0 s at a peak of 440 MB: met"
    );
  });

  it("says NOT met where a row costs more at scale or the sheet is held whole", () => {
    // What read-excel-file 9.3 did before its patch: 619 s for a million rows; after it, 968 MB held.
    const quadratic = workbookLines([small, {rows: 1_000_000, columns: 4, ms: 619_000, maxRssMB: 968, sheetXmlMB: 96}]);
    expect(quadratic.targets).toHaveLength(1);
    // A wide sheet whose XML fits in one string does not show that longer ones are read.
    const short = workbookLines([small, small, {...wide, sheetXmlMB: 400}]);
    expect(short.targets[1]).toMatch(/its XML 400 MB .*: NOT met$/);
    expect(quadratic.targets[0]).toMatch(/costs 61\.90×.*: NOT met; its peak memory is 8\.04×.*: NOT met$/);
  });
});
