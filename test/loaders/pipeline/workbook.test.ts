import {readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import writeExcelFile from "write-excel-file/node";
import {describe, expect, it} from "vitest";
import {workbookCsv} from "../../../loaders/pipeline/workbook.js";
import {temporaryDirectory, temporaryFile} from "../../helpers/temporary.js";
import {contactsWorkbook, dateCell, handMadeWorkbook} from "../../helpers/workbook.js";
import {encryptedWorkbook, htmlReport, oldWorkbook} from "../../helpers/old-workbook.js";
import {InputError} from "../../../loaders/pipeline/input.js";
import {Random} from "../../../loaders/tools/sample-random.js";

/**
 * Reads 60 copies of `whole` with bytes overwritten at random places (seeded), each as a .`extension`: each must give a
 * CSV or one clear error naming its file, leaving no half copy behind. How many were read and refused.
 */
async function damagedCopies(whole: Buffer, extension: string, seed: number) {
  const random = new Random(seed);
  const outcomes = {read: 0, refused: 0};
  for (let copy = 0; copy < 60; ++copy) {
    const bytes = Buffer.from(whole);
    for (let flips = 1 + Math.floor(random.next() * 4); flips > 0; --flips) {
      bytes[Math.floor(random.next() * bytes.length)] = Math.floor(random.next() * 256);
    }
    const path = temporaryFile(`damaged-${copy}.${extension}`, bytes);
    const directory = temporaryDirectory();
    try {
      await workbookCsv(path, undefined, directory);
      outcomes.read += 1;
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message.startsWith(`${path}: `)).toBe(true);
      expect(readdirSync(directory)).toEqual([]); // no half copy is left behind
      outcomes.refused += 1;
    }
  }
  return outcomes;
}

