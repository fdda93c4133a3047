// Workbooks through the whole import (workbook.ts's CSV copy read by the pipeline): profiles, Leadstage's own folder
// and the real Olist export saved as workbooks.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import writeExcelFile from "write-excel-file/node";
import {describe, expect, it, vi} from "vitest";
import {csvParseRows} from "d3-dsv";
import {withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {buildHandoffModel} from "../../../loaders/pipeline/handoff-model.js";
import {locateInput} from "../../../loaders/pipeline/input.js";
import {validateProfile} from "../../../loaders/import/profile.js";
import {loadProfile} from "../../../loaders/import/importer.js";
import {blankRowReason} from "../../../loaders/pipeline/blank-rows.js";
import {handoffLadder} from "../../../src/lib/core/ladder.js";
import {temporaryDirectory} from "../../helpers/temporary.js";
import {contacts, contactsWorkbook, dateCell, type SheetRows} from "../../helpers/workbook.js";
import {olistCsv, olistModel} from "../../helpers/olist-model.js";

describe("an export as an Excel workbook", () => {
  it("imports like its CSV: typed dates and dates typed as text, Excel's row numbers in the rejects", async () => {
    const path = await contactsWorkbook();
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
    const title: SheetRows = [["Contacts with handoffs"], ["As of 05.12.2025 by Petra Schmidt"], [], []];
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
    const path = await contactsWorkbook();
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

  it("reads Excel's elapsed time as a duration, and names a clock time without a day as what it is", async () => {
    const path = join(temporaryDirectory(), "deals.xlsx");
    const elapsed = (days: number) => ({value: days, type: Number, format: "[h]:mm:ss"});
    await writeExcelFile([
      ["Opportunity", "Created", "To Meeting", "To Close", "Result"],
      ["o1", dateCell("2025-02-03T09:15:00"), elapsed(1.5), 30, "Won"],
      ["o2", {value: 0.4375, type: Number, format: "hh:mm"}, elapsed(0.25), 12, "Loss"]
    ]).toFile(path);
    const profile = validateProfile({
      name: "win-loss-xlsx",
      description: "A win/loss workbook: time to the first meeting as Excel's elapsed time, days to close",
      times: "durations",
      files: {deals: {}},
      leads: {file: "deals", fields: {lead_id: "Opportunity", created_at: "Created"}},
      events: [
        {
          shape: "wide",
          file: "deals",
          leadId: "Opportunity",
          milestones: [
            {column: "To Meeting", type: "handed_off", time: "days"},
            {column: "To Close", type: "won", time: "days", when: {column: "Result", values: ["Won"]}},
            {column: "To Close", type: "lost", time: "days", when: {column: "Result", values: ["Loss"]}}
          ]
        }
      ]
    });
    const model = await withDatabase(async (db) => {
      await buildHandoffModel(db, {profile, paths: {deals: path}}, handoffLadder, Date.parse("2026-01-01"));
      return {
        handoffs: await db.all("SELECT lead_id, handoff_at::VARCHAR AS handoff_at FROM handoffs ORDER BY lead_id"),
        rejects: await db.all("SELECT row, field, reason, value FROM rejects ORDER BY row, field")
      };
    });
    // 36 hours after the creation; the creation "10:30" has no day: read as a date it was 1899-12-31 10:30.
    expect(model.handoffs).toEqual([{lead_id: "o1", handoff_at: "2025-02-04 21:15:00"}]);
    const unparseable = "unparseable date (expected ISO 8601, e.g. 2025-03-31 or 2025-03-31T14:05:00Z)";
    const leadRejected = {row: 2, field: "Opportunity", reason: "its lead was rejected", value: "o2"};
    expect(model.rejects).toEqual([
      {row: 2, field: "Created", reason: unparseable, value: "10:30:00"},
      leadRejected,
      leadRejected
    ]);
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
      isDay(name, text) ? dateCell(`${text}T00:00:00`, "yyyy-mm-dd") : text === "" ? null : text;
    const sheet = [names, ...rows.map((row) => row.split(",").map((text, i) => cell(names[i], text)))];
    await writeExcelFile(sheet as SheetRows).toFile(join(folder, `${table}.xlsx`));
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

describe("the real Olist export, saved as workbooks", () => {
  /** A CSV of ../shared as a sheet: its dates ("26-02-2018 19:58", "01-02-2018") as Excel date cells, the rest text. */
  async function asSheet(csvPath: string, path: string): Promise<void> {
    const rows = csvParseRows(readFileSync(csvPath, "utf8"));
    const dated = (text: string) => {
      const parts = /^(\d\d)-(\d\d)-(\d{4})(?: (\d\d):(\d\d))?$/.exec(text);
      if (!parts) return text === "" ? null : text;
      const [, d, m, y, hh = "00", mm = "00"] = parts;
      return dateCell(`${y}-${m}-${d}T${hh}:${mm}:00`, parts[4] ? "dd-mm-yyyy hh:mm" : "dd-mm-yyyy");
    };
    await writeExcelFile([rows[0], ...rows.slice(1).map((row) => row.map(dated))] as SheetRows).toFile(path);
  }

  it("imports as its CSVs do: the same leads, handoffs and flags, the dates read from date cells", async () => {
    const csv = olistCsv;
    const directory = temporaryDirectory();
    const workbooks = {mqls: join(directory, "mqls.xlsx"), deals: join(directory, "deals.xlsx")};
    await asSheet(csv.mqls, workbooks.mqls);
    await asSheet(csv.deals, workbooks.deals);
    const [fromCsv, fromWorkbooks] = [await olistModel(csv), await olistModel(workbooks)];
    expect(fromCsv.leads).toHaveLength(8000);
    expect(fromCsv.handoffs.filter((d) => d.outcome === "won")).toHaveLength(842);
    // The one flag quotes the date as each file holds it: the CSV's text, the date cell in ISO 8601.
    expect(fromCsv.flags).toEqual([
      {row: 668, field: "won_date", reason: "won before the lead was created", value: "06-03-2018 19:38"}
    ]);
    expect(fromWorkbooks).toEqual({...fromCsv, flags: [{...fromCsv.flags[0], value: "2018-03-06 19:38:00"}]});
  });
});
