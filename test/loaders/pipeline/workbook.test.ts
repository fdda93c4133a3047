import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import writeExcelFile from "write-excel-file/node";
import {describe, expect, it, vi} from "vitest";
import {workbookCsv} from "../../../loaders/pipeline/workbook.js";
import {withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {buildHandoffModel} from "../../../loaders/pipeline/handoff-model.js";
import {locateInput} from "../../../loaders/pipeline/input.js";
import {validateProfile} from "../../../loaders/import/profile.js";
import {blankRowReason} from "../../../loaders/pipeline/blank-rows.js";
import {handoffLadder} from "../../../src/lib/core/ladder.js";
import {temporaryDirectory} from "../../helpers/temporary.js";

/** A date cell as Excel stores it: the clock time shown, no time zone (written here as UTC). */
const date = (text: string, format = "dd.mm.yyyy hh:mm") => ({value: new Date(`${text}Z`), type: Date, format});

/** A HubSpot-like contacts sheet: typed dates, a date typed as text, amounts, a blank row between the data. */
const contacts = [
  ["Record ID", "Create Date", "Campaign", "Handoff Date", "Deal Amount"],
  [1001, date("2025-02-03T09:15:00"), 'Webinar, "Cloud" – Q1', date("2025-02-04T10:00:00"), 24000.5],
  [1002, "03.02.2025 11:30", "Messe\nMünchen", "05.02.2025 08:00", null],
  [null, null, null, null, null],
  ["1003", date("2025-02-06T00:00:00", "dd.mm.yyyy"), "Newsletter", null, null]
];

/** The workbook at a fresh path: the contacts first, a notes sheet after them. */
async function workbook(): Promise<string> {
  const path = join(temporaryDirectory(), "contacts.xlsx");
  await writeExcelFile([
    {data: contacts, sheet: "Contacts"},
    {data: [["Note"], ["exported by HubSpot"]], sheet: "Notes"}
  ]).toFile(path);
  return path;
}

describe("workbookCsv", () => {
  it("writes the first sheet as CSV: dates in ISO 8601, text quoted where it must be, the blank row kept", async () => {
    const path = await workbook();
    const copy = await workbookCsv(path, undefined, join(temporaryDirectory(), "copy"));
    expect(copy.endsWith("/contacts.xlsx.csv")).toBe(true);
    expect(readFileSync(copy, "utf8")).toBe(
      [
        "Record ID,Create Date,Campaign,Handoff Date,Deal Amount",
        '1001,2025-02-03 09:15:00,"Webinar, ""Cloud"" – Q1",2025-02-04 10:00:00,24000.5',
        '1002,03.02.2025 11:30,"Messe\nMünchen",05.02.2025 08:00,',
        ",,,,",
        "1003,2025-02-06,Newsletter,,",
        ""
      ].join("\n")
    );
  });

  it("reads the sheet a profile names or numbers, and lists the sheets when there is no such one", async () => {
    const path = await workbook();
    const directory = temporaryDirectory();
    for (const sheet of ["Notes", 2]) {
      const copy = await workbookCsv(path, sheet, directory);
      expect(readFileSync(copy, "utf8")).toBe("Note\nexported by HubSpot\n");
    }
    await expect(workbookCsv(path, "Deals", directory)).rejects.toThrow(
      `${path}: no sheet "Deals" in the workbook (its sheets: "Contacts", "Notes")`
    );
  });

  it("reads every date cell at the second it shows, and milliseconds where a cell has them", async () => {
    // read-excel-file floored Excel's day fractions to the millisecond: 03:30:00, stored a hair below, read 03:29:59.
    const minutes = Array.from({length: 24 * 60}, (_, i) => new Date(Date.UTC(2024, 11, 9) + i * 60_000));
    const texts = minutes.map((d) => d.toISOString().slice(0, 19).replace("T", " "));
    const path = join(temporaryDirectory(), "minutes.xlsx");
    const cell = (text: string) => date(text.replace(" ", "T"), "yyyy-mm-dd hh:mm:ss");
    const rows = [["At"], ...texts.map((text) => [cell(text)]), [cell("2025-03-01 10:00:00.250")]];
    await writeExcelFile(rows).toFile(path);
    const lines = readFileSync(await workbookCsv(path, undefined, temporaryDirectory()), "utf8")
      .trimEnd()
      .split("\n");
    expect(lines).toEqual(["At", "2024-12-09", ...texts.slice(1), "2025-03-01 10:00:00.250"]);
  });

  it("writes a sheet of 200,000 rows (its width was taken by spreading every row as an argument)", async () => {
    const path = join(temporaryDirectory(), "tall.xlsx");
    await writeExcelFile([["Record ID"], ...Array.from({length: 200_000}, (_, i) => [i + 1])]).toFile(path);
    const lines = readFileSync(await workbookCsv(path, undefined, temporaryDirectory()), "utf8").split("\n");
    expect([lines.length, lines[0], lines[200_000]]).toEqual([200_002, "Record ID", "200000"]);
  });

  it("says so for a file that is no workbook, naming it", async () => {
    const path = join(temporaryDirectory(), "broken.xlsx");
    writeFileSync(path, "lead_id,created_at\nA,2025-01-01\n");
    await expect(workbookCsv(path, undefined, temporaryDirectory())).rejects.toThrow(
      new RegExp(`^${path}: cannot be read as an Excel workbook \\(.*\\): save it again$`)
    );
  });
});

describe("an export as an Excel workbook", () => {
  it("imports like its CSV: typed dates and dates typed as text, Excel's row numbers in the rejects", async () => {
    const path = await workbook();
    const profile = validateProfile({
      name: "hubspot-xlsx",
      description: "HubSpot contacts exported as a workbook",
      timezone: "Europe/Berlin",
      dateFormats: ["DD.MM.YYYY HH:mm", "DD.MM.YYYY"],
      files: {contacts: {}},
      leads: {file: "contacts", fields: {lead_id: "Record ID", created_at: "Create Date", campaign: "Campaign"}},
      events: [
        {
          shape: "wide",
          file: "contacts",
          leadId: "Record ID",
          milestones: [{column: "Handoff Date", type: "handed_off"}]
        }
      ]
    });
    const model = await withDatabase(async (db) => {
      const summary = await buildHandoffModel(
        db,
        {profile, paths: {contacts: path}},
        handoffLadder,
        Date.parse("2026-01-01")
      );
      const leads = await db.all(
        "SELECT lead_id, created_at::VARCHAR AS created_at, campaign FROM leads ORDER BY lead_id"
      );
      const rejects = await db.all("SELECT file, row, reason FROM rejects");
      return {files: summary.files, leads, rejects};
    });
    expect(model.files).toEqual([{file: "contacts.xlsx", read: 4, used: 3, rejected: 1, partlyRejected: 0}]);
    // Berlin is an hour ahead of UTC in February.
    expect(model.leads).toEqual([
      {lead_id: "1001", created_at: "2025-02-03 08:15:00", campaign: 'Webinar, "Cloud" – Q1'},
      {lead_id: "1002", created_at: "2025-02-03 10:30:00", campaign: "Messe\nMünchen"},
      {lead_id: "1003", created_at: "2025-02-05 23:00:00", campaign: "Newsletter"}
    ]);
    // The blank row is the sheet's row 4: data row 3.
    expect(model.rejects).toEqual([{file: "contacts.xlsx", row: 3, reason: blankRowReason}]);
  });

  it("finds the header under a formatted report's title rows, rows numbered from the header as before", async () => {
    const path = join(temporaryDirectory(), "report.xlsx");
    const title: typeof contacts = [["Contacts with handoffs"], ["As of 05.12.2025 by Petra Schmidt"], [], []];
    await writeExcelFile([...title, ...contacts]).toFile(path);
    const profile = validateProfile({
      name: "hubspot-report",
      description: "HubSpot contacts exported as a formatted report",
      timezone: "Europe/Berlin",
      dateFormats: ["DD.MM.YYYY HH:mm", "DD.MM.YYYY"],
      files: {contacts: {}},
      leads: {file: "contacts", fields: {lead_id: "Record ID", created_at: "Create Date"}},
      events: []
    });
    const said = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const lines: string[] = [];
    const model = await withDatabase(async (db) => {
      const summary = await buildHandoffModel(db, {profile, paths: {contacts: path}}, handoffLadder);
      const leads = await db.all("SELECT lead_id FROM leads ORDER BY lead_id");
      return {files: summary.files, leads, rejects: await db.all("SELECT row, reason, value FROM rejects")};
    }).finally(() => {
      lines.push(...said.mock.calls.map(([text]) => String(text)));
      said.mockRestore();
    });
    // What the build says names the workbook and its rows, not the CSV copy it reads.
    expect(lines).toContain(
      "leadstage: report.xlsx: header found on line 5, under a report's title: lines 1–4 not read\n"
    );
    expect(model.files).toEqual([{file: "report.xlsx", read: 4, used: 3, rejected: 1, partlyRejected: 0}]);
    expect(model.leads).toEqual([{lead_id: "1001"}, {lead_id: "1002"}, {lead_id: "1003"}]);
    expect(model.rejects).toEqual([{row: 3, reason: blankRowReason, value: null}]);
  });

  it("reads the sheet the profile names, and names the workbook in what it says", async () => {
    const path = await workbook();
    const profile = validateProfile({
      name: "hubspot-xlsx",
      description: "HubSpot contacts exported as a workbook",
      files: {contacts: {sheet: "Notes"}},
      leads: {file: "contacts", fields: {lead_id: "Record ID", created_at: "Create Date"}},
      events: []
    });
    await expect(
      withDatabase((db) => buildHandoffModel(db, {profile, paths: {contacts: path}}, handoffLadder))
    ).rejects.toThrow(
      `profile hubspot-xlsx: leads.fields.lead_id: column "Record ID" is not in contacts.xlsx (columns: Note)`
    );
    expect(() => validateProfile({...profile, files: {contacts: {sheet: 0}}})).toThrow(/files\.contacts\.sheet/);
  });
});

describe("Leadstage's own folder with workbooks (LEADSTAGE_DATA)", () => {
  /** The small fixture's table as a workbook sheet: every cell as its text, the creation days as Excel date cells. */
  async function asWorkbook(folder: string, table: string): Promise<void> {
    const [header, ...rows] = readFileSync(`test/fixtures/small/${table}.csv`, "utf8").trimEnd().split("\n");
    const names = header.split(",");
    // A date the fixture writes wrong on purpose ("31/02/2024") stays text, as a spreadsheet keeps it.
    const isDay = (name: string, text: string) => name === "created_at" && /^\d{4}-\d{2}-\d{2}$/.test(text);
    const cell = (name: string, text: string) =>
      isDay(name, text) ? date(`${text}T00:00:00`, "yyyy-mm-dd") : text === "" ? null : text;
    const sheet = [names, ...rows.map((row) => row.split(",").map((text, i) => cell(names[i], text)))];
    await writeExcelFile(sheet as typeof contacts).toFile(join(folder, `${table}.xlsx`));
  }

  /** The model of a folder: each file's reconciliation, the rejects and the handoffs. */
  const modelOf = (folder: string) =>
    withDatabase(async (db) => {
      const summary = await buildHandoffModel(db, locateInput(folder), handoffLadder, Date.parse("2026-01-01"));
      const rejects = await db.all("SELECT row, field, reason, value FROM rejects ORDER BY file, row, field");
      const handoffs = await db.all(
        "SELECT lead_id, handoff_seq, stage_at_handoff, outcome, amount FROM handoffs ORDER BY ALL"
      );
      return {files: summary.files.map(({file, ...counts}) => counts), rejects, handoffs};
    });

  it("reads leads.xlsx and events.xlsx as their CSVs: the same rows, rejects and handoffs", async () => {
    const folder = temporaryDirectory();
    await asWorkbook(folder, "leads");
    await asWorkbook(folder, "events");
    const [fromCsv, fromWorkbooks] = [await modelOf("test/fixtures/small"), await modelOf(folder)];
    expect(fromWorkbooks).toEqual(fromCsv);
    expect(fromCsv.handoffs.length).toBe(10);
  });
});
