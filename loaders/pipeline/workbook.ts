/**
 * Excel workbooks (.xlsx, .xlsm): what HubSpot's and Salesforce's export dialogs offer first. read-excel-file reads
 * one sheet (the first, or the profile's `sheet`) and it is written as a UTF-8 CSV copy that DuckDB then reads like
 * any export, so every check of a CSV holds for it (ingest.ts). Row numbers stay Excel's: a blank row between the
 * data is kept (a blank-row reject, blank-rows.ts), and data row n is the sheet's row n + 1. A cell Excel stores as
 * a date is written as ISO 8601, its clock time as shown (Excel keeps no time zone: the profile's `timezone` holds),
 * and read as such whatever the profile's date formats (profile-sql.ts); a date typed as text is read by them.
 */
import {createWriteStream, mkdirSync} from "node:fs";
import {once} from "node:events";
import {basename, join} from "node:path";
import readWorkbook, {readSheet, type CellValue} from "read-excel-file/node";
import {InputError} from "./input.js";

/** Whether `path` names a workbook this reads. */
export const isWorkbook = (path: string) => /\.(xlsx|xlsm)$/i.test(path);

/**
 * A CSV copy of one sheet of the workbook at `path` in `directory` (named after the workbook, so that messages about
 * it name the file the user gave): the sheet named or numbered (from 1) `sheet`, else the first.
 */
export async function workbookCsv(
  path: string,
  sheet: string | number | undefined,
  directory: string
): Promise<string> {
  const rows = await sheetRows(path, sheet);
  mkdirSync(directory, {recursive: true});
  const copy = join(directory, `${basename(path)}.csv`);
  const out = createWriteStream(copy);
  // A loop, not Math.max(...widths): a sheet's rows as arguments overflowed the call stack from about 125,000 rows.
  const width = rows.reduce((most, row) => Math.max(most, row.length), 1);
  for (const row of rows) {
    const line = Array.from({length: width}, (_, i) => csvField(cellText(row[i] ?? null))).join(",");
    if (!out.write(line + "\n")) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return copy;
}

/** The rows of the sheet asked for; an error naming the workbook and its sheets when it has no such sheet. */
async function sheetRows(path: string, sheet: string | number | undefined): Promise<(CellValue | null)[][]> {
  try {
    if (sheet === undefined) return (await readSheet(path)) as (CellValue | null)[][];
    const sheets = await readWorkbook(path);
    const found = typeof sheet === "number" ? sheets[sheet - 1] : sheets.find((d) => d.sheet === sheet);
    if (!found) {
      const names = sheets.map((d) => JSON.stringify(d.sheet)).join(", ");
      throw new InputError(`${path}: no sheet ${JSON.stringify(sheet)} in the workbook (its sheets: ${names})`);
    }
    return found.data as (CellValue | null)[][];
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}: cannot be read as an Excel workbook (${(error as Error).message}): save it again`);
  }
}

/** A cell as a CSV export would hold it: dates in ISO 8601, numbers as JavaScript writes them (exact, "." decimal). */
function cellText(value: CellValue | null): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return "";
    const iso = value.toISOString();
    if (iso.endsWith("T00:00:00.000Z")) return iso.slice(0, 10);
    // Milliseconds where a cell has them (Excel keeps them; they were cut off here before).
    return iso.slice(0, iso.endsWith(".000Z") ? 19 : 23).replace("T", " ");
  }
  return String(value);
}

/** A field quoted where CSV needs it (RFC 4180): a comma, a quote or a line break in it. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
