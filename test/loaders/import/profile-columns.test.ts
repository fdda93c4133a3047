import {readFileSync, writeFileSync} from "node:fs";
import {basename, join} from "node:path";
import {describe, expect, it} from "vitest";
import {temporaryDirectory} from "../../helpers/temporary.js";
import {readsColumn} from "../../../loaders/import/profile-columns.js";
import {loadProfile} from "../../../loaders/import/importer.js";
import {leadFields} from "../../../src/lib/core/model.js";
import {withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {buildHandoffModel} from "../../../loaders/pipeline/handoff-model.js";
import {handoffLadder} from "../../../src/lib/core/ladder.js";

describe("readsColumn", () => {
  const profile = loadProfile("hubspot-lifecycle");
  const reads = readsColumn(profile);

  it("takes every column the profile names: lead fields, milestones, join keys", () => {
    for (const column of ["Record ID", "Create Date", "First Campaign", "ICP Fit Date", "Deal Amount", "Contact ID"]) {
      expect(reads(column), column).toBe(true);
    }
  });

  it("compares without regard to case or surrounding space, as the canonical profile matches columns", () => {
    expect(reads(" record id ")).toBe(true);
  });

  it("leaves out the columns marked personal and those it never names", () => {
    expect(profile.files.contacts.personal).toContain("Email");
    for (const column of ["Email", "First Name", "Phone Number", "Property 7", "(unnamed column 11)"]) {
      expect(reads(column), column).toBe(false);
    }
  });

  it("takes none of the data's values, formats or settings for a column name", () => {
    const snapshot = readsColumn(loadProfile("snapshot-lead-scoring"));
    // Its null marker, the values a milestone counts on, and a column it does read.
    expect(["Select", "High in Relevance", "1", "Prospect ID"].map(snapshot)).toEqual([false, false, false, true]);
    const german = readsColumn(loadProfile("test/fixtures/exports/german-amounts/profile.json"));
    expect(["ICP bestätigt", "Europe/Berlin", "DD.MM.YYYY HH:mm", "Status", "Datum"].map(german)).toEqual([
      false,
      false,
      false,
      true,
      true
    ]);
  });

  it("adds the names a profile reads without naming them (the canonical one's optional lead fields)", () => {
    const canonical = {...profile, name: "canonical"};
    expect(readsColumn(canonical)("company_size")).toBe(false);
    expect(readsColumn(canonical, leadFields)("Company_Size")).toBe(true);
  });
});

describe("an import", () => {
  it("stages only the columns its profile reads from a wide export: its personal ones never reach DuckDB", async () => {
    const profile = loadProfile("hubspot-lifecycle");
    const directory = temporaryDirectory();
    const paths: Record<string, string> = {};
    for (const [name, file] of Object.entries(profile.files)) {
      paths[name] = join(directory, basename(file.default!));
      const lines = readFileSync(file.default!, "utf8").trimEnd().split("\n");
      // An "all properties" export: twenty more columns no profile reads.
      const extra = (i: number) => Array.from({length: 20}, (_, k) => (i === 0 ? `Property ${k}` : "x")).join(",");
      const wide = name === "contacts" ? lines.map((d, i) => `${d},${extra(i)}`) : lines;
      writeFileSync(paths[name], wide.join("\n") + "\n");
    }
    const {staged, files} = await withDatabase(async (db) => {
      const summary = await buildHandoffModel(db, {profile, paths}, handoffLadder, Date.parse("2026-01-01"));
      const columns = await db.all<{name: string}>(
        "SELECT column_name AS name FROM duckdb_columns() WHERE table_name = 'src_contacts_staging'"
      );
      return {staged: columns.map((d) => d.name), files: summary.files};
    });
    expect(staged).toContain("Record ID");
    expect(staged).not.toContain("Property 0");
    for (const column of profile.files.contacts.personal!) expect(staged).not.toContain(column);
    // Every row is still read and accounted for.
    expect(files.find((d) => d.file === "contacts.csv")).toMatchObject({read: 5, used: 5});
  });
});
