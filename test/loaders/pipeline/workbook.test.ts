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
import {temporaryDirectory, temporaryFile} from "../../helpers/temporary.js";
import {handMadeWorkbook} from "../../helpers/workbook.js";
import {InputError} from "../../../loaders/pipeline/input.js";
import {Random} from "../../../loaders/tools/sample-random.js";

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
    // Excel's day fractions floored to the millisecond (read-excel-file 9.3): 03:30:00, stored a hair below, read 03:29:59.
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

  it("follows the workbook's tabs, not its part names, with the shared strings stored after the sheets", async () => {
    // Excel's own order: the sheets first, the shared strings last; the first tab stored as the last part.
    const path = handMadeWorkbook("tabs.xlsx", {
      sheets: [
        {
          name: "Contacts",
          rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2"><v>1001</v></c></row>'
        },
        {name: "Notes", rows: '<row r="1"><c r="A1" t="s"><v>1</v></c></row>'}
      ],
      sharedStrings: ["Record ID", "Note"]
    });
    const directory = temporaryDirectory();
    expect(readFileSync(await workbookCsv(path, undefined, directory), "utf8")).toBe("Record ID\n1001\n");
    expect(readFileSync(await workbookCsv(path, "Notes", directory), "utf8")).toBe("Note\n");
    expect(readFileSync(await workbookCsv(path, 1, directory), "utf8")).toBe("Record ID\n1001\n");
  });

  it("keeps blank rows above and between the data as blank lines, leaves out those below it", async () => {
    const cell = (reference: string, value: number) => `<c r="${reference}"><v>${value}</v></c>`;
    const path = handMadeWorkbook("blanks.xlsx", {
      sheets: [
        {
          name: "A",
          rows:
            `<row r="2">${cell("A2", 1)}${cell("B2", 2)}</row><row r="3"><c r="A3" s="0"/></row>` +
            `<row r="5">${cell("B5", 3)}</row><row r="6"><c r="A6"/></row><row r="9"><c r="C9" s="0"/></row>`
        }
      ]
    });
    expect(readFileSync(await workbookCsv(path, undefined, temporaryDirectory()), "utf8")).toBe(",\n1,2\n,\n,\n,3\n");
  });

  it("widens the lines above a row wider than all before it, so that every line has as many fields", async () => {
    const path = handMadeWorkbook("wide.xlsx", {
      sheets: [
        {
          name: "A",
          rows:
            '<row r="1"><c r="A1" t="inlineStr"><is><t>lead_id</t></is></c><c r="B1" t="inlineStr"><is><t>at</t></is></c></row>' +
            '<row r="2"><c r="A2" t="inlineStr"><is><t>a,"b"</t></is></c></row><row r="4"><c r="D4"><v>7</v></c></row>' +
            '<row r="5"><c r="A5"><v>8</v></c></row>'
        }
      ]
    });
    expect(readFileSync(await workbookCsv(path, undefined, temporaryDirectory()), "utf8")).toBe(
      'lead_id,at,,\n"a,""b""",,,\n,,,\n,,,7\n8,,,\n'
    );
  });

  it("says what to do with a password-protected workbook (a compound file, not a zip)", async () => {
    const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const path = temporaryFile("protected.xlsx", Buffer.concat([header, Buffer.alloc(4096)]));
    await expect(workbookCsv(path, undefined, temporaryDirectory())).rejects.toThrow(
      `${path}: a password-protected workbook (or an old .xls under a new name), which cannot be read: save it as .xlsx without a password, or as CSV UTF-8`
    );
  });

  it("gives a CSV or one clear error naming the file for each of 60 damaged copies of a workbook", async () => {
    // Bytes overwritten at random places (seeded): zip records, deflate streams and, once inflated, the XML.
    const whole = readFileSync(await workbook());
    const random = new Random(20261206);
    const outcomes = {read: 0, refused: 0};
    for (let copy = 0; copy < 60; ++copy) {
      const bytes = Buffer.from(whole);
      for (let flips = 1 + Math.floor(random.next() * 4); flips > 0; --flips) {
        bytes[Math.floor(random.next() * bytes.length)] = Math.floor(random.next() * 256);
      }
      const path = temporaryFile(`damaged-${copy}.xlsx`, bytes);
      try {
        await workbookCsv(path, undefined, temporaryDirectory());
        outcomes.read += 1;
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        expect((error as Error).message.startsWith(`${path}: `)).toBe(true);
        outcomes.refused += 1;
      }
    }
    expect(outcomes.read + outcomes.refused).toBe(60);
    expect(outcomes.refused).toBeGreaterThan(10);
  });

  it("says so for a truncated workbook and for one without a worksheet, naming the file", async () => {
    const whole = readFileSync(await workbook());
    const truncated = temporaryFile("truncated.xlsx", whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(workbookCsv(truncated, undefined, temporaryDirectory())).rejects.toThrow(
      new RegExp(`^${truncated}: cannot be read as an Excel workbook \\(.+\\): save it again$`)
    );
    const sheetless = handMadeWorkbook("sheetless.xlsx", {sheets: []});
    await expect(workbookCsv(sheetless, undefined, temporaryDirectory())).rejects.toThrow(
      `${sheetless}: cannot be read as an Excel workbook (it has no worksheet): save it again`
    );
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
