import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import iconv from "iconv-lite";
import {describe, expect, it, vi} from "vitest";
import {utf8Copy} from "../../../loaders/pipeline/windows-1252.js";
import {withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {buildHandoffModel} from "../../../loaders/pipeline/handoff-model.js";
import {readSourceFile} from "../../../loaders/pipeline/ingest.js";
import {validateProfile} from "../../../loaders/import/profile.js";
import {handoffLadder} from "../../../src/lib/core/ladder.js";
import {temporaryDirectory} from "../../helpers/temporary.js";

// What Excel on a German Windows saves as "CSV (Trennzeichen-getrennt)": Windows-1252, semicolons.
const leads = "lead_id;created_at;Kampagne – Name\nA;01.02.2025;Webinar – Q1 „Cloud“\nB;01.02.2025;Straße, Köln\n";
const events =
  "lead_id;at;type;value\nA;02.02.2025;handed_off;\nA;10.02.2025;won;24.000,50 €\nB;03.02.2025;handed_off;\n";

describe("utf8Copy", () => {
  it("reads €, dashes and curly quotes as Windows-1252 has them, and latin-1's letters as they are", async () => {
    const directory = temporaryDirectory();
    const bytes = iconv.encode(leads, "windows-1252");
    expect(bytes.includes(0x96)).toBe(true); // the en dash: a control character in ISO 8859-1
    writeFileSync(join(directory, "leads.csv"), bytes);
    writeFileSync(join(directory, "zipped.csv.gz"), gzipSync(bytes));
    for (const file of ["leads.csv", "zipped.csv.gz"]) {
      const copy = await utf8Copy(join(directory, file), join(directory, "transcoded"));
      expect(copy).toBe(join(directory, "transcoded", file.replace(".gz", "")));
      expect(readFileSync(copy, "utf8")).toBe(leads);
    }
  });
});

describe("an export declared latin-1", () => {
  it("is read as Windows-1252, its header too: DuckDB's own latin-1 reader refused the file whole", async () => {
    const directory = temporaryDirectory();
    writeFileSync(join(directory, "leads.csv"), iconv.encode(leads, "windows-1252"));
    writeFileSync(join(directory, "events.csv"), iconv.encode(events, "windows-1252"));
    const profile = validateProfile({
      name: "excel-export",
      description: "An Excel CSV in Windows-1252",
      dateFormats: ["DD.MM.YYYY"],
      decimalSeparator: ",",
      files: {leads: {encoding: "latin-1"}, events: {encoding: "latin-1"}},
      leads: {file: "leads", fields: {lead_id: "lead_id", created_at: "created_at", campaign: "Kampagne – Name"}},
      events: [{shape: "long", file: "events", leadId: "lead_id", at: "at", type: "type", value: "value"}]
    });
    const paths = {leads: join(directory, "leads.csv"), events: join(directory, "events.csv")};
    const model = await withDatabase(async (db) => {
      await buildHandoffModel(db, {profile, paths}, handoffLadder, Date.parse("2025-06-01"));
      return db.all<{campaign: string; amount: number | null}>(
        "SELECT l.campaign, h.amount FROM leads l JOIN handoffs h USING (lead_id) ORDER BY lead_id"
      );
    });
    expect(model).toEqual([
      {campaign: "Webinar – Q1 „Cloud“", amount: 24000.5},
      {campaign: "Straße, Köln", amount: null}
    ]);
  });

  it("names the file the user gave when it cannot be read, not the copy", async () => {
    const directory = temporaryDirectory();
    const path = join(directory, "leads.csv");
    writeFileSync(path, iconv.encode(leads + "C;01.02.2025;x;y\n", "windows-1252"));
    const profile = validateProfile({
      name: "excel-export",
      description: "An Excel CSV in Windows-1252",
      files: {leads: {encoding: "latin-1"}},
      leads: {file: "leads", fields: {lead_id: "lead_id", created_at: "created_at"}},
      events: []
    });
    await expect(
      withDatabase((db) => buildHandoffModel(db, {profile, paths: {leads: path}}, handoffLadder))
    ).rejects.toThrow(`${path}: cannot be read: rows have different numbers of fields (line 4)`);
  });
});

describe("a wide export declared latin-1", () => {
  it("is staged column by column either way, as ISO 8859-1 or through the copy", async () => {
    const directory = temporaryDirectory();
    for (const campaign of ["Straße", "Webinar – Q1"]) {
      const path = join(directory, "leads.csv");
      writeFileSync(path, iconv.encode(`a,b,c,d,e\n1,x,${campaign},y,z\n`, "windows-1252"));
      const read = await withDatabase(async (db) => {
        const source = await readSourceFile(db, path, "t", {encoding: "latin-1"}, false, (c) => c === "a" || c === "c");
        return {columns: source.columns, rows: await db.all("SELECT * FROM t")};
      });
      expect(read).toEqual({columns: ["a", "b", "c", "d", "e"], rows: [{row: 1, a: "1", c: campaign}]});
    }
  });
});

describe("a Windows-1252 report with a title above its header", () => {
  it("reads from the header, and says once which lines it did not read (not again for the UTF-8 copy)", async () => {
    const path = join(temporaryDirectory(), "report.csv");
    writeFileSync(path, iconv.encode(`Kontakte – Stand 05.12.2025\n\n${leads}`, "windows-1252"));
    const said = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const notes: string[] = [];
    const rows = await withDatabase(async (db) => {
      await readSourceFile(db, path, "t", {encoding: "latin-1"}, false, (c) => ["lead_id", "created_at"].includes(c));
      return db.all(`SELECT row, lead_id, "Kampagne – Name" AS campaign FROM t ORDER BY row`);
    }).finally(() => {
      notes.push(...said.mock.calls.map(([text]) => String(text)));
      said.mockRestore();
    });
    expect(rows).toEqual([
      {row: 1, lead_id: "A", campaign: "Webinar – Q1 „Cloud“"},
      {row: 2, lead_id: "B", campaign: "Straße, Köln"}
    ]);
    expect(notes).toEqual([
      "leadstage: report.csv: header found on line 3, under a report's title: lines 1–2 not read\n"
    ]);
  });
});
