/**
 * Reads one input file with DuckDB into a table of text columns plus its 1-based data row number, so that
 * validation can report the row and the original text of a field it rejects. DuckDB does all the parsing: no
 * hand-written CSV. A file that cannot be read at all gets one clear error naming it.
 */
import {createReadStream, statSync} from "node:fs";
import {basename, join} from "node:path";
import {Writable} from "node:stream";
import {pipeline} from "node:stream/promises";
import {createGunzip} from "node:zlib";
import {sqlIdentifier, sqlString, type Database} from "./duckdb.js";
import {csvSizeOptions, damagedParquetError, isParquet, stageSource, type Staged} from "./source-staging.js";
import {InputError} from "./input.js";
import {explainReadError} from "./read-errors.js";
import {stagedColumns} from "./staged-columns.js";
import {isJsonLines, jsonLinesKeys, jsonLinesReadSql} from "./json-lines.js";
import {csvHeader, fileBytes, nodeEncoding, type CsvHeader, type CsvOptions} from "./csv-header.js";
import {copyWithoutFooter, reportFooter, withoutGzippedFooter, type ReportFooter} from "./report-footer.js";
import {utf8Copy} from "./windows-1252.js";
import {readWithOneLineEnd} from "./line-ends.js";
import {isWorkbook, workbookCsv} from "./workbook.js";

export type {CsvOptions};

/**
 * The DuckDB table function that reads a file, chosen by its ending; a JSON Lines file needs its keys (json-lines.ts).
 */
export function readFileSql(
  path: string,
  csv: CsvOptions = {},
  jsonKeys: string[] = [],
  header: CsvHeader | null = null
): string {
  const lower = path.toLowerCase();
  if (lower.endsWith(".parquet")) return `read_parquet(${sqlString(path)})`;
  if (isJsonLines(path)) return jsonLinesReadSql(path, jsonKeys);
  if (/\.(csv|tsv|txt)(\.gz)?$/.test(lower)) {
    // DuckDB's dialect sniffer, given a ragged file, may skip rows or fall back to one column: silently losing data.
    // So the header fixes the delimiter and the columns, and DuckDB then reads every line strictly against them.
    const {delimiter, columns: names, skip} = header ?? csvHeader(path, csv);
    const columns = names.map((name) => `${sqlString(name)}: 'VARCHAR'`).join(", ");
    const options = [
      "header = true",
      "auto_detect = false",
      `delim = ${sqlString(delimiter)}`,
      `quote = '"'`,
      `escape = '"'`,
      `columns = {${columns}}`,
      "strict_mode = true",
      ...csvSizeOptions(path)
    ];
    if (skip > 0) options.push(`skip = ${skip}`);
    if (csv.encoding) options.push(`encoding = ${sqlString(csv.encoding)}`);
    return `read_csv(${sqlString(path)}, ${options.join(", ")})`;
  }
  // A .gsheet (Google Drive for desktop's stand-in for a Google Sheet) is only a link: say how to get the cells.
  const workbook = /\.gsheet$/.test(lower)
    ? ": a link to a Google Sheet, not its cells: download it (File, Download) as .xlsx or CSV"
    : "";
  throw new InputError(
    `${path}: unsupported file type (use CSV, Parquet, JSON Lines or a workbook: .xlsx, .xls, .ods, .numbers)${workbook}`
  );
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
  /** Lines of a report's footer after the data (report-footer.ts): counted in `rows`, each rejected, none a row. */
  footerLines?: number;
  /** Read from a workbook's sheet (workbook.ts): its date cells are ISO 8601 whatever the profile's date formats. */
  workbook?: boolean;
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
 * source-staging.ts). `reads`, the columns a profile may read, stages only those of a wide text file and finds a
 * header under a report's title. Throws InputError, naming the file, for an empty file, a binary file, a file DuckDB
 * cannot parse, or one with a header and no rows.
 */
export async function readSourceFile(
  db: Database,
  path: string,
  table: string,
  csv: CsvOptions = {},
  throughParquet = false,
  reads?: (column: string) => boolean
): Promise<SourceTable> {
  const size = statSync(path, {throwIfNoEntry: false})?.size;
  if (size === undefined) throw new InputError(`${path} not found`);
  if (size === 0) throw new InputError(`${path} is empty`);
  if (isWorkbook(path)) return readWorkbook(db, path, table, csv, throughParquet, reads);
  const options = {...csv, encoding: declaredEncoding(path, csv.encoding)};
  if (/\.gz$/i.test(path)) await checkGzip(path);
  else if (!isParquet(path) && options.encoding !== "utf-16" && looksBinary(path)) {
    throw new InputError(`${path} looks like a binary file, not CSV or JSON Lines text`);
  }
  const stage = (source: string, encoding: string | undefined) =>
    stageFile(db, source, table, {...options, encoding}, throughParquet, reads, path);
  // Lines ending in more than one way: read from a copy with one kind of line end (line-ends.ts).
  const oneLineEnd = (refusal: Error, source: string, encoding: string | undefined) =>
    readWithOneLineEnd(
      refusal,
      {source, name: path, encoding, directory: join(db.spillDirectory, table, "lines")},
      stage
    );
  const {staged, footer, columns} = await stage(path, options.encoding).catch(async (error: Error) => {
    // Bytes 0x80-0x9F in a latin-1 file: Windows-1252's €, dashes and quotes, which DuckDB's latin-1 reader refuses;
    // read from a UTF-8 copy instead (windows-1252.ts). A true ISO 8859-1 file costs nothing more.
    if (options.encoding !== "latin-1" || !/not latin-1 encoded/i.test(error.message)) {
      return oneLineEnd(error, path, options.encoding);
    }
    const copy = await utf8Copy(path, join(db.spillDirectory, table, "transcoded"));
    return stage(copy, undefined).catch((again: Error) => oneLineEnd(again, copy, undefined));
  });
  let view: {columns: string[]; typed: string[]; rows: number};
  try {
    view = await sourceView(db, table, staged);
  } catch (error) {
    // A Parquet file is first decoded here (its column names, then its rows): flipped bytes fail here, unnamed.
    throw (await damagedParquetError(db, error, [path])) ?? readError(path, error);
  }
  if (view.rows === 0) throw new InputError(`${path}: a header and no data rows`);
  return {
    table,
    label: basename(path),
    path,
    columns: columns ?? view.columns,
    rows: view.rows + (footer?.lines ?? 0),
    typed: view.typed,
    inPlace: staged.inPlace,
    ...(footer ? {footerLines: footer.lines} : {})
  };
}

