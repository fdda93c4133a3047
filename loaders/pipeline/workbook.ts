/**
 * Excel workbooks (.xlsx, .xlsm): what HubSpot's and Salesforce's export dialogs offer first. One sheet (the first,
 * or the profile's `sheet`) is streamed into a UTF-8 CSV copy that DuckDB then reads like any export, so every check
 * of a CSV holds for it (ingest.ts). Row numbers stay Excel's: a blank row between the data is kept (a blank-row
 * reject, blank-rows.ts), and data row n is the sheet's row n + 1; blank rows below the data and empty columns to its
 * right are left out. A cell Excel stores as a date is written as ISO 8601, its clock time as shown (Excel keeps no
 * time zone: the profile's `timezone` holds), and read as such whatever the profile's date formats (profile-sql.ts);
 * a date typed as text is read by them.
 *
 * Until 2026-12-06 read-excel-file read the sheet whole into memory: 968 MB for a million rows of four columns, and a
 * sheet whose XML passes 512 MB (a million rows of twenty columns, 136 MB as .xlsx) could not be read at all, V8's
 * longest string being shorter (docs/pipeline-speed.md has the measurements, exceljs's streaming reader's too).
 */
import {copyFileSync, mkdirSync, readFileSync} from "node:fs";
import {basename, join} from "node:path";
import {fileBytes} from "./csv-header.js";
import {InputError} from "./input.js";
import {CsvCopy} from "./workbook-csv-copy.js";
import {readHtmlTable} from "./workbook-html.js";
import {readWorkbookParts, type WorkbookParts} from "./workbook-parts.js";
import {sheetHandlers} from "./workbook-sheet.js";
import {readWholeWorkbook, sheetName, workbookContent, type WorkbookContent} from "./workbook-whole.js";
import {openWorkbookZip} from "./workbook-zip.js";

/**
 * Whether `path` names a workbook this reads: Excel's .xlsx, .xlsm, .xlsb and old .xls, OpenDocument's .ods, Apple's
 * .numbers (an export opened in Numbers on a Mac and saved), and an Excel XML Spreadsheet 2003 (.xml: what Dynamics
 * CRM 4 and other CRMs of its years gave for "Export to Excel").
 */
export const isWorkbook = (path: string) => /\.(xlsx|xlsm|xlsb|xls|ods|numbers|xml)$/i.test(path);

/** Files streamed by this module's own reader; the other workbooks are read whole (workbook-whole.ts). */
const isStreamed = (path: string) => /\.(xlsx|xlsm)$/i.test(path);

/** A sheet's CSV copy: its path, and whether it came from a sheet's cells or is a text export named like a workbook. */
export interface WorkbookCopy {
  path: string;
  /**
   * A delimited text file under a workbook's name (what some CRMs' "Export to Excel" writes): copied as it is, to be
   * read with the profile's CSV options, its dates not cells but text.
   */
  text: boolean;
}

/**
 * A CSV copy of one sheet of the workbook at `path` in `directory` (named after the workbook, so that messages about
 * it name the file the user gave): the sheet named or numbered (from 1) `sheet`, else the first. What the file holds
 * decides how it is read, not its name: an old .xls renamed .xlsx is read as what it is.
 */
export async function workbookCsv(
  path: string,
  sheet: string | number | undefined,
  directory: string
): Promise<WorkbookCopy> {
  mkdirSync(directory, {recursive: true});
  const content = workbookContent(fileBytes(path, 4096));
  if (/\.xml$/i.test(path) && content !== "spreadsheet-xml") {
    throw new InputError(`${path}: an XML file that is no Excel XML Spreadsheet 2003: save it as .xlsx or CSV UTF-8`);
  }
  if (content === "text" && !/\.xls$/i.test(path)) {
    throw new InputError(
      `${path}: cannot be read as a workbook (the file is text, not a workbook): ` +
        "name a CSV export .csv, or save the workbook again"
    );
  }
  if (content === "text") {
    const copy = join(directory, `${basename(path)}.csv`);
    copyFileSync(path, copy);
    return {path: copy, text: true};
  }
  if (content === "zip" && isStreamed(path)) return {path: await streamedCsv(path, sheet, directory), text: false};
  if (content === "html") return {path: await htmlCsv(path, sheet, directory), text: false};
  return {path: await wholeCsv(path, content, sheet, directory), text: false};
}

/**
 * The CSV copy of `path` in `directory` that `write` fills row by row; a copy that fails halfway is removed whole, its
 * file closed first. An error other than ours is said as `what` cannot read the file.
 */
async function sheetCopy(
  path: string,
  directory: string,
  what: string,
  write: (writer: CsvCopy) => Promise<void> | void
): Promise<string> {
  const copy = join(directory, `${basename(path)}.csv`);
  const writer = new CsvCopy(copy);
  try {
    await write(writer);
    await writer.finish();
    return copy;
  } catch (error) {
    await writer.discard();
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}: cannot be read as ${what} (${(error as Error).message}): save it again`);
  }
}

/** The sheet of a workbook SheetJS reads whole (workbook-whole.ts), copied. */
function wholeCsv(path: string, content: WorkbookContent, sheet: string | number | undefined, directory: string) {
  return sheetCopy(path, directory, "a spreadsheet workbook", (writer) =>
    readWholeWorkbook(path, readFileSync(path), content, sheet, writer.row)
  );
}

/** The table of an HTML file saved as .xls, streamed row by row into its copy (workbook-html.ts). */
function htmlCsv(path: string, sheet: string | number | undefined, directory: string) {
  return sheetCopy(path, directory, "an HTML table", (writer) => readHtmlTable(path, sheet, writer.row, writer.flush));
}

/** The sheet of a .xlsx or .xlsm, streamed row by row into its copy. */
function streamedCsv(path: string, sheet: string | number | undefined, directory: string) {
  return sheetCopy(path, directory, "an Excel workbook", async (writer) => {
    const zip = await openWorkbookZip(path);
    try {
      const parts = await readWorkbookParts(zip);
      const found = sheetOf(path, parts, sheet);
      const named = `${path}, sheet ${JSON.stringify(found.name)}`;
      await zip.parse(found.part, sheetHandlers(parts, writer.row, named), writer.flush);
    } finally {
      zip.close();
    }
  });
}

/** The sheet asked for (workbook-whole.ts's sheetName); an error naming the file when it has no sheet at all. */
function sheetOf(path: string, parts: WorkbookParts, sheet: string | number | undefined): WorkbookParts["sheets"][0] {
  if (parts.sheets.length === 0) throw new Error("it has no worksheet");
  const name = sheetName(
    path,
    parts.sheets.map((d) => d.name),
    sheet
  );
  return parts.sheets.find((d) => d.name === name)!;
}
