import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import writeExcelFile from "write-excel-file/node";
import {describe, expect, it} from "vitest";
import {workbookCsv} from "../../../loaders/pipeline/workbook.js";
import {withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {buildHandoffModel} from "../../../loaders/pipeline/handoff-model.js";
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
    const model = await withDatabase(async (db) => {
      const summary = await buildHandoffModel(db, {profile, paths: {contacts: path}}, handoffLadder);
      const leads = await db.all("SELECT lead_id FROM leads ORDER BY lead_id");
      return {files: summary.files, leads, rejects: await db.all("SELECT row, reason, value FROM rejects")};
    });
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
