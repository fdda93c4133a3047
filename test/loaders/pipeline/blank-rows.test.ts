import {describe, expect, it} from "vitest";
import {withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {blankRowReason, relabelBlankRows} from "../../../loaders/pipeline/blank-rows.js";
import type {SourceTable} from "../../../loaders/pipeline/ingest.js";

/** A source view as ingest makes one: the row number and the file's columns as text. */
const source = (table: string, label: string): SourceTable => ({
  table,
  label,
  path: `/data/${label}`,
  columns: ["lead_id", "campaign", "created_at"],
  rows: 5
});

describe("relabelBlankRows", () => {
  it("gives the blank rows among those rejected for a missing lead ID a reason of their own, and no other", async () => {
    const rejects = await withDatabase(async (db) => {
      await db.run(`CREATE TABLE rejects (file VARCHAR, row BIGINT, field VARCHAR, reason VARCHAR, value VARCHAR);
        CREATE TABLE src_leads AS SELECT * FROM (VALUES
          (1, 'L1', 'Spring', '2025-01-01'),
          (2, NULL, NULL, NULL),
          (3, '  ', 'NULL', ' '),
          (4, NULL, 'Spring', NULL),
          (5, NULL, NULL, '')
        ) t(row, lead_id, campaign, created_at);
        CREATE TABLE src_events AS SELECT 1 AS row, NULL AS lead_id, NULL AS campaign, NULL AS created_at;
        INSERT INTO rejects VALUES
          ('leads.csv', 2, 'lead_id', 'missing lead_id', NULL),
          ('leads.csv', 3, 'lead_id', 'missing lead_id', NULL),
          ('leads.csv', 4, 'lead_id', 'missing lead_id', NULL),
          ('leads.csv', 5, 'created_at', 'not a date', ''),
          ('events.csv', 1, 'at', 'not a date', NULL)`);
      await relabelBlankRows(db, [source("src_leads", "leads.csv"), source("src_events", "events.csv")], ["NULL"]);
      return db.all("SELECT file, row, field, reason FROM rejects ORDER BY file, row");
    });
    expect(rejects).toEqual([
      // Rejected for another reason: left as it is, even though the row has no lead ID.
      {file: "events.csv", row: 1, field: "at", reason: "not a date"},
      {file: "leads.csv", row: 2, field: "(whole row)", reason: blankRowReason},
      // Spaces and the profile's null marker count as empty.
      {file: "leads.csv", row: 3, field: "(whole row)", reason: blankRowReason},
      // A campaign without a lead ID is a real row that lost its ID.
      {file: "leads.csv", row: 4, field: "lead_id", reason: "missing lead_id"},
      {file: "leads.csv", row: 5, field: "created_at", reason: "not a date"}
    ]);
  });
});
