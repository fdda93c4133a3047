import {describe, expect, it} from "vitest";
import {columnIndex, sheetHandlers} from "../../../loaders/pipeline/workbook-sheet.js";
import type {WorkbookParts} from "../../../loaders/pipeline/workbook-parts.js";
import {openWorkbookZip} from "../../../loaders/pipeline/workbook-zip.js";
import {zipParts} from "../../helpers/workbook.js";

const parts: WorkbookParts = {
  sheets: [],
  date1904: false,
  dateStyles: [undefined, "date", "time", "elapsed"],
  sharedStrings: ["Record ID", "Webinar"]
};

/** The rows a sheet's `<sheetData>` content gives, as [row number, cells]. */
async function rowsOf(sheetData: string, workbook = parts): Promise<[number, string[]][]> {
  const zip = await openWorkbookZip(
    zipParts("sheet.xlsx", {"s.xml": `<worksheet><sheetData>${sheetData}</sheetData></worksheet>`})
  );
  const rows: [number, string[]][] = [];
  try {
    await zip.parse(
      "s.xml",
      sheetHandlers(workbook, (row, cells) => rows.push([row, [...cells].map((d) => d ?? "")]))
    );
  } finally {
    zip.close();
  }
  return rows;
}

describe("columnIndex", () => {
  it("reads a reference's letters in either case", () => {
    expect([
      columnIndex("A1"),
      columnIndex("Z9"),
      columnIndex("AA10"),
      columnIndex("ab12"),
      columnIndex("XFD1")
    ]).toEqual([0, 25, 26, 27, 16_383]);
  });
});

describe("sheetHandlers", () => {
  it("gives every kind of cell its text", async () => {
    const rows = await rowsOf(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>Messe </t></r><r><t>München</t></r>' +
        '<rPh><t>x</t></rPh></is></c><c r="C1" t="str"><f>A1&amp;"!"</f><v>Record ID!</v></c>' +
        '<c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c><c r="F1" t="e"><v>#N/A</v></c></row>' +
        '<row r="2"><c r="A2"><v>24000.5</v></c><c r="B2" s="1"><v>45691.385416666664</v></c>' +
        '<c r="C2" t="d"><v>2025-02-03T09:15:00</v></c><c r="D2" t="d"><v>2025-02-03</v></c>' +
        '<c r="E2"><v>1.0E-3</v></c><c r="F2" s="1"/></row>' +
        '<row r="3"><c r="A3" t="inlineStr"><is><t><![CDATA[a <b> & c]]></t></is></c><c r="B3">\n  <v> 7 </v>\n</c></row>'
    );
    expect(rows).toEqual([
      [1, ["Record ID", "Messe München", "Record ID!", "true", "false", "#N/A"]],
      [2, ["24000.5", "2025-02-03 09:15:00", "2025-02-03 09:15:00", "2025-02-03", "0.001"]],
      [3, ["a <b> & c", "7"]]
    ]);
  });

  it("writes a clock time alone and elapsed time as Excel shows them, a time format over a day as its date", async () => {
    const rows = await rowsOf(
      '<row r="1"><c r="A1" s="2"><v>0.4375</v></c><c r="B1" s="2"><v>45691.4375</v></c>' +
        '<c r="C1" s="3"><v>1.5</v></c><c r="D1" s="3"><v>-0.0625</v></c><c r="E1" s="1"><v>0.4375</v></c></row>'
    );
    expect(rows).toEqual([[1, ["10:30:00", "2025-02-03 10:30:00", "36:00:00", "-01:30:00", "1899-12-31 10:30:00"]]]);
  });

  it("places cells by their reference, follows the one before without it, and numbers rows alike", async () => {
    const rows = await rowsOf(
      '<row r="3"><c r="C3" t="s"><v>1</v></c></row><row><c><v>1</v></c><c><v>2</v></c><c r="E5"><v>5</v></c>' +
        "<c><v>6</v></c></row>"
    );
    expect(rows).toEqual([
      [3, ["", "", "Webinar"]],
      [4, ["1", "2", "", "", "5", "6"]]
    ]);
  });

  it("calls a sheet damaged whose rows go backwards or whose cell names a shared string it lacks", async () => {
    await expect(rowsOf('<row r="5"/><row r="2"/>')).rejects.toThrow("s.xml: row 2 comes after row 5");
    await expect(rowsOf('<row r="1"><c r="B1" t="s"><v>7</v></c></row>')).rejects.toThrow(
      "s.xml: cell B1: no shared string 7"
    );
  });
});
