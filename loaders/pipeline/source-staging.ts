/**
 * Where a source file's rows live while the model is built. A Parquet file is not copied: DuckDB reads it where it
 * lies, its footer giving the columns and the row count and `file_row_number` the row. At a million leads the copy
 * of 11.8M events cost 1.1 s of the 9.2 s pipeline and 0.8 GB of its peak memory (docs/pipeline-speed.md), while the
 * one statement that reads the events reads the file as fast as the copy. Text files (CSV, JSON Lines) are parsed
 * once into a table: parsing them again in every statement that reads them would cost more than the copy.
 */
import {sqlIdentifier, sqlString, type Database} from "./duckdb.js";
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
 * function reading the file). Errors are DuckDB's, for the caller to explain.
 */
export async function stageSource(db: Database, path: string, staging: string, readSql: string): Promise<Staged> {
  if (/\.parquet$/i.test(path)) {
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
  await db.run(`CREATE OR REPLACE TABLE ${sqlIdentifier(staging)} AS SELECT * FROM ${readSql}`);
  // rowid follows the file's order: DuckDB preserves insertion order (see Database.open).
  return {rowNumber: "rowid + 1", added: [], inPlace: false};
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
