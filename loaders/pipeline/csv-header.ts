/**
 * The few lines of a CSV file read outside DuckDB: its header (delimiter, column names, Excel's "sep=" line) and,
 * with report-footer.ts, a report's footer. Every data line is parsed by DuckDB (ingest.ts).
 */
import {closeSync, openSync, readSync} from "node:fs";
import {basename} from "node:path";
import {constants as zlibConstants, gunzipSync} from "node:zlib";
import {InputError} from "./input.js";

/** How to read a CSV file (or which sheet of a workbook: workbook.ts); ignored for Parquet and JSON Lines. */
export interface CsvOptions {
  encoding?: string;
  delimiter?: string;
  /** A workbook's sheet, by name or number (from 1); the first when absent. */
  sheet?: string | number;
}

/** A CSV file's delimiter, column names and the lines before its header. */
export interface CsvHeader {
  delimiter: string;
  columns: string[];
  skip: number;
  /** What the reader should be told (lines not read above the header, columns without a name), one line each. */
  notes: string[];
}

/** The Node encoding of a profile's: "latin-1", "utf-16" (little-endian), else UTF-8. */
export function nodeEncoding(encoding: string | undefined): BufferEncoding {
  return encoding === "latin-1" ? "latin1" : encoding === "utf-16" ? "utf16le" : "utf8";
}

/** Delimiters tried when a profile names none, most common first. */
const delimiters = [",", ";", "\t", "|"];

/**
 * The header of a CSV file: its delimiter (the profile's, else the candidate that splits the header most) and its
 * column names, and the lines before it (Excel's "sep=;" line; given the names a profile reads, a report's title
 * lines: see {@link headerLine}), with notes for the reader, which the caller prints. Only the first lines are read
 * here; every data line is parsed by DuckDB.
 */
export function csvHeader(path: string, csv: CsvOptions = {}, names?: (column: string) => boolean): CsvHeader {
  const encoding = nodeEncoding(csv.encoding);
  const start = fileBytes(path, 65536);
  // A gzipped file's first 64 KB, inflated as far as they go (without the rest, zlib would call the stream cut off):
  // its header read here too, so that DuckDB reads it as strictly as plain text. Its own sniffer, given one ragged
  // row, took the whole file for one column.
  const head = /\.gz$/i.test(path) ? gunzipSync(start, {finishFlush: zlibConstants.Z_SYNC_FLUSH}) : start;
  const lines = head
    .toString(encoding)
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\n|\r/);
  // Excel writes "sep=;" above the header of a CSV it saves for another locale: the delimiter, then the header.
  const excelSeparator = /^"?sep=(.)"?$/i.exec(lines[0])?.[1];
  const fixed = csv.delimiter ?? excelSeparator;
  const first = excelSeparator === undefined ? 0 : 1;
  const skip = names ? headerLine(lines, first, fixed, names) : first;
  // A workbook's sheet is read from a CSV copy named after it (workbook.ts): messages name the workbook.
  const label = basename(path).replace(/(\.xlsx|\.xlsm)\.csv$/i, "$1");
  const notes: string[] = [];
  if (skip > first) {
    const above = skip - first;
    notes.push(
      `${label}: header found on line ${skip + 1}, under a report's title: line${above === 1 ? ` ${first + 1}` : `s ${first + 1}–${skip}`} not read`
    );
  }
  const line = lines[skip] ?? "";
  const delimiter =
    fixed ??
    delimiters.reduce((best, d) => (splitCsvLine(line, d).length > splitCsvLine(line, best).length ? d : best));
  // A column without a name (an export that ends every line with the delimiter, a spreadsheet's stray column) cannot
  // be mapped by a profile: it is read under a placeholder name, so that every line still has its fields, and said.
  const columns = splitCsvLine(line, delimiter).map((c, i) => (c.trim() === "" ? unnamedColumn(i) : c));
  const unnamed = columns.filter((c) => c.startsWith("(unnamed"));
  if (unnamed.length > 0) {
    notes.push(`${label}: ${unnamed.join(", ")} has no name in the header: ignored`);
  }
  // Control characters in a name mean the bytes were decoded with the wrong encoding (UTF-16 read as UTF-8, say).
  const garbled = columns.findIndex((c) => /[\u0000-\u001f\ufffd]/.test(c));
  if (garbled >= 0) {
    throw new InputError(
      `${path}: header column ${garbled + 1} has control or unreadable characters in its name: is the file's encoding right (UTF-8, latin-1, UTF-16)?`
    );
  }
  // DuckDB, like SQL, does not tell "Email" from "email": two such names would be one column.
  const seen = new Map<string, string>();
  for (const column of columns) {
    const twin = seen.get(column.toLowerCase());
    if (twin === column) throw new InputError(`${path}: header names column "${column}" twice`);
    if (twin !== undefined) {
      throw new InputError(
        `${path}: header has columns "${twin}" and "${column}", which differ only in case: rename one of them`
      );
    }
    seen.set(column.toLowerCase(), column);
  }
  return {delimiter, columns, skip, notes};
}

/** How many lines of a file's start are searched for its header under a report's title. */
const titleLines = 50;

/**
 * The index of the header among `lines` (from `first`): a report exported "formatted" (Salesforce's, a BI tool's)
 * has its title, date and filters above the header. Where the first line names no column that `names` takes (a
 * profile's), the header is the first line naming the most of them, at least two (one could be a data value, a
 * campaign called "Campaign"), under any of the delimiters (or the one given); else it is the first line, as before.
 */
export function headerLine(
  lines: string[],
  first: number,
  delimiter: string | undefined,
  names: (column: string) => boolean
): number {
  const named = (line: string) =>
    Math.max(...(delimiter ? [delimiter] : delimiters).map((d) => splitCsvLine(line, d).filter(names).length));
  if (named(lines[first] ?? "") > 0) return first;
  let best = first;
  let most = 1;
  // The last line of the start read may be cut off: not searched.
  for (let i = first + 1; i < Math.min(lines.length - 1, first + titleLines); ++i) {
    const count = named(lines[i]);
    if (count > most) [best, most] = [i, count];
  }
  return best;
}

/** The name a header column without one is read under: "(unnamed column 38)". */
export function unnamedColumn(index: number): string {
  return `(unnamed column ${index + 1})`;
}

/** `length` bytes of a file from `position` (its first by default; fewer where it ends). */
export function fileBytes(path: string, length: number, position = 0): Buffer {
  const buffer = Buffer.alloc(length);
  const fd = openSync(path, "r");
  try {
    return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, position));
  } finally {
    closeSync(fd);
  }
}

/** Splits one line of a CSV file at the delimiter, honouring double quotes around a field; fields trimmed. */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const names: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < line.length; ++i) {
    const c = line[i];
    if (c === '"') {
      if (quoted && line[i + 1] === '"') {
        current += '"';
        ++i;
      } else quoted = !quoted;
    } else if (c === delimiter && !quoted) {
      names.push(current.trim());
      current = "";
    } else current += c;
  }
  names.push(current.trim());
  return names;
}
