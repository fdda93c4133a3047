import {readFileSync} from "node:fs";
import * as XLSX from "@e965/xlsx";
import {describe, expect, it} from "vitest";
import {
  readWholeWorkbook,
  sheetName,
  workbookContent,
  type WorkbookContent
} from "../../../loaders/pipeline/workbook-whole.js";
import {InputError} from "../../../loaders/pipeline/input.js";
import {temporaryFile} from "../../helpers/temporary.js";
import {
  encryptedWorkbook,
  htmlReport,
  oldWorkbook,
  type OldBookType,
  type OldCell
} from "../../helpers/old-workbook.js";

/** The rows readWholeWorkbook hands on: [row number, cells with holes as ""]. */
function rowsOf(path: string, content: WorkbookContent, sheet?: string | number): [number, string[]][] {
  const rows: [number, string[]][] = [];
  readWholeWorkbook(path, readFileSync(path), content, sheet, (number, cells) =>
    rows.push([number, Array.from(cells, (d) => d ?? "")])
  );
  return rows;
}

const contactRows: OldCell[][] = [
  ["Record ID", "Create Date", "Campaign", "Amount", "Opted in"],
  [1001, {date: "2025-02-03T09:15:00", format: "dd.mm.yyyy hh:mm"}, 'Webinar, "Cloud" – Q1', 24000.5, true],
  [],
  ["00Q1", {date: "2025-02-06T00:00:00", format: "m/d/yy"}, "Messe\nMünchen", 0.1, false]
];

const contactCells = [
  [1, ["Record ID", "Create Date", "Campaign", "Amount", "Opted in"]],
  [2, ["1001", "2025-02-03 09:15:00", 'Webinar, "Cloud" – Q1', "24000.5", "true"]],
  [4, ["00Q1", "2025-02-06", "Messe\nMünchen", "0.1", "false"]]
];

