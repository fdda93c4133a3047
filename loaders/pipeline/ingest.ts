/**
 * Reads one input file with DuckDB into a table of text columns plus its 1-based data row number, so that
 * validation can report the row and the original text of a field it rejects. DuckDB does all the parsing: no
 * hand-written CSV. A file that cannot be read at all gets one clear error naming it.
 */
import {closeSync, createReadStream, openSync, readSync, statSync} from "node:fs";
import {basename} from "node:path";
import {Writable} from "node:stream";
import {pipeline} from "node:stream/promises";
import {constants as zlibConstants, createGunzip, gunzipSync} from "node:zlib";
import {sqlIdentifier, sqlString, type Database} from "./duckdb.js";
import {isParquet, stageSource, type Staged} from "./source-staging.js";
import {InputError} from "./input.js";
import {explainReadError} from "./read-errors.js";
import {isJsonLines, jsonLinesKeys, jsonLinesReadSql} from "./json-lines.js";

/** How to read a CSV file; ignored for Parquet and JSON Lines. */
export interface CsvOptions {
  encoding?: string;
  delimiter?: string;
}

/**
 * The DuckDB table function that reads a file, chosen by its ending; a JSON Lines file needs its keys (json-lines.ts).
 */
export function readFileSql(path: string, csv: CsvOptions = {}, jsonKeys: string[] = []): string {
  const lower = path.toLowerCase();
  if (lower.endsWith(".parquet")) return `read_parquet(${sqlString(path)})`;
  if (isJsonLines(path)) return jsonLinesReadSql(path, jsonKeys);
  if (/\.(csv|tsv|txt)(\.gz)?$/.test(lower)) {
    // DuckDB's dialect sniffer, given a ragged file, may skip rows or fall back to one column: silently losing data.
    // So the header fixes the delimiter and the columns, and DuckDB then reads every line strictly against them.
    const header = csvHeader(path, csv);
    const columns = header.columns.map((name) => `${sqlString(name)}: 'VARCHAR'`).join(", ");
    const options = [
      "header = true",
      "auto_detect = false",
      `delim = ${sqlString(header.delimiter)}`,
      `quote = '"'`,
      `escape = '"'`,
      `columns = {${columns}}`,
      "strict_mode = true",
      "max_line_size = 10000000"
    ];
    if (header.skip > 0) options.push(`skip = ${header.skip}`);
    if (csv.encoding) options.push(`encoding = ${sqlString(csv.encoding)}`);
    return `read_csv(${sqlString(path)}, ${options.join(", ")})`;
  }
  // A workbook is what many CRMs export by default: say how to get a file this reads.
  const workbook = /\.(xlsx|xlsm|xls|ods|numbers)$/.test(lower)
    ? ": a spreadsheet workbook, save each sheet as CSV UTF-8"
    : "";
  throw new InputError(`${path}: unsupported file type (use CSV, Parquet or JSON Lines)${workbook}`);
}

/** Delimiters tried when a profile names none, most common first. */
const delimiters = [",", ";", "\t", "|"];

/**
 * The header of a CSV file: its delimiter (the profile's, else the candidate that splits the header most) and its
 * column names, and the lines before it (Excel's "sep=;" line). Only the first lines are read here; every data line
 * is parsed by DuckDB.
 */
