// Joins on any key: an accounts file keyed by account name, several leads to one account. A lead without an account
// row keeps its lead but is flagged with its key, and the importer counts such leads against its threshold.
import {reasonForm} from "../../../src/lib/i18n/reject-reasons.js";
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {buildHandoffModel} from "../../../loaders/pipeline/handoff-model.js";
import {withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {rejectReasons} from "../../../loaders/pipeline/reject-reasons.js";
import {validateProfile} from "../../../loaders/import/profile.js";
import {runImport} from "../../../loaders/import/importer.js";
import {handoffLadder} from "../../../src/lib/core/ladder.js";
import {temporaryDirectory} from "../../helpers/temporary.js";

const profile = validateProfile({
  name: "accounts",
  description: "Leads with an account name; segment and region come from the accounts file.",
  files: {leads: {}, events: {}, accounts: {join: {column: "name", on: "account"}}},
  leads: {
    file: "leads",
    fields: {
      lead_id: "id",
      created_at: "created",
      segment: {column: "segment", file: "accounts"},
      region: {column: "region", file: "accounts"}
    }
  },
  events: [{shape: "long", file: "events", leadId: "id", at: "at", type: "type"}]
});

let paths: Record<string, string>;
beforeAll(() => {
  const directory = temporaryDirectory();
  const write = (name: string, lines: string[]) => writeFileSync(join(directory, name), lines.join("\n") + "\n");
  write("leads.csv", [
    "id,created,account",
    "A,2025-01-01,Acme",
    "B,2025-01-02,Acme",
    "C,2025-01-03,Globex",
    "D,2025-01-04,Nowhere"
  ]);
  write("events.csv", ["id,at,type", "A,2025-01-05,handed_off", "D,2025-01-06,handed_off"]);
  write("accounts.csv", [
    "name,segment,region",
    "Acme,Software,DACH",
    "Globex,Retail,UK",
    "Acme,Other,Elsewhere",
    "Initech,Energy,Nordics"
  ]);
  paths = {
    leads: join(directory, "leads.csv"),
    events: join(directory, "events.csv"),
    accounts: join(directory, "accounts.csv")
  };
});

describe("a join on another key than the lead id", () => {
  it("gives every lead its account's fields, and accounts for every accounts row", async () => {
    const result = await withDatabase(async (db) => {
      const summary = await buildHandoffModel(db, {profile, paths}, handoffLadder, Date.parse("2025-06-01"));
      const leads = await db.all<{lead_id: string; segment: string | null}>(
        "SELECT lead_id, segment FROM leads ORDER BY lead_id"
      );
      return {summary, leads, rejects: await rejectReasons(db, "rejects"), flags: await rejectReasons(db, "flags")};
    });
    expect(result.leads).toEqual([
      {lead_id: "A", segment: "Software"},
      {lead_id: "B", segment: "Software"},
      {lead_id: "C", segment: "Retail"},
      {lead_id: "D", segment: null}
    ]);
    expect(result.summary.files.find((d) => d.file === "accounts.csv")).toEqual({
      file: "accounts.csv",
      read: 4,
      used: 2,
      rejected: 2,
      partlyRejected: 0
    });
    expect(result.rejects.map((d) => [d.reason, d.count])).toEqual([
      ["duplicate join key (only the first row joins)", 1],
      ["matches no lead in leads.csv", 1]
    ]);
    // The quality page translates every one of them.
    for (const {reason} of [...result.rejects, ...result.flags]) expect(reasonForm(reason), reason).toBeDefined();
    expect(result.flags).toEqual([
      {
        file: "leads.csv",
        field: "account",
        reason: "no matching row (its fields stay unknown) in accounts.csv",
        count: 1,
        examples: [{row: 4, value: "Nowhere"}]
      }
    ]);
  });

  it("keeps one lead per row of the leads file, which the events name their lead by (lead_row)", async () => {
    // A repeated join key (Acme twice in accounts.csv) must not repeat a lead: every join and grouping by lead after
    // validation goes through the lead's row, so two leads on one row would give their events to both.
    const result = await withDatabase(async (db) => {
      await buildHandoffModel(db, {profile, paths}, handoffLadder, Date.parse("2025-06-01"));
      const rows = await db.one<{leads: number; rows: number}>(
        "SELECT count(*) AS leads, count(DISTINCT row) AS rows FROM leads"
      );
      const events = await db.all<{lead_id: string; type: string}>(
        `SELECT l.lead_id, e.type FROM events e JOIN leads l ON l.row = e.lead_row ORDER BY l.lead_id`
      );
      return {rows, events};
    });
    expect(result.rows).toEqual({leads: 4, rows: 4});
    expect(result.events).toEqual([
      {lead_id: "A", type: "handed_off"},
      {lead_id: "D", type: "handed_off"}
    ]);
  });

  it("fails the import when more leads than the threshold lack their joined fields, naming file and key", async () => {
    await expect(runImport({profile, paths, maxRejectRate: 0.2})).rejects.toThrow(
      'import failed: 25.0% of 4 leads have no row in accounts.csv for their account (e.g. "Nowhere"), above the threshold of 20.0%'
    );
    const description = await runImport({profile, paths, maxRejectRate: 0.3});
    expect(description.importFlags.map((d) => d.count)).toEqual([1]);
  });
});
