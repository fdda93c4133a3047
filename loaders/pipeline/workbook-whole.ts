/**
 * Workbooks in the formats CRMs and spreadsheets save besides .xlsx, read whole by SheetJS (`@e965/xlsx`: SheetJS
 * 0.20.3, built from SheetJS's own repository and published to the npm registry by a mirror; the registry's own
 * `xlsx` stopped at 0.18.5, before two security fixes): the old binary .xls (BIFF 2 to 8, Excel 2.0 to 2003), Excel's
 * XML Spreadsheet 2003, .xlsb, OpenDocument .ods, and Apple's .numbers (Numbers 3 and later; each table is a sheet:
 * a sheet's first table under the sheet's name, the next ones as "<name>_1", …). A .xls holds at most 65,536 rows, so
 * reading it whole costs little; the .xlsx that can be larger is streamed (workbook.ts), and so is an HTML table saved
 * as .xls (workbook-html.ts).
 *
 * Every cell becomes text as workbook-sheet.ts writes a .xlsx cell (dates by excel-dates.ts, so both agree to the
 * millisecond).
 */
import * as XLSX from "@e965/xlsx";
import * as codepages from "@e965/xlsx/dist/cpexcel.full.mjs";
import {dateFormatKind, dateText, excelCellText} from "./excel-dates.js";
import {InputError} from "./input.js";
import type {RowSink} from "./workbook-sheet.js";

// BIFF 5 and older store text in the workbook's code page (Windows-1252 for most of Europe): without the code page
// tables SheetJS reads "München" as "M_nchen".
XLSX.set_cptable(codepages);

/** What a file named like a workbook holds, told by its first bytes rather than by its name. */
export type WorkbookContent = "zip" | "binary" | "html" | "spreadsheet-xml" | "text";

/**
 * A zip (.xlsx, .xlsb, .ods); the old `binary` .xls (an OLE compound file, as a password-protected .xlsx also is,
 * or a bare BIFF 2 to 4 stream); HTML; XML Spreadsheet 2003; or any other text.
 */
export function workbookContent(head: Buffer): WorkbookContent {
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return "zip";
  if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return "binary";
  const text = head
    .toString("latin1")
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, "")
    .trimStart();
  if (/urn:schemas-microsoft-com:office:spreadsheet/.test(text) && /<Workbook\b/.test(text)) return "spreadsheet-xml";
  if (text.startsWith("<") && /<(table|html)\b/i.test(text)) return "html";
  // BIFF 2 to 4 (Excel 2.0 to 4.0) have no compound file: a BOF record (0x0009, 0x0209, 0x0409) opens them.
  if (head[0] === 0x09 && [0x00, 0x02, 0x04].includes(head[1]) && head[3] === 0x00 && head[2] <= 0x10) return "binary";
  return "text";
}

/**
 * Reads the sheet named or numbered (from 1) `sheet`, else the first, of the workbook `bytes` (what `content`
 * says it is), handing its rows to `sink` with Excel's row numbers. Errors name the file as `path`.
 */
export function readWholeWorkbook(
  path: string,
  bytes: Buffer,
  content: WorkbookContent,
  sheet: string | number | undefined,
  sink: RowSink
): void {
  const book = parseWorkbook(path, bytes, content);
  const name = sheetName(path, book.SheetNames, sheet);
  try {
    const rows = (book.Sheets[name] as XLSX.WorkSheet & {"!data"?: (XLSX.CellObject[] | undefined)[]})["!data"] ?? [];
    const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
    for (let r = 0; r < rows.length; ++r) {
      const row = rows[r];
      if (!row) continue;
      const cells: string[] = [];
      for (let c = 0; c < row.length; ++c) {
        const text = row[c] ? cellText(row[c], date1904) : "";
        if (text !== "") cells[c] = text;
      }
      sink(r + 1, cells);
    }
  } catch (error) {
    // A damaged file SheetJS read without a word can still hold a sheet it could not make whole.
    throw new InputError(
      `${path}: cannot be read as a spreadsheet workbook (${(error as Error).message}): save it again`
    );
  }
}

