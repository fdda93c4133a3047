import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {ProfileCompiler} from "../../../loaders/import/profile-sql.js";
import {sourceTable} from "../../../loaders/pipeline/ingest.js";
import {validateProfile} from "../../../loaders/import/profile.js";
import {withDatabase} from "../../../loaders/pipeline/duckdb.js";
import type {SourceTable} from "../../../loaders/pipeline/ingest.js";

const canonical = validateProfile(JSON.parse(readFileSync("data/profiles/canonical.json", "utf8")));

/** Source tables as the ingest step leaves them, with the given columns. */
function sources(leads: string[], events: string[]): Record<string, SourceTable> {
  const table = (name: string, columns: string[]) => ({
    table: sourceTable(name),
    label: `${name}.csv`,
    path: "",
    columns,
    rows: 1
  });
  return {leads: table("leads", leads), events: table("events", events)};
}

describe("ProfileCompiler", () => {
  it("names the profile key and the file's columns when a mapped column is missing", () => {
    const compiler = new ProfileCompiler(
      canonical,
      sources(["lead_id", "created"], ["lead_id", "at", "type", "value"])
    );
    expect(() => compiler.leadsSql()).toThrow(
      'profile canonical: leads.fields.created_at: column "created_at" is not in leads.csv (columns: lead_id, created)'
    );
  });

  it("maps trimmed cells with blanks as NULL: the SQL runs on DuckDB and keeps every row with its number", async () => {
    const profile = {...canonical, nullMarkers: ["n/a"]};
    const columns = ["lead_id", "created_at", "campaign", "source", "segment", "company_size", "region"];
    const compiler = new ProfileCompiler(profile, sources(columns, ["lead_id", "at", "type", "value"]));
    const rows = await withDatabase(async (db) => {
      await db.run(`CREATE TABLE src_leads AS SELECT * FROM (VALUES
        (1, ' L1 ', '2025-01-02', 'n/a', ' Webinar ', '', '', ''),
        (2, 'L2', '2025-01-03', 'Spring', '', '', '', '')) t(row, ${columns.join(", ")})`);
      await db.run(compiler.leadsSql());
      return db.all<{row: number; lead_id: string; campaign: string | null; source: string | null}>(
        "SELECT row, lead_id, campaign, source FROM raw_leads ORDER BY row"
      );
    });
    expect(rows).toEqual([
      expect.objectContaining({row: 1, lead_id: "L1", campaign: null, source: "Webinar"}),
      expect.objectContaining({row: 2, lead_id: "L2", campaign: "Spring", source: null})
    ]);
  });
});
