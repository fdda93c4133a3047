/**
 * Where a source file's rows live while the model is built. A Parquet file is not copied: DuckDB reads it where it
 * lies, its footer giving the columns and the row count and `file_row_number` the row. At a million leads the copy
 * of 11.8M events cost 1.1 s of the 9.2 s pipeline and 0.8 GB of its peak memory (docs/pipeline-speed.md), while the
 * one statement that reads the events reads the file as fast as the copy. Text files (CSV, JSON Lines) are parsed
 * once into a table: parsing them again in every statement that reads them would cost more than the copy. Text
 * larger than DuckDB's memory limit is parsed once into a Parquet file in the spill folder instead, read like any
 * Parquet input: a table of it would spill uncompressed and be read back from there by every step.
 */
import {statSync} from "node:fs";
import {join} from "node:path";
import {memoryLimitBytes, sqlIdentifier, sqlString, type Database} from "./duckdb.js";
import {InputError} from "./input.js";

/** How a staged source is read: its row number, 1-based in file order, and the columns staging added. */
export interface Staged {
  rowNumber: string;
  added: string[];
  /** Read where it lies (a view over the file), not copied. */
  inPlace: boolean;
}

/**
 * Makes `staging` the rows of `path`: a view over a Parquet file, else a table filled by `readSql` (a DuckDB table
 * function reading the file) with the columns `select` lists, or with `throughParquet` a view over a Parquet file that
 * DuckDB writes from them into the spill folder (removed with the database). Errors are DuckDB's, for the caller.
 */
export async function stageSource(
  db: Database,
  path: string,
  staging: string,
  readSql: string,
  throughParquet = false,
  select = "*"
): Promise<Staged> {
  if (throughParquet && !isParquet(path)) {
    const copy = join(db.spillDirectory, `${staging}.parquet`);
    // In file order (the database preserves insertion order), so that the copy's row numbers are the file's.
    await db.run(`COPY (SELECT ${select} FROM ${readSql}) TO ${sqlString(copy)} (FORMAT parquet)`);
    return stageSource(db, copy, staging, `read_parquet(${sqlString(copy)})`);
  }
  if (isParquet(path)) {
    try {
      await db.run(
        `CREATE OR REPLACE VIEW ${sqlIdentifier(staging)} AS SELECT * FROM read_parquet(${sqlString(path)}, file_row_number = true)`
      );
      return {rowNumber: "file_row_number + 1", added: ["file_row_number"], inPlace: true};
    } catch (error) {
      // A file with a column of that name of its own: copied like any other, numbered by the table's rows.
      if (!/file_row_number/.test((error as Error).message)) throw error;
    }
  }
  await db.run(`CREATE OR REPLACE TABLE ${sqlIdentifier(staging)} AS SELECT ${select} FROM ${readSql}`);
  await unhideRowid(db, staging);
  // rowid follows the file's order: DuckDB preserves insertion order (see Database.open).
  return {rowNumber: "rowid + 1", added: [], inPlace: false};
}

/**
 * A file's own column named rowid (a database dump's) hides the table's row id, which numbers the rows, and the
 * build failed adding 1 to its text. It is renamed with a trailing space, which the source view trims off again.
 */
async function unhideRowid(db: Database, staging: string): Promise<void> {
  const columns = await db.all<{column_name: string}>(`DESCRIBE ${sqlIdentifier(staging)}`);
  const own = columns.find((d) => d.column_name.toLowerCase() === "rowid");
  if (!own) return;
  const renamed = sqlIdentifier(`${own.column_name} `);
  await db.run(`ALTER TABLE ${sqlIdentifier(staging)} RENAME COLUMN ${sqlIdentifier(own.column_name)} TO ${renamed}`);
}

/** Whether `path` names a Parquet file (read where it lies). */
export const isParquet = (path: string) => /\.parquet$/i.test(path);

/**
 * How many times its size on disk a gzipped text file holds, about: the generated history of a million leads, as CSV
 * gzipped with `gzip -6`, holds 7.2 times (events) and 5.9 times (leads) its size.
 */
export const gzipRatio = 6;

