/**
 * Where the model's tables live: in memory, unless they would not fit DuckDB's memory limit there. An in-memory table
 * is stored as written (uncompressed: the database is never checkpointed, see Database.open), so a model larger than
 * the limit is spilled to disk as it is built and read back from there; a database file instead compresses its blocks
 * as it writes them. At a million generated leads memory is faster (7.2 s against 9.8 s); at ten million the file is
 * (102–105 s against 132 s; docs/pipeline-speed.md).
 */
import {memoryLimitBytes, type Database} from "./duckdb.js";
import type {SourceTable} from "./ingest.js";
import {progressEnabled} from "./progress.js";

/**
 * Bytes the model's tables take in memory per input row: 2,276 MB for the 12.8M rows of a million generated leads
 * (their leads and events; the checked events, leads, handoffs and nurture histories as DuckDB holds them).
 */
export const tableBytesPerInputRow = 178;

/**
 * How many times the memory limit the tables may need before a file is faster: spilling a little costs less than
 * compressing everything. Measured on this machine with a 4.2 GB limit (Parquet input, memory / file): 2M leads, 1.1
 * times the limit, 14.5 s / 19.0 s; 5M leads, 2.7 times, 53.2 s / 49.0 s; 10M leads, 5.4 times, 132 s / 102–105 s.
 */
export const spillFactor = 2.5;

/** Whether a model built from `inputRows` rows would need over {@link spillFactor} times `limitBytes` in memory. */
export function tablesOnDisk(inputRows: number, limitBytes: number): boolean {
  return inputRows * tableBytesPerInputRow > spillFactor * limitBytes;
}

/** Keeps the model's tables on disk when the sources read are too large for memory, and says so on stderr. */
export async function placeModelTables(
  db: Database,
  sources: Record<string, SourceTable>,
  limitBytes = memoryLimitBytes()
): Promise<boolean> {
  const rows = Object.values(sources).reduce((sum, d) => sum + d.rows, 0);
  if (!tablesOnDisk(rows, limitBytes)) return false;
  await db.keepTablesOnDisk();
  if (progressEnabled()) {
    const gb = (bytes: number) => (bytes / 1e9).toFixed(1);
    process.stderr.write(
      `leadstage: tables kept on disk: ${rows.toLocaleString("en-US")} input rows need about ` +
        `${gb(rows * tableBytesPerInputRow)} GB in memory, ` +
        `over ${spillFactor} times the limit of ${gb(limitBytes)} GB\n`
    );
  }
  return true;
}
