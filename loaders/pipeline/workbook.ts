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
import {closeSync, createWriteStream, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync} from "node:fs";
import type {WriteStream} from "node:fs";
import {once} from "node:events";
import {basename, join} from "node:path";
import {InputError} from "./input.js";
import {readWorkbookParts, type WorkbookParts} from "./workbook-parts.js";
import {sheetHandlers} from "./workbook-sheet.js";
import {openWorkbookZip, type WorkbookZip} from "./workbook-zip.js";

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
  mkdirSync(directory, {recursive: true});
  const copy = join(directory, `${basename(path)}.csv`);
  let zip: WorkbookZip | undefined;
  let writer: CsvCopy | undefined;
  try {
    refuseCompoundFile(path);
    zip = await openWorkbookZip(path);
    const parts = await readWorkbookParts(zip);
    const found = sheetOf(path, parts, sheet);
    writer = new CsvCopy(copy);
    await zip.parse(
      found.part,
      sheetHandlers(parts, writer.row, `${path}, sheet ${JSON.stringify(found.name)}`),
      writer.flush
    );
    await writer.finish();
    return copy;
  } catch (error) {
    // A sheet that breaks halfway leaves no open file and no half copy behind.
    writer?.discard();
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}: cannot be read as an Excel workbook (${(error as Error).message}): save it again`);
  } finally {
    zip?.close();
  }
}

/**
 * A workbook saved with a password is no zip but an OLE compound file (as the old .xls is), which Excel opens and no
 * zip reader can: said as such, not as a damaged file to save again as it is.
 */
function refuseCompoundFile(path: string): void {
  const head = Buffer.alloc(8);
  const fd = openSync(path, "r");
  try {
    readSync(fd, head, 0, 8, 0);
  } finally {
    closeSync(fd);
  }
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    throw new InputError(
      `${path}: a password-protected workbook (or an old .xls under a new name), which cannot be read: ` +
        "save it as .xlsx without a password, or as CSV UTF-8"
    );
  }
}

/** The sheet asked for; an error naming the workbook and its sheets when it has no such sheet. */
function sheetOf(path: string, parts: WorkbookParts, sheet: string | number | undefined): WorkbookParts["sheets"][0] {
  const found =
    sheet === undefined
      ? parts.sheets[0]
      : typeof sheet === "number"
        ? parts.sheets[sheet - 1]
        : parts.sheets.find((d) => d.name === sheet);
  if (found) return found;
  if (sheet === undefined) throw new Error("it has no worksheet");
  const names = parts.sheets.map((d) => JSON.stringify(d.name)).join(", ");
  throw new InputError(`${path}: no sheet ${JSON.stringify(sheet)} in the workbook (its sheets: ${names})`);
}

/**
 * The CSV copy as its rows arrive: every line as wide as the widest row so far. A row wider than every row before
 * it (a value right of the header) widens the lines already written in one more pass at the end.
 */
class CsvCopy {
  private readonly out: WriteStream;
  private pending: string[] = [];
  private width = 0;
  private lastRow = 0;
  private bytes = 0;
  /** Each line's end (a byte offset after its line break) and the width it was written at. */
  private readonly ends: number[] = [];
  private readonly widths: number[] = [];

  constructor(private readonly path: string) {
    this.out = createWriteStream(path);
  }

  /** Takes a row: blank rows above it become blank lines (Excel's row numbers kept); an empty row waits for one. */
  readonly row = (number: number, cells: string[]): void => {
    if (cells.length === 0) return;
    this.width = Math.max(this.width, cells.length);
    for (let blank = this.lastRow + 1; blank < number; ++blank) this.line(",".repeat(this.width - 1));
    this.lastRow = number;
    const fields = new Array<string>(this.width);
    for (let i = 0; i < this.width; ++i) fields[i] = csvField(cells[i] ?? "");
    this.line(fields.join(","));
  };

  /** Writes the lines taken so far, waiting while the file is behind. */
  readonly flush = async (): Promise<void> => {
    if (this.pending.length === 0) return;
    const text = this.pending.join("");
    this.pending = [];
    if (!this.out.write(text)) await once(this.out, "drain");
  };

  /** Closes the copy, every line as wide as the widest row. */
  async finish(): Promise<void> {
    await this.flush();
    this.out.end();
    await once(this.out, "finish");
    if (this.widths.some((width) => width < this.width)) this.widen();
  }

  /** Closes and removes the copy (a sheet that could not be read whole). */
  discard(): void {
    this.out.destroy();
    rmSync(this.path, {force: true});
  }

  private line(text: string): void {
    this.pending.push(text, "\n");
    this.bytes += Buffer.byteLength(text) + 1;
    this.ends.push(this.bytes);
    this.widths.push(this.width);
  }

  /** Rewrites the copy with empty fields added to the lines written before the widest row. */
  private widen(): void {
    const widened = `${this.path}.widened`;
    const input = openSync(this.path, "r");
    const output = openSync(widened, "w");
    try {
      let start = 0;
      for (let i = 0; i < this.ends.length; ++i) {
        const line = Buffer.alloc(this.ends[i] - 1 - start);
        readSync(input, line, 0, line.length, start);
        writeAll(output, Buffer.concat([line, Buffer.from(`${",".repeat(this.width - this.widths[i])}\n`)]));
        start = this.ends[i];
      }
    } finally {
      closeSync(input);
      closeSync(output);
    }
    renameSync(widened, this.path);
  }
}

/** Writes all of `bytes` to the file descriptor. */
function writeAll(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done);
}

/** A field quoted where CSV needs it (RFC 4180): a comma, a quote or a line break in it. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