/**
 * Whether the text sources among `paths` (CSV, JSON Lines; gzipped ones counted at {@link gzipRatio} times their size)
 * are staged through Parquet: when their text is larger than DuckDB's memory limit, a table of it could not stay in
 * memory. Ten million generated leads with broken rows (7.5 GB of CSV, 4.2 GB limit), the whole pipeline: 186.5 and
 * 194.8 s through a table (peak 5.3 and 6.0 GB), 179.3 and 174.9 s through Parquet (4.9 and 5.7 GB); a million (0.7
 * GB): staging the text took 2.0 s as a table and 4.1 s as Parquet (docs/pipeline-speed.md).
 */
export function stageThroughParquet(paths: string[], limitBytes = memoryLimitBytes()): boolean {
  const text = paths.filter((path) => !isParquet(path)).reduce((sum, path) => sum + textBytes(path), 0);
  return text > limitBytes;
}

/** A file's size as text (a gzipped one's at {@link gzipRatio} times its size), 0 for a file that is not there. */
export function textBytes(path: string): number {
  const size = statSync(path, {throwIfNoEntry: false})?.size ?? 0;
  return /\.gz$/i.test(path) ? gzipRatio * size : size;
}

/**
 * DuckDB's CSV reader's sizes for a text file. A line may hold a long text (a note with a whole e-mail): up to 10 MB,
 * five times DuckDB's default. Its buffer is then by default 16 times that (160 MB), in which a small file is parsed
 * by one thread: at 100,000 leads leads.csv (17 MB) took 157-242 ms to stage, 106-114 ms with 16 MB buffers, and
 * events.csv (56 MB) 317-360 against 243-312 ms; from 100 MB on the default was as fast or faster (a million leads'
 * leads.csv, 168 MB: 589-733 against 726-899 ms), so only text under 64 MB gets the smaller buffers
 * (docs/pipeline-speed.md). A buffer holds at least one whole line.
 */
export function csvSizeOptions(path: string): string[] {
  const options = ["max_line_size = 10000000"];
  if (textBytes(path) < 64e6) options.push("buffer_size = 16000000");
  return options;
}

/**
 * A Parquet source is read by the statements that use it, so a broken page surfaces there, as DuckDB's "Failed to
 * read file": the same clear error as when the file is first read, naming it. Null for any other error.
 */
export function sourceReadError(error: unknown, paths: string[]): InputError | null {
  const match = /Failed to read file "([^"]+)":\s*(.*)/s.exec((error as Error)?.message ?? "");
  if (!match || !paths.includes(match[1])) return null;
  return new InputError(`${match[1]}: cannot be read: ${match[2].split("\n")[0].trim()}`);
}

/**
 * DuckDB's words for a Parquet file with damaged pages (a flipped byte, a shifted copy), often without its name;
 * "don't know what type" is its Thrift reader's, for bytes in front of the file (the fuzzer's report title).
 */
const parquetDamage =
  /TProtocolException|Out of buffer|Parquet file|Could not read enough bytes|not valid UTF-?8|Invalid unicode|corrupt|don't know what type/i;

/**
 * A Parquet source's pages are decoded only by the statements that use it, so a damaged one fails there with DuckDB's
 * words ("TProtocolException: Invalid data", "Out of buffer"), which name no file. Each Parquet source is then decoded
 * whole, and the first that fails is named with what is wrong (never a value it quotes). Null for any other error,
 * or when every Parquet source decodes.
 */
export async function damagedParquetError(db: Database, error: unknown, paths: string[]): Promise<InputError | null> {
  if (!parquetDamage.test((error as Error)?.message ?? "")) return null;
  for (const path of paths.filter(isParquet)) {
    try {
      await db.all(`SELECT max(length(CAST(COLUMNS(*) AS VARCHAR))) FROM read_parquet(${sqlString(path)})`);
    } catch (probe) {
      const message = (probe as Error).message;
      const reason = /not valid UTF-?8|Invalid unicode/i.test(message)
        ? "a text value is not valid UTF-8"
        : /don't know what type/i.test(message)
          ? "its metadata cannot be decoded: bytes in front of it, or a damaged copy"
          : message
              .split("\n")[0]
              .replace(/^[A-Za-z ]*Error: /, "")
              .replace(/ "[^"]*"/g, "")
              .trim();
      return new InputError(
        `${path}: cannot be read: the Parquet file is damaged (${reason}): copy or export it again`
      );
    }
  }
  return null;
}
