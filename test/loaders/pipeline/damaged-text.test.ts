import {describe, expect, it} from "vitest";
import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {sqlString, withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {damagedTextFieldSql, damagedTextReason} from "../../../loaders/pipeline/damaged-text.js";
import {validateProfile} from "../../../loaders/import/profile.js";
import {loadProfile} from "../../../loaders/import/importer.js";
import {en} from "../../../src/lib/i18n/en.js";
import {modelOf, temporaryDirectory} from "../../helpers/model.js";
import {profileModel} from "../../helpers/profile-model.js";

describe("damagedTextFieldSql", () => {
  it("names the export's column of each descriptive field, the data's own dimensions included", () => {
    const sql = damagedTextFieldSql(loadProfile("hubspot-lifecycle"));
    // The HubSpot example reads the segment from its enrichment file's "Industry".
    expect(sql).toContain(`WHEN contains("segment", chr(0)) THEN 'Industry'`);
    expect(sql).toContain(`WHEN contains("campaign", chr(0)) THEN 'First Campaign'`);
    const own = validateProfile({
      name: "own",
      description: "One own dimension.",
      files: {leads: {}},
      leads: {file: "leads", fields: {lead_id: "id", created_at: "created"}},
      dimensions: {product: {column: "Product", label: {en: "Product", de: "Produkt"}}},
      events: [{shape: "wide", file: "leads", leadId: "id", milestones: [{column: "created", type: "handed_off"}]}]
    });
    expect(damagedTextFieldSql(own)).toBe(`CASE WHEN contains("dim_product", chr(0)) THEN 'Product' END`);
  });

  it("is NULL for a profile that maps no descriptive field", () => {
    const bare = validateProfile({
      name: "bare",
      description: "Ids and dates only.",
      files: {leads: {}},
      leads: {file: "leads", fields: {lead_id: "id", created_at: "created"}},
      events: [{shape: "wide", file: "leads", leadId: "id", milestones: [{column: "created", type: "handed_off"}]}]
    });
    expect(damagedTextFieldSql(bare)).toBe("NULL::VARCHAR");
  });

  it("gives the reason the pages translate", () => {
    expect(en["reason.damagedText"]).toBe(damagedTextReason);
  });
});

describe("a NUL character in a lead's descriptive field", () => {
  it("rejects the lead of a Parquet file, naming its row and column (DuckDB's sort by the ENUM failed on it)", async () => {
    const directory = temporaryDirectory();
    await withDatabase(async (db) => {
      await db.run(`COPY (SELECT * FROM (VALUES ('A', '2025-01-01', 'Spring webinar'), ('B', '2025-01-01',
        'Spring' || chr(0) || ' webinar')) t(lead_id, created_at, campaign)) TO ${sqlString(join(directory, "leads.parquet"))}`);
    });
    writeFileSync(join(directory, "events.csv"), "lead_id,at,type\nA,2025-01-02,handed_off\nB,2025-01-02,handed_off\n");
    const {rejects, handoffs} = await modelOf(directory);
    expect(rejects.map((d) => [d.file, d.row, d.field, d.reason])).toEqual([
      ["events.csv", 2, "lead_id", "its lead was rejected"],
      ["leads.parquet", 2, "campaign", damagedTextReason]
    ]);
    expect(handoffs.map((d) => d.lead_id)).toEqual(["A"]);
  });

  it("rejects the lead of a joined file's value, naming that file's column", async () => {
    const profile = loadProfile("hubspot-lifecycle");
    const contacts = profile.files.contacts.default!;
    const lines = (path: string) => readFileSync(path, "utf8").trimEnd().split("\n");
    const [header, ...rows] = lines(profile.files.enrichment.default!);
    // Rows of no contact first, so that the NUL lies past the 8 KB the binary check reads (they are rejected too).
    const padding = Array.from({length: 500}, (_, i) => `${90000 + i},Padding,1-49`);
    const enrichment = [header, ...padding, ...rows.map((d) => d.replace("Retail", "Ret\u0000ail"))];
    const rejects = await profileModel(
      profile,
      {contacts: lines(contacts), enrichment, activities: lines(profile.files.activities.default!)},
      (db) => db.all<{file: string; field: string; reason: string}>("SELECT file, field, reason FROM rejects")
    );
    expect(rejects.filter((d) => d.reason === damagedTextReason)).toEqual([
      {file: "contacts.csv", field: "Industry", reason: damagedTextReason}
    ]);
  });
});
