import {describe, expect, it} from "vitest";
import {withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {formatReconciliation, reconcile} from "../../../loaders/pipeline/reconcile.js";
import type {ImportProfile} from "../../../loaders/import/profile.js";
import {reasonForm} from "../../../src/lib/i18n/reject-reasons.js";

const profile: ImportProfile = {
  name: "test",
  description: "one leads file, one event log",
  files: {leads: {}, events: {}},
  leads: {file: "leads", fields: {lead_id: "lead_id", created_at: "created_at"}},
  events: [{shape: "long", file: "events", leadId: "lead_id", at: "at", type: "type"}]
};

/** The tables reconcile reads, as the pipeline leaves them: 3 leads rows and 5 event rows read. */
const tables = `
  CREATE TABLE leads AS SELECT 'leads.csv' AS file, row, [] :: STRUCT(file VARCHAR, row BIGINT)[] AS joined_rows
    FROM (VALUES (1), (2)) t(row);
  CREATE TABLE events AS SELECT 'events.csv' AS file, row FROM (VALUES (1), (2), (4)) t(row);
  CREATE TABLE rejects (file VARCHAR, row BIGINT, field VARCHAR, reason VARCHAR, value VARCHAR);
  INSERT INTO rejects VALUES ('leads.csv', 3, 'lead_id', 'missing lead_id', NULL),
    ('events.csv', 3, 'at', 'missing date', NULL);
  CREATE TABLE src_leads AS SELECT * FROM range(1, 4) t(row);
  CREATE TABLE src_events AS SELECT * FROM range(1, 6) t(row);`;

const source = (name: string, rows: number) => ({
  table: `src_${name}`,
  label: `${name}.csv`,
  path: "",
  columns: [],
  rows
});

describe("reconcile", () => {
  it("counts a file whose rows map one to one onto leads or events", async () => {
    await withDatabase(async (db) => {
      await db.run(tables);
      await db.run("DELETE FROM src_events WHERE row = 5");
      expect(await reconcile(db, profile, "leads", source("leads", 3), "leads.csv", null)).toEqual({
        file: "leads.csv",
        read: 3,
        used: 2,
        rejected: 1,
        partlyRejected: 0
      });
      expect(await reconcile(db, profile, "events", source("events", 4), "leads.csv", null)).toEqual({
        file: "events.csv",
        read: 4,
        used: 3,
        rejected: 1,
        partlyRejected: 0
      });
    });
  });

  it("gives a row that yields nothing a reject of its own when the counts do not add up", async () => {
    await withDatabase(async (db) => {
      await db.run(tables);
      expect(await reconcile(db, profile, "events", source("events", 5), "leads.csv", null)).toEqual({
        file: "events.csv",
        read: 5,
        used: 3,
        rejected: 2,
        partlyRejected: 0
      });
      const added = await db.all("SELECT row, reason FROM rejects WHERE file = 'events.csv' ORDER BY row");
      expect(added).toEqual([
        {row: 3, reason: "missing date"},
        {row: 5, reason: "nothing to import (every mapped column is blank)"}
      ]);
      expect(reasonForm(added[1].reason as string)?.key).toBe("reason.nothingToImport");
    });
  });

  it("says why a joined file's unused rows joined no lead: a repeated key, or no row of the file it joins through", async () => {
    await withDatabase(async (db) => {
      await db.run(tables);
      await db.run(`CREATE OR REPLACE TABLE leads AS SELECT 'leads.csv' AS file, 1::BIGINT AS row,
          [{'file': 'campaigns.csv', 'row': 1}]::STRUCT(file VARCHAR, row BIGINT)[] AS joined_rows;
        CREATE TABLE src_campaigns AS SELECT * FROM (VALUES (1::BIGINT, 'C1'), (2, ' C1'), (3, 'C9')) t(row, "Id")`);
      const campaigns = {join: {column: "Id", on: "CampaignId", via: "members"}};
      const joined = {...profile, files: {...profile.files, campaigns}} as ImportProfile;
      expect(await reconcile(db, joined, "campaigns", source("campaigns", 3), "leads.csv", null)).toMatchObject({
        read: 3,
        used: 1,
        rejected: 2
      });
      const added = await db.all<{row: number; reason: string}>(
        "SELECT row, reason FROM rejects WHERE file = 'campaigns.csv' ORDER BY row"
      );
      expect(added).toEqual([
        {row: 2, reason: "duplicate join key (only the first row joins)"},
        {row: 3, reason: "matches no row of members that a lead joined"}
      ]);
      // Both are reasons the quality page translates.
      for (const {reason} of added) expect(reasonForm(reason), reason).toBeDefined();
    });
  });

  it("fails a build whose rows cannot all be accounted for", async () => {
    await withDatabase(async (db) => {
      await db.run(tables);
      await expect(reconcile(db, profile, "events", source("events", 6), "leads.csv", null)).rejects.toThrow(
        "events.csv: 6 rows read but 3 used + 2 rejected + 0 no event: rows were lost"
      );
    });
  });

  it("prints one line per file, with the rows that had a value rejected", () => {
    expect(
      formatReconciliation([
        {file: "leads.csv", read: 13, used: 10, rejected: 3, partlyRejected: 0},
        {file: "deals.csv", read: 1200, used: 1100, rejected: 50, partlyRejected: 7, notEvents: 50}
      ])
    ).toBe(
      "leads.csv: 13 rows read = 10 used + 3 rejected\ndeals.csv: 1,200 rows read = 1,100 used + 50 rejected + 50 no event (7 used rows had a value rejected)"
    );
  });
});
