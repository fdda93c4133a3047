/**
 * Blank rows: a spreadsheet saved as CSV keeps the rows someone formatted and never filled (`,,,,,,`), often hundreds
 * under the data. Each was rejected as "missing lead_id", counted against the import's reject-rate threshold: 2,000
 * leads over 1,000 such rows failed the import at 33% rejected. They are still rejects (read = used + rejected holds)
 * but under a reason of their own, which the threshold leaves out, and the quality page names them for what they are.
 */
import {sqlIdentifier, sqlString, type Database} from "./duckdb.js";
import type {SourceTable} from "./ingest.js";

/** The reject reason of a row with no value in any column read. */
export const blankRowReason = "blank row (no value in any column read)";

/**
 * Gives the rejects of rows with no lead ID whose every column read is empty (blank, or one of `nullMarkers`) the
 * reason {@link blankRowReason}. Only the rows already rejected for their missing lead ID are looked at, so a file
 * without such a reject costs one look at the rejects.
 */
export async function relabelBlankRows(
  db: Database,
  sources: SourceTable[],
  nullMarkers: readonly string[] = []
): Promise<void> {
  const empty = ["", ...nullMarkers].map(sqlString).join(", ");
  for (const source of sources) {
    const label = sqlString(source.label);
    const {n} = await db.one<{n: number}>(
      `SELECT count(*) AS n FROM rejects WHERE file = ${label} AND reason = 'missing lead_id'`
    );
    if (n === 0) continue;
    // COLUMNS in a WHERE clause: one condition per column of the source view (its row number aside), all of them.
    await db.run(`UPDATE rejects SET field = '(whole row)', reason = ${sqlString(blankRowReason)}, value = NULL
      WHERE file = ${label} AND reason = 'missing lead_id' AND row IN (
        SELECT row FROM ${sqlIdentifier(source.table)}
        WHERE coalesce(trim(CAST(COLUMNS(c -> c <> 'row') AS VARCHAR)), '') IN (${empty})
      )`);
  }
}
