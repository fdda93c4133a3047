/**
 * Workbooks in the formats read whole (loaders/pipeline/workbook-whole.ts), for its tests: written by SheetJS's own
 * writers (a BIFF 8 file written so was checked once against xlrd 2.0.2, a reader of its own: the same cells, types
 * and date format), and HTML tables as a web CRM's "Export to Excel" writes them.
 */
import * as XLSX from "@e965/xlsx";
import numbersTemplate from "@e965/xlsx/dist/xlsx.zahl.mjs";
import {temporaryFile} from "./temporary.js";

/** A cell: text, a number, a boolean, a date cell (`{date, format}`: clock time as shown, UTC) or null (blank). */
export type OldCell = string | number | boolean | null | {date: string; format: string};

/** The file types SheetJS writes that a user may hand in. */
export type OldBookType = "biff8" | "biff5" | "biff2" | "xlml" | "ods" | "xlsb" | "numbers";

/** A workbook of one sheet per entry (name → rows), written by SheetJS as `bookType`; its path. */
export function oldWorkbook(
  name: string,
  sheets: Record<string, OldCell[][]>,
  bookType: OldBookType,
  {date1904 = false} = {}
): string {
  const book = XLSX.utils.book_new();
  for (const [sheet, rows] of Object.entries(sheets)) {
    XLSX.utils.book_append_sheet(book, sheetOf(rows, bookType === "ods" || bookType === "numbers"), sheet);
  }
  if (date1904) book.Workbook = {...book.Workbook, WBProps: {date1904: true}};
  // SheetJS writes a Numbers document into a template Numbers saved (its "zahl" payload).
  const bytes = XLSX.write(book, {bookType, type: "buffer", numbers: numbersTemplate}) as Buffer;
  return temporaryFile(name, bookType === "biff5" || bookType === "biff2" ? inCodePage(bytes, sheets) : bytes);
}

/**
 * SheetJS writes BIFF 5 and 2 text as ASCII, each other character an underscore; Excel 95 wrote it in the
 * workbook's code page (Windows-1252 here): the underscores put back as those bytes, one for one.
 */
function inCodePage(bytes: Buffer, sheets: Record<string, OldCell[][]>): Buffer {
  const out = Buffer.from(bytes);
  for (const text of Object.values(sheets).flat(2)) {
    if (typeof text !== "string" || /^[\x00-\x7f]*$/.test(text)) continue;
    const written = Buffer.from(text.replace(/[^\x00-\x7f]/g, "_"), "latin1");
    const at = out.indexOf(written);
    if (at >= 0) Buffer.from(text.replace("–", "\x96"), "latin1").copy(out, at);
  }
  return out;
}

/** A sheet of the rows: date cells as Excel's day counts (from 1900, UTC) in their format, or as dates. */
function sheetOf(rows: OldCell[][], dateCells: boolean): XLSX.WorkSheet {
  const sheet = XLSX.utils.aoa_to_sheet(rows.map((row) => row.map((cell) => (isDate(cell) ? 0 : cell))));
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!isDate(cell)) return;
      const serial = Date.parse(`${cell.date}Z`) / 86_400_000 + 25_569;
      // OpenDocument and Numbers keep a date as a date (office:date-value; a date cell), which SheetJS writes from a
      // date cell only.
      const value = new Date(`${cell.date}Z`);
      sheet[XLSX.utils.encode_cell({r, c})] = dateCells
        ? {t: "d", v: value, z: cell.format}
        : {t: "n", v: serial, z: cell.format};
    })
  );
  return sheet;
}

const isDate = (cell: OldCell): cell is {date: string; format: string} => typeof cell === "object" && cell !== null;

/** A workbook saved with a password: an OLE compound file holding an EncryptionInfo and an EncryptedPackage. */
export function encryptedWorkbook(name: string): string {
  const container = XLSX.CFB.utils.cfb_new();
  const info = Buffer.alloc(200);
  info.writeUInt16LE(4, 0); // agile encryption, version 4.4
  info.writeUInt16LE(4, 2);
  info.writeUInt32LE(0x40, 4);
  XLSX.CFB.utils.cfb_add(container, "/EncryptionInfo", info);
  XLSX.CFB.utils.cfb_add(container, "/EncryptedPackage", Buffer.alloc(5000, 7));
  return temporaryFile(name, XLSX.CFB.write(container, {type: "buffer"}) as Buffer);
}

/** HTML-escaped text. */
const escaped = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/**
 * An HTML report as Salesforce Classic's "Export Details" in Excel format and other web CRMs write it: one `<table>`,
 * the header in `<th>`, every value text as shown, a line break as `<br>`, in `encoding` (UTF-8 or windows-1252,
 * declared or not); `footer` lines under a blank row, in the same table.
 */
export function htmlReport(
  name: string,
  [header, ...rows]: string[][],
  {encoding = "utf-8", declared = true, footer = [] as string[]} = {}
): string {
  const cells = (row: string[], tag: string) =>
    `<tr>${row.map((d) => `<${tag}>${escaped(d).replaceAll("\n", "<br>")}</${tag}>`).join("")}</tr>`;
  const meta = declared ? `<meta http-equiv="Content-Type" content="text/html; charset=${encoding}">` : "";
  const tail = footer.length
    ? [`<tr><td colspan="${header.length}"></td></tr>`, ...footer.map((d) => cells([d], "td"))]
    : [];
  const html =
    `<html><head>${meta}</head><body><table border="1">\n${cells(header, "th")}\n` +
    `${rows.map((row) => cells(row, "td")).join("\n")}\n${tail.join("\n")}</table></body></html>\n`;
  return temporaryFile(name, Buffer.from(html, encoding === "utf-8" ? "utf8" : "latin1"));
}
