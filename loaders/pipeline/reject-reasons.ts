/**
 * What validation rejected (or flagged), grouped by file, field and reason with a few example rows: the same table the
 * quality page shows and the importer writes into dataset.json. Lead IDs in the examples are pseudonymised.
 */
import type {Database} from "./duckdb.js";
import {pseudonymSql} from "./pseudonym.js";
import {namedSql, sqlList} from "./sql.js";
import type {RejectReason} from "../../src/lib/core/dataset.js";

/** Rejected (or flagged) rows grouped by reason with example rows; lead IDs pseudonymised. */
export async function rejectReasons(db: Database, table: "rejects" | "flags" = "rejects"): Promise<RejectReason[]> {
  const rows = await db.all(
    namedSql("reject-reasons", {
      table,
      lead_id_reasons: sqlList([
        "duplicate lead_id",
        "its lead was rejected",
        "unknown lead_id (not in the leads file)"
      ]),
      pseudonym: pseudonymSql("value")
    })
  );
  return rows.map((row) => ({
    file: row.file as string,
    field: row.field as string,
    reason: row.reason as string,
    count: Number(row.count ?? 0),
    examples: row.examples as {row: number; value: string | null}[]
  }));
}