describe("workbookCsv", () => {
  it("writes the first sheet as CSV: dates in ISO 8601, text quoted where it must be, the blank row kept", async () => {
    const path = await contactsWorkbook();
    const copy = (await workbookCsv(path, undefined, join(temporaryDirectory(), "copy"))).path;
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
    const path = await contactsWorkbook();
    const directory = temporaryDirectory();
    for (const sheet of ["Notes", 2]) {
      const copy = (await workbookCsv(path, sheet, directory)).path;
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
    const cell = (text: string) => dateCell(text.replace(" ", "T"), "yyyy-mm-dd hh:mm:ss");
    const rows = [["At"], ...texts.map((text) => [cell(text)]), [cell("2025-03-01 10:00:00.250")]];
    await writeExcelFile(rows).toFile(path);
    const lines = readFileSync((await workbookCsv(path, undefined, temporaryDirectory())).path, "utf8")
      .trimEnd()
      .split("\n");
    expect(lines).toEqual(["At", "2024-12-09", ...texts.slice(1), "2025-03-01 10:00:00.250"]);
  });

  it("writes a sheet of 200,000 rows (its width was taken by spreading every row as an argument)", async () => {
    const path = join(temporaryDirectory(), "tall.xlsx");
    await writeExcelFile([["Record ID"], ...Array.from({length: 200_000}, (_, i) => [i + 1])]).toFile(path);
    const lines = readFileSync((await workbookCsv(path, undefined, temporaryDirectory())).path, "utf8").split("\n");
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
    expect(readFileSync((await workbookCsv(path, undefined, directory)).path, "utf8")).toBe("Record ID\n1001\n");
    expect(readFileSync((await workbookCsv(path, "Notes", directory)).path, "utf8")).toBe("Note\n");
    expect(readFileSync((await workbookCsv(path, 1, directory)).path, "utf8")).toBe("Record ID\n1001\n");
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
    expect(readFileSync((await workbookCsv(path, undefined, temporaryDirectory())).path, "utf8")).toBe(
      ",\n1,2\n,\n,\n,3\n"
    );
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
    expect(readFileSync((await workbookCsv(path, undefined, temporaryDirectory())).path, "utf8")).toBe(
      'lead_id,at,,\n"a,""b""",,,\n,,,\n,,,7\n8,,,\n'
    );
  });

  it("says what to do with a password-protected workbook (a compound file, not a zip), and reads an old .xls renamed", async () => {
    const path = encryptedWorkbook("protected.xlsx");
    await expect(workbookCsv(path, undefined, temporaryDirectory())).rejects.toThrow(
      `${path}: a password-protected workbook, which cannot be read: save it without a password, or as CSV UTF-8`
    );
    // An old .xls under a new name is what the same first bytes also mean: read as what it is.
    const renamed = oldWorkbook(
      "renamed.xlsx",
      {
        Leads: [
          ["Record ID", "Created"],
          [7, "2025-01-02"]
        ]
      },
      "biff8"
    );
    const copy = await workbookCsv(renamed, undefined, temporaryDirectory());
    expect([readFileSync(copy.path, "utf8"), copy.text]).toEqual(["Record ID,Created\n7,2025-01-02\n", false]);
  });

  it("reads an old .xls, an HTML .xls, an .ods and a .numbers into the same CSV as the .xlsx of the same rows", async () => {
    const xlsx = readFileSync(
      (await workbookCsv(await contactsWorkbook(), undefined, temporaryDirectory())).path,
      "utf8"
    );
    const rows = [
      ["Record ID", "Create Date", "Campaign", "Handoff Date", "Deal Amount"],
      [
        1001,
        {date: "2025-02-03T09:15:00", format: "yyyy-mm-dd hh:mm"},
        'Webinar, "Cloud" – Q1',
        {date: "2025-02-04T10:00:00", format: "yyyy-mm-dd hh:mm"},
        24000.5
      ],
      [1002, "03.02.2025 11:30", "Messe\nMünchen", "05.02.2025 08:00", null],
      [],
      [1003, {date: "2025-02-06T00:00:00", format: "yyyy-mm-dd"}, "Newsletter", null, null]
    ];
    for (const [name, type] of [
      ["contacts.xls", "biff8"],
      ["contacts.ods", "ods"],
      ["contacts.numbers", "numbers"]
    ] as const) {
      const copy = await workbookCsv(oldWorkbook(name, {Contacts: rows}, type), undefined, temporaryDirectory());
      expect(readFileSync(copy.path, "utf8")).toBe(xlsx);
    }
    // An HTML table holds the text shown: the same CSV but for the dates, which the profile's formats then read.
    const shown = [
      ["Record ID", "Create Date", "Campaign", "Handoff Date", "Deal Amount"],
      ["1001", "2025-02-03 09:15:00", 'Webinar, "Cloud" – Q1', "2025-02-04 10:00:00", "24000.5"],
      ["1002", "03.02.2025 11:30", "Messe\nMünchen", "05.02.2025 08:00", ""],
      ["", "", "", "", ""],
      ["1003", "2025-02-06", "Newsletter", "", ""]
    ];
    const html = await workbookCsv(htmlReport("contacts.xls", shown), undefined, temporaryDirectory());
    expect(readFileSync(html.path, "utf8")).toBe(xlsx);
  });

  it("reads an Excel XML Spreadsheet 2003 named .xml; refuses another XML file, saying what it is not", async () => {
    const rows = [
      ["Record ID", "Created"],
      [7, {date: "2025-01-02T10:00:00", format: "dd.mm.yyyy hh:mm"}]
    ];
    const copy = await workbookCsv(oldWorkbook("leads.xml", {Leads: rows}, "xlml"), undefined, temporaryDirectory());
    expect(readFileSync(copy.path, "utf8")).toBe("Record ID,Created\n7,2025-01-02 10:00:00\n");
    const path = temporaryFile("feed.xml", '<?xml version="1.0"?><rss><channel/></rss>');
    await expect(workbookCsv(path, undefined, temporaryDirectory())).rejects.toThrow(
      `${path}: an XML file that is no Excel XML Spreadsheet 2003: save it as .xlsx or CSV UTF-8`
    );
  });

  it("copies a text export named .xls as it is, to be read as a CSV; refuses text named .xlsx", async () => {
    const tsv = "Lead ID\tCreated\n00Q1\t02.01.2024\n";
    const copy = await workbookCsv(temporaryFile("leads.xls", tsv), undefined, temporaryDirectory());
    expect([readFileSync(copy.path, "utf8"), copy.text, copy.path.endsWith("/leads.xls.csv")]).toEqual([
      tsv,
      true,
      true
    ]);
    const path = temporaryFile("broken.xlsx", "lead_id,created_at\nA,2025-01-01\n");
    await expect(workbookCsv(path, undefined, temporaryDirectory())).rejects.toThrow(
      `${path}: cannot be read as a workbook (the file is text, not a workbook): name a CSV export .csv, or save the workbook again`
    );
  });

  it("keeps a report's footer under a sheet's data as a CSV export has it: a blank line, one field a line", async () => {
    const footer = ["Confidential Information - Do Not Distribute", "Generated By: Petra Schmidt 06.12.2026"];
    const rows = [["Lead ID", "Created"], [1, "2025-01-02"], [], [], ...footer.map((d) => [d])];
    const copy = await workbookCsv(oldWorkbook("report.xls", {Leads: rows}, "biff8"), undefined, temporaryDirectory());
    expect(readFileSync(copy.path, "utf8")).toBe(`Lead ID,Created\n1,2025-01-02\n\n\n${footer.join("\n")}\n`);
    // One cell under a blank row that is not the last block is data, written as wide as the rest.
    const notLast = [["Lead ID", "Created"], [], ["2"], [3, "2025-01-03"]];
    const data = await workbookCsv(oldWorkbook("data.xls", {Leads: notLast}, "biff8"), undefined, temporaryDirectory());
    expect(readFileSync(data.path, "utf8")).toBe("Lead ID,Created\n,\n2,\n3,2025-01-03\n");
  });

  it("gives a CSV or one clear error naming the file for each of 60 damaged copies of a workbook", async () => {
    // Bytes overwritten at random places (seeded): zip records, deflate streams and, once inflated, the XML.
    const whole = readFileSync(await contactsWorkbook());
    const outcomes = await damagedCopies(whole, "xlsx", 20261206);
    expect(outcomes.read + outcomes.refused).toBe(60);
    expect(outcomes.refused).toBeGreaterThan(10);
  });

  const oldRows = [
    ["Record ID", "Created", "Campaign"],
    ...Array.from({length: 40}, (_, i) => [
      i,
      {date: "2025-01-02T03:04:05", format: "yyyy-mm-dd hh:mm:ss"},
      `Webinar ${i}`
    ])
  ];

  it("gives a CSV or one clear error naming the file for each of 60 damaged copies of an old .xls", async () => {
    // Bytes overwritten at random places (seeded): the compound file's sectors and the BIFF records in them.
    const whole = readFileSync(oldWorkbook("contacts.xls", {Contacts: oldRows}, "biff8"));
    const outcomes = await damagedCopies(whole, "xls", 20261207);
    expect(outcomes.read + outcomes.refused).toBe(60);
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  it("gives a CSV or one clear error naming the file for each of 60 damaged copies of a Numbers document", async () => {
    // Only the zip's part with the cells is damaged (Index/Tables/…: compressed protocol buffers): most of a Numbers
    // document is its template's previews, where a damaged byte changes nothing this reads.
    const whole = readFileSync(oldWorkbook("contacts.numbers", {Contacts: oldRows}, "numbers"));
    const outcomes = await damagedCopies(whole, "numbers", 20261208);
    expect(outcomes.read + outcomes.refused).toBe(60);
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  it("says so for a truncated workbook and for one without a worksheet, naming the file", async () => {
    const whole = readFileSync(await contactsWorkbook());
    const truncated = temporaryFile("truncated.xlsx", whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(workbookCsv(truncated, undefined, temporaryDirectory())).rejects.toThrow(
      new RegExp(`^${truncated}: cannot be read as an Excel workbook \\(.+\\): save it again$`)
    );
    const sheetless = handMadeWorkbook("sheetless.xlsx", {sheets: []});
    await expect(workbookCsv(sheetless, undefined, temporaryDirectory())).rejects.toThrow(
      `${sheetless}: cannot be read as an Excel workbook (it has no worksheet): save it again`
    );
  });

  it("refuses a formula whose value was never computed, naming the cell (it read as blank: a campaign lost)", async () => {
    const rows =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Campaign</t></is></c></row>' +
      '<row r="2"><c r="A2" t="str"><f>IF(B2="","",B2)</f><v></v></c></row>' +
      '<row r="3"><c r="A3" t="str"><f>LOWER("Webinar")</f></c></row>';
    const path = handMadeWorkbook("uncomputed.xlsx", {sheets: [{name: "Leads", rows}]});
    const directory = temporaryDirectory();
    await expect(workbookCsv(path, undefined, directory)).rejects.toThrow(
      `${path}, sheet "Leads", cell A3: a formula whose value was never computed (the program that wrote the ` +
        "workbook did not calculate it): open the workbook in Excel or LibreOffice and save it, which computes it"
    );
    expect(readdirSync(directory)).toEqual([]); // no half copy
    // Excel's own empty text result (<v></v>) is a value: blank (and, below the data, left out), nothing refused.
    const computed = handMadeWorkbook("computed.xlsx", {sheets: [{name: "Leads", rows: rows.split('<row r="3"')[0]}]});
    const copy = (await workbookCsv(computed, undefined, temporaryDirectory())).path;
    expect(readFileSync(copy, "utf8")).toBe("Campaign\n");
  });
});