/** The workbook, or one clear error naming the file: a password, a damaged file. */
function parseWorkbook(path: string, bytes: Buffer, content: WorkbookContent): XLSX.WorkBook {
  // `raw` keeps a text cell's "0012" or "1/2/25" as written, for the profile to read.
  // OpenDocument marks a date cell as a date (office:value-type), whatever its style: taken as such, not by format.
  // Numbers marks one too, but SheetJS's Date of it is an instant in the machine's zone: its day count is read instead.
  const cellDates = /\.ods$/i.test(path);
  const options = {dense: true, cellNF: true, raw: true, cellDates, cellStyles: false, cellHTML: false};
  try {
    return readSaying(() => XLSX.read(bytes, {...options, type: "buffer"}));
  } catch (error) {
    const message = (error as Error).message;
    if (/password-protected/i.test(message)) {
      throw new InputError(
        `${path}: a password-protected workbook, which cannot be read: save it without a password, or as CSV UTF-8`
      );
    }
    // A damaged compound file is then tried as a zip by SheetJS, whose message would speak of zip encryption.
    const said = content === "binary" && /zip/i.test(message) ? "the Excel 97-2003 file is damaged" : message;
    throw new InputError(`${path}: cannot be read as a spreadsheet workbook (${said}): save it again`);
  }
}

/**
 * Runs SheetJS's `read`, failing where it skipped a damaged part. A part of a Numbers document it cannot inflate or
 * decode is left out with a line on the console ("?? …", "## …"): where the part held cells, the read then failed
 * with a message of no use ("Cannot read properties of undefined"); where it held styles, the sheet was read. Both
 * are refused as the damaged file they are, to be saved again.
 */
function readSaying(read: () => XLSX.WorkBook): XLSX.WorkBook {
  const said: string[] = [];
  const log = console.log;
  // XLSX.read is synchronous: nothing else logs while it runs.
  console.log = (...args: unknown[]) => void said.push(args.map(String).join(" "));
  let book: XLSX.WorkBook | undefined;
  let failure: unknown;
  try {
    book = read();
  } catch (error) {
    failure = error;
  } finally {
    console.log = log;
  }
  const skipped = said.find((d) => /^(\?\?|##) /.test(d));
  if (skipped) throw new Error(`a part of the document is damaged: ${skipped.slice(3)}`);
  if (book === undefined) throw failure;
  return book;
}

/** The sheet asked for, by name or number; an error naming the workbook and its sheets when it has none such. */
export function sheetName(path: string, names: string[], sheet: string | number | undefined): string {
  const found = sheet === undefined ? names[0] : typeof sheet === "number" ? names[sheet - 1] : sheet;
  if (found !== undefined && names.includes(found)) return found;
  if (sheet === undefined) throw new InputError(`${path}: cannot be read as a spreadsheet workbook: it has no sheet`);
  const listed = names.map((d) => JSON.stringify(d)).join(", ");
  throw new InputError(`${path}: no sheet ${JSON.stringify(sheet)} in the workbook (its sheets: ${listed})`);
}

/**
 * A cell's text as a .xlsx cell's (workbook-sheet.ts): text as written, booleans `true`/`false`, errors as Excel
 * shows them, numbers as JavaScript writes them, a number in a date format in ISO 8601.
 */
function cellText(cell: XLSX.CellObject, date1904: boolean): string {
  switch (cell.t) {
    case "s":
      return String(cell.v ?? "");
    case "b":
      return cell.v ? "true" : "false";
    case "e":
      return cell.w ?? "#N/A";
    case "n": {
      const number = cell.v as number;
      const kind = typeof cell.z === "string" ? dateFormatKind(-1, cell.z) : undefined;
      return kind ? excelCellText(number, date1904, kind) : String(number);
    }
    case "d":
      // An OpenDocument date: SheetJS's Date holds the clock time shown as local time (its date-value has no zone).
      return cell.v instanceof Date ? dateText(new Date(cell.v.getTime() - cell.v.getTimezoneOffset() * 60_000)) : "";
    default:
      return "";
  }
}