/** A workbook's sheet, read from a CSV copy of it (workbook.ts); errors name the workbook. */
async function readWorkbook(
  db: Database,
  path: string,
  table: string,
  csv: CsvOptions,
  throughParquet: boolean,
  reads: ((column: string) => boolean) | undefined
): Promise<SourceTable> {
  const {path: copy, text} = await workbookCsv(path, csv.sheet, join(db.spillDirectory, table, "workbook"));
  try {
    // A text export under a workbook's name is a CSV as the profile describes it; a sheet's copy is our own CSV.
    const source = await readSourceFile(db, copy, table, text ? csv : {}, throughParquet, reads);
    return {...source, label: basename(path), path, workbook: !text};
  } catch (error) {
    throw error instanceof InputError ? new InputError(error.message.replaceAll(copy, path)) : error;
  }
}

/** The error of a file that cannot be read: ours as it is, DuckDB's told as one line naming the file. */
function readError(path: string, error: unknown): InputError {
  if (error instanceof InputError) return error;
  return new InputError(`${path}: cannot be read: ${explainReadError((error as Error).message)}`);
}

/**
 * Stages the file as the table `<table>_staging` (source-staging.ts): of a text file only the columns `reads` takes
 * (every column is still parsed and checked; `columns` then lists them all), and a CSV without its report footer.
 * Errors name the file as `name` (the file the user gave, where `path` is a copy of it).
 */
async function stageFile(
  db: Database,
  path: string,
  table: string,
  options: CsvOptions,
  throughParquet: boolean,
  reads: ((column: string) => boolean) | undefined,
  name = path
): Promise<{staged: Staged; footer: ReportFooter | null; columns?: string[]}> {
  try {
    const keys = isJsonLines(path) ? await jsonLinesKeys(db, path) : [];
    if (isJsonLines(path) && keys.length === 0)
      throw new InputError(
        `${path}: no line is a JSON object with keys: JSON Lines holds one object per line (a JSON array is not JSON Lines)`
      );
    // With the names a profile reads, a header under a report's title is found (csv-header.ts).
    const header = /\.(csv|tsv|txt)(\.gz)?$/i.test(path) ? csvHeader(path, options, reads) : null;
    // Said once: a file read again from a converted copy (name ≠ path) was described on the first try.
    if (name === path) for (const note of header?.notes ?? []) process.stderr.write(`leadstage: ${note}\n`);
    const all = header?.columns ?? keys;
    const select = await stagedColumns(path, options, all, reads ?? (() => true));
    // A report's footer under the data (report-footer.ts): the data is read from a copy without it.
    const footer =
      header && !/\.gz$/i.test(path)
        ? reportFooter(path, header.delimiter, header.columns.length, nodeEncoding(options.encoding))
        : null;
    const read = footer ? await copyWithoutFooter(path, footer, join(db.spillDirectory, table)) : path;
    const stage = (file: string) =>
      stageSource(db, file, `${table}_staging`, readFileSql(file, options, keys, header), throughParquet, select);
    const columns = select === "*" ? undefined : all.map((c) => c.trim());
    try {
      return {staged: await stage(read), footer, columns};
    } catch (error) {
      const inflated = await withoutGzippedFooter(path, header, options, error, join(db.spillDirectory, table));
      return {staged: await stage(inflated.path), footer: inflated.footer, columns};
    }
  } catch (error) {
    throw readError(name, error);
  }
}

/**
 * The view `table` over the staged file: its row number, every column as text and timestamp columns also as read;
 * with the file's columns, its typed ones, and its row count.
 */
async function sourceView(
  db: Database,
  table: string,
  staged: Staged
): Promise<{columns: string[]; typed: string[]; rows: number}> {
  const staging = `${table}_staging`;
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
  return {columns: columns.map((c) => c.trim()), typed: typedColumns.map((c) => c.trim()), rows};
}

/** A NUL byte in the first 8 KB: no text export in a one-byte encoding or UTF-8 has one. */
function looksBinary(path: string): boolean {
  return fileBytes(path, 8192).includes(0);
}

/**
 * The encoding to read a text file with: a UTF-16 byte-order mark wins (Excel's "Unicode text" and many Windows
 * tools write one, whatever the profile says), else the profile's. DuckDB reads UTF-16 little-endian only.
 */
function declaredEncoding(path: string, declared: string | undefined): string | undefined {
  if (/\.(parquet|gz)$/i.test(path)) return declared;
  const [a, b] = fileBytes(path, 2);
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