describe("readWholeWorkbook", () => {
  it.each<OldBookType>(["biff8", "biff5", "biff2", "xlml", "ods", "xlsb", "numbers"])(
    "reads a %s workbook's cells as a .xlsx's: dates in ISO 8601, text in its code page, Excel's row numbers",
    (bookType) => {
      const path = oldWorkbook(`contacts.${bookType}`, {Contacts: contactRows}, bookType);
      const content = workbookContent(readFileSync(path).subarray(0, 4096));
      expect(content).toBe(
        ["ods", "xlsb", "numbers"].includes(bookType) ? "zip" : bookType === "xlml" ? "spreadsheet-xml" : "binary"
      );
      expect(rowsOf(path, content)).toEqual(contactCells);
    }
  );

  it("reads every minute of a day as the clock time shown, in the 1900 and the 1904 date systems", () => {
    const minutes = Array.from({length: 24 * 60}, (_, i) => new Date(Date.UTC(2024, 11, 9) + i * 60_000));
    const texts = minutes.map((d) => d.toISOString().slice(0, 19));
    const rows = [["At"], ...texts.map((date) => [{date, format: "yyyy-mm-dd hh:mm:ss"}])];
    for (const date1904 of [false, true]) {
      const path = oldWorkbook("minutes.xls", {Minutes: rows}, "biff8", {date1904});
      const read = rowsOf(path, "binary").map(([, [cell]]) => cell);
      // A workbook in the 1904 system counts its days from 1904: the same day counts are 1,462 days later.
      const shift = date1904 ? 1462 * 86_400_000 : 0;
      const expected = minutes.map((d) => new Date(d.getTime() + shift).toISOString().slice(0, 19).replace("T", " "));
      expect(read).toEqual(["At", expected[0].slice(0, 10), ...expected.slice(1)]);
    }
    // Numbers keeps a date as a date; SheetJS hands it on as a day count from 1904, which must land on the minute too.
    const numbers = rowsOf(oldWorkbook("minutes.numbers", {Minutes: rows}, "numbers"), "zip").map(([, [c]]) => c);
    expect(numbers).toEqual(["At", texts[0].slice(0, 10), ...texts.slice(1).map((d) => d.replace("T", " "))]);
  });

  it("reads the sheet a profile names or numbers, and lists the sheets when there is no such one", () => {
    const path = oldWorkbook("two.xls", {Contacts: [["Record ID"], [1]], Notes: [["Note"]]}, "biff8");
    expect(rowsOf(path, "binary", "Notes")).toEqual([[1, ["Note"]]]);
    expect(rowsOf(path, "binary", 1)).toEqual([
      [1, ["Record ID"]],
      [2, ["1"]]
    ]);
    expect(() => rowsOf(path, "binary", "Deals")).toThrow(
      `${path}: no sheet "Deals" in the workbook (its sheets: "Contacts", "Notes")`
    );
  });

  it("gives one clear error naming the file for a password-protected and a truncated workbook", () => {
    const encrypted = encryptedWorkbook("protected.xls");
    expect(() => rowsOf(encrypted, "binary")).toThrow(
      `${encrypted}: a password-protected workbook, which cannot be read: save it without a password, or as CSV UTF-8`
    );
    const whole = readFileSync(oldWorkbook("whole.xls", {Contacts: contactRows}, "biff8"));
    // A compound file's header and nothing after it: SheetJS's own message spoke of "Unsupported ZIP encryption".
    const zeroed = temporaryFile("zeroed.xls", Buffer.concat([whole.subarray(0, 8), Buffer.alloc(4096)]));
    expect(() => rowsOf(zeroed, "binary")).toThrow(
      `${zeroed}: cannot be read as a spreadsheet workbook (the Excel 97-2003 file is damaged): save it again`
    );
    for (const bytes of [whole.subarray(0, 1000), whole.subarray(0, 8)]) {
      const path = temporaryFile("broken.xls", bytes);
      let error: unknown;
      try {
        rowsOf(path, "binary");
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(
        new RegExp(`^${path}: cannot be read as a spreadsheet workbook \\(.+\\): save it again$`)
      );
    }
  });
});

describe("readWholeWorkbook: a damaged Numbers document", () => {
  it("is refused as damaged, in words a user can act on", () => {
    const whole = readFileSync(oldWorkbook("whole.numbers", {Contacts: contactRows}, "numbers"));
    const zip = XLSX.CFB.read(whole, {type: "buffer"});
    // The part holding the cells (a tile of the table), its chunk's length overwritten: SheetJS left it out, saying
    // so only on the console, and then failed with "Cannot read properties of undefined (reading '0')".
    const tile = zip.FileIndex.find((d: {name: string}) => /^Tile-.*\.iwa$/.test(d.name))!;
    (tile.content as Uint8Array).set([0xff, 0xff, 0x7f], 1);
    const path = temporaryFile("damaged.numbers", XLSX.CFB.write(zip, {fileType: "zip", type: "buffer"}) as Buffer);
    expect(() => rowsOf(path, "zip")).toThrow(
      new RegExp(
        `^${path}: cannot be read as a spreadsheet workbook \\(a part of the document is damaged: .+\\): save it again$`
      )
    );
    expect(rowsOf(oldWorkbook("again.numbers", {Contacts: contactRows}, "numbers"), "zip")).toEqual(contactCells);
  });
});

describe("workbookContent", () => {
  it("tells a workbook by its first bytes: zip, old binary .xls, HTML, XML Spreadsheet 2003, text", () => {
    const bytes = (text: string) => Buffer.from(text, "latin1");
    expect(workbookContent(bytes("PK\x03\x04rest"))).toBe("zip");
    expect(workbookContent(bytes("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"))).toBe("binary");
    expect(workbookContent(bytes("\x09\x00\x04\x00\x02\x00\x10\x00"))).toBe("binary"); // BIFF 2
    expect(workbookContent(bytes("\xef\xbb\xbf  <!DOCTYPE html><html><table>"))).toBe("html");
    expect(workbookContent(bytes('<table border="1"><tr><td>a</td></tr></table>'))).toBe("html");
    const xml = '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">';
    expect(workbookContent(bytes(xml))).toBe("spreadsheet-xml");
    expect(workbookContent(bytes("Lead ID\tCreated\n00Q1\t2024-01-02\n"))).toBe("text");
    expect(workbookContent(bytes("<note>an XML file that is no spreadsheet</note>"))).toBe("text");
  });
});

describe("sheetName", () => {
  it("takes the first sheet, one by number from 1 or by name; an error lists the sheets", () => {
    expect(sheetName("a.xls", ["Leads", "Notes"], undefined)).toBe("Leads");
    expect(sheetName("a.xls", ["Leads", "Notes"], 2)).toBe("Notes");
    expect(sheetName("a.xls", ["Leads", "Notes"], "Notes")).toBe("Notes");
    expect(() => sheetName("a.xls", ["Leads"], 3)).toThrow('a.xls: no sheet 3 in the workbook (its sheets: "Leads")');
    expect(() => sheetName("a.xls", [], undefined)).toThrow(
      "a.xls: cannot be read as a spreadsheet workbook: it has no sheet"
    );
  });
});
