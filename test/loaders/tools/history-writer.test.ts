import {readFileSync, rmSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {appendHistory, copyHistory, createHistoryTables} from "../../../loaders/tools/history-writer.js";
import type {SampleLead} from "../../../loaders/tools/sample-generator.js";
import {temporaryDirectory} from "../../helpers/model.js";

describe("the history writer", () => {
  it("writes leads and events in the order appended, times in UTC, across batches", async () => {
    const directory = temporaryDirectory("leadstage-history-");
    const lead = (id: string, at: string): SampleLead => ({
      lead_id: id,
      created_at: Date.parse(at),
      campaign: "C",
      source: "S",
      segment: "G",
      company_size: "1-49",
      region: "R",
      name: "",
      email: "",
      phone: ""
    });
    await withDatabase(async (db) => {
      await createHistoryTables(db);
      await appendHistory(
        db,
        [lead("B", "2025-01-02T10:00:00Z")],
        [{lead_id: "B", at: Date.parse("2025-01-03T00:00:00Z"), type: "handed_off", value: null}]
      );
      await appendHistory(
        db,
        [lead("A", "2025-01-01T00:00:00Z")],
        [{lead_id: "A", at: Date.parse("2025-01-04T12:30:00Z"), type: "won", value: "100"}]
      );
      await copyHistory(db, directory, "csv");
    });
    const leads = readFileSync(join(directory, "leads.csv"), "utf8").trim().split("\n");
    const events = readFileSync(join(directory, "events.csv"), "utf8").trim().split("\n");
    rmSync(directory, {recursive: true, force: true});
    expect(leads.slice(1).map((d) => d.split(",").slice(0, 2))).toEqual([
      ["B", "2025-01-02 10:00:00"],
      ["A", "2025-01-01 00:00:00"]
    ]);
    expect(events.slice(1)).toEqual(["B,2025-01-03 00:00:00,handed_off,", "A,2025-01-04 12:30:00,won,100"]);
  });
});
