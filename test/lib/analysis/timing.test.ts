import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {DetailedExtract} from "../../../src/lib/core/extract.js";
import {daysToHandoffByLevel, firstTouch} from "../../../src/lib/analysis/timing.js";
import {extractOf} from "../../helpers/model.js";

// Four handoffs at the edges of the bins, through the whole pipeline (DuckDB, Parquet, the browser's decoder): times
// are floored into bins, never rounded, so 59 minutes is "< 1 hour" and 23 h 59 min is "< 1 day".
const directory = mkdtempSync(join(tmpdir(), "leadstage-bins-"));
let extract: DetailedExtract;
beforeAll(async () => {
  writeFileSync(
    join(directory, "leads.csv"),
    [
      "lead_id,created_at",
      "E1,2025-03-01T00:00:00Z",
      "E2,2025-03-01T00:00:00Z",
      "E3,2025-03-01T00:00:00Z",
      "E4,2025-03-01T00:00:00Z"
    ].join("\n")
  );
  const handoff = (lead: string, at: string, touch: string) => [
    `${lead},${at},handed_off,`,
    `${lead},${touch},sales_touch,1`,
    `${lead},2025-04-01T00:00:00Z,lost,no budget`
  ];
  writeFileSync(
    join(directory, "events.csv"),
    [
      "lead_id,at,type,value",
      // Handed off 23 h 59 min after creation; first touch 59 minutes later.
      ...handoff("E1", "2025-03-01T23:59:00Z", "2025-03-02T00:58:00Z"),
      // Handed off exactly 24 h after creation; first touch exactly 60 minutes later.
      ...handoff("E2", "2025-03-02T00:00:00Z", "2025-03-02T01:00:00Z"),
      // First touch 23 h 59 min after the handoff, and exactly 24 h.
      ...handoff("E3", "2025-03-03T00:00:00Z", "2025-03-03T23:59:00Z"),
      ...handoff("E4", "2025-03-03T00:00:00Z", "2025-03-04T00:00:00Z")
    ].join("\n")
  );
  extract = await extractOf(directory);
});
afterAll(() => rmSync(directory, {recursive: true, force: true}));

describe("time bins at their edges", () => {
  it("puts 59 minutes under an hour, 60 minutes in 1–4 hours, 23 h 59 min in 4–24 hours and 24 h in 1–3 days", () => {
    const touch = firstTouch(extract, Uint32Array.from([0, 1, 2, 3]), 24);
    expect(touch.bins.map((d) => d.handoffs)).toEqual([1, 1, 1, 1, 0, 0]);
  });

  it("counts a first touch at exactly 24 hours as within a 24-hour follow-up", () => {
    const touch = firstTouch(extract, Uint32Array.from([0, 1, 2, 3]), 24);
    expect(touch.withinSla.k).toBe(4);
  });

  it("puts a handoff 23 h 59 min after creation under a day and one 24 h after in 1–3 days", () => {
    const [level1] = daysToHandoffByLevel(extract, Uint32Array.from([0, 1, 2, 3]), [1]);
    expect(level1.bins.slice(0, 2)).toEqual([1, 3]);
  });
});