export function csvHeader(path: string, csv: CsvOptions = {}): {delimiter: string; columns: string[]; skip: number} {
  const encoding = csv.encoding === "latin-1" ? "latin1" : csv.encoding === "utf-16" ? "utf16le" : "utf8";
  const start = firstBytes(path, 65536);
  // A gzipped file's first 64 KB, inflated as far as they go (without the rest, zlib would call the stream cut off):
  // its header read here too, so that DuckDB reads it as strictly as plain text. Its own sniffer, given one ragged
  // row, took the whole file for one column.
  const head = /\.gz$/i.test(path) ? gunzipSync(start, {finishFlush: zlibConstants.Z_SYNC_FLUSH}) : start;
  const text = head.toString(encoding);
  const [first, second = ""] = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  // Excel writes "sep=;" above the header of a CSV it saves for another locale: the delimiter, then the header.
  const excelSeparator = /^"?sep=(.)"?$/i.exec(first)?.[1];
  const line = excelSeparator === undefined ? first : second;
  const delimiter =
    csv.delimiter ??
    excelSeparator ??
    delimiters.reduce((best, d) => (splitHeader(line, d).length > splitHeader(line, best).length ? d : best));
  // A column without a name (an export that ends every line with the delimiter, a spreadsheet's stray column) cannot
  // be mapped by a profile: it is read under a placeholder name, so that every line still has its fields, and said.
  const columns = splitHeader(line, delimiter).map((c, i) => (c.trim() === "" ? unnamedColumn(i) : c));
  const unnamed = columns.filter((c) => c.startsWith("(unnamed"));
  if (unnamed.length > 0) {
    process.stderr.write(`leadstage: ${basename(path)}: ${unnamed.join(", ")} has no name in the header: ignored\n`);
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
  return {delimiter, columns, skip: excelSeparator === undefined ? 0 : 1};
}

/** The name a header column without one is read under: "(unnamed column 38)". */
export function unnamedColumn(index: number): string {
  return `(unnamed column ${index + 1})`;
}

/** Splits a header line at the delimiter, honouring double quotes around a name. */
function splitHeader(line: string, delimiter: string): string[] {
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

/** The source table name of a profile file. */
export const sourceTable = (file: string) => `src_${file}`;

/**
 * The columns a file has, for an error message; but when its first line does not look like a header (a value that
 * starts with a digit, an e-mail address, a long text), it is probably the first data row of a file without a header,
 * and its values, which may be personal, are not repeated.
 */
export function describeHeader(columns: string[]): string {
  const looksLikeName = (d: string) => d.length <= 64 && !d.includes("@") && /^[\p{L}_"'(#]/u.test(d);
  if (columns.every(looksLikeName)) return `columns: ${columns.join(", ")}`;
  return `its first line does not look like a header: is the header line missing?`;
}

/** A file read into a table: its name for reports, its columns as found, and its row count. */
export interface SourceTable {
  table: string;
  label: string;
  path: string;
  columns: string[];
  rows: number;
  /** Columns the file stores as timestamps or dates (not text), also in the view as {@link typedColumn}. */
  typed?: string[];
  /** Read where it lies by every statement that uses it (a Parquet file), not copied (see source-staging.ts). */
  inPlace?: boolean;
}

/** Column types read as points in time: their text is DuckDB's own ISO 8601 printing of them. */
const typedTimeTypes = ["TIMESTAMP", "DATE"];

/** The name under which the source view also holds a timestamp or date column as read: "at (as read)". */
export function typedColumn(column: string): string {
  return `${column} (as read)`;
}

/**
 * Makes `table` a view of `path` with a `row` column and every column of the file as VARCHAR (a Parquet file read
 * where it lies, other files loaded once, into a table or with `throughParquet` into a Parquet file: see
 * source-staging.ts). Throws InputError, naming the file, for an empty file, a binary file, a file DuckDB cannot
 * parse, or one with a header and no rows.
 */
export async function readSourceFile(
  db: Database,
  path: string,
  table: string,
  csv: CsvOptions = {},
  throughParquet = false
): Promise<SourceTable> {
  const size = statSync(path, {throwIfNoEntry: false})?.size;
  if (size === undefined) throw new InputError(`${path} not found`);
  if (size === 0) throw new InputError(`${path} is empty`);
  const options = {...csv, encoding: declaredEncoding(path, csv.encoding)};
  if (/\.gz$/i.test(path)) await checkGzip(path);
  else if (!isParquet(path) && options.encoding !== "utf-16" && looksBinary(path)) {
    throw new InputError(`${path} looks like a binary file, not CSV or JSON Lines text`);
  }
  const staging = `${table}_staging`;
  let staged: Staged;
  try {
    const keys = isJsonLines(path) ? await jsonLinesKeys(db, path) : [];
    if (isJsonLines(path) && keys.length === 0)
      throw new InputError(
        `${path}: no line is a JSON object with keys: JSON Lines holds one object per line (a JSON array is not JSON Lines)`
      );
    staged = await stageSource(db, path, staging, readFileSql(path, options, keys), throughParquet);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}: cannot be read: ${explainReadError((error as Error).message)}`);
  }
  const described = (
    await db.all<{column_name: string; column_type: string}>(`DESCRIBE ${sqlIdentifier(staging)}`)
  ).filter((d) => !staged.added.includes(d.column_name));
  const columns = described.map((d) => d.column_name);
  // Every column as text, as a reader of the file sees it; timestamp and date columns (Parquet has them) also as
  // they were read, so that the mapping need not print and parse back 11.8M dates (see ProfileCompiler.time).
  const typedColumns = described.filter((d) => typedTimeTypes.includes(d.column_type)).map((d) => d.column_name);
  const renamed = columns.map((c) => `CAST(${sqlIdentifier(c)} AS VARCHAR) AS ${sqlIdentifier(c.trim())}`);
  const asRead = typedColumns.map(
    (c) => `CAST(${sqlIdentifier(c)} AS TIMESTAMP) AS ${sqlIdentifier(typedColumn(c.trim()))}`
  );
  // A view numbers the rows instead of a second copy of the file's data.
  await db.run(
    `CREATE OR REPLACE VIEW ${sqlIdentifier(table)} AS SELECT ${staged.rowNumber} AS row, ${[...renamed, ...asRead].join(", ")} FROM ${sqlIdentifier(staging)}`
  );
  const {rows} = await db.one<{rows: number}>(`SELECT count(*) AS rows FROM ${sqlIdentifier(table)}`);
  if (rows === 0) throw new InputError(`${path}: a header and no data rows`);
  const typed = typedColumns.map((c) => c.trim());
  return {
    table,
    label: basename(path),
    path,
    columns: columns.map((c) => c.trim()),
    rows,
    typed,
    inPlace: staged.inPlace
  };
}

/** A NUL byte in the first 8 KB: no text export in a one-byte encoding or UTF-8 has one. */
function looksBinary(path: string): boolean {
  return firstBytes(path, 8192).includes(0);
}

function firstBytes(path: string, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const fd = openSync(path, "r");
  try {
    return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * The encoding to read a text file with: a UTF-16 byte-order mark wins (Excel's "Unicode text" and many Windows
 * tools write one, whatever the profile says), else the profile's. DuckDB reads UTF-16 little-endian only.
 */
function declaredEncoding(path: string, declared: string | undefined): string | undefined {
  if (/\.(parquet|gz)$/i.test(path)) return declared;
  const [a, b] = firstBytes(path, 2);
  if (a === 0xff && b === 0xfe) return "utf-16";
  if (a === 0xfe && b === 0xff) {
    throw new InputError(`${path}: UTF-16 big-endian text, which cannot be read: save it as UTF-8 or UTF-16 LE`);
  }
  return declared;
}

/**
 * A .gz file must decompress to its end: DuckDB reads a cut-off one up to the cut, which can lose rows without a
 * word (or report the last, partial line as ragged). One pass through zlib, discarding the text, tells.
 */
async function checkGzip(path: string): Promise<void> {
  const discard = new Writable({write: (_chunk, _encoding, done) => done()});
  try {
    await pipeline(createReadStream(path), createGunzip(), discard);
  } catch (error) {
    const reason = (error as Error).message;
    throw new InputError(
      `${path}: not a complete gzip file (${reason}): it was cut off or damaged in transfer; copy or export it again`
    );
  }
}
