/**
 * A site needs at least one lead. When validation rejected every row of the leads file, the pages would be zeros
 * (and their period comparisons have no dates to start from), so the build stops with one line naming the file and
 * its most common reject: field, reason, count and first row. The importer keeps such a model and fails on its
 * reject rate instead, after printing every reason and writing rejects.csv.
 */
import {InputError} from "./input.js";
import {sqlString, type Database} from "./duckdb.js";

/** Throws when the model in `db` kept no lead from the leads file `leadsFile` (its name, as rejects quote it). */
export async function refuseWithoutLeads(db: Database, leadsFile: string): Promise<void> {
  const {leads} = await db.one<{leads: number}>("SELECT count(*)::INTEGER AS leads FROM leads");
  if (leads > 0) return;
  const top = await db.all<{field: string; reason: string; n: number; first_row: number; rows: number}>(
    `SELECT field, reason, count(*)::INTEGER AS n, min(row)::INTEGER AS first_row,
       (SELECT count(*)::INTEGER FROM rejects WHERE file = ${sqlString(leadsFile)}) AS rows
     FROM rejects WHERE file = ${sqlString(leadsFile)}
     GROUP BY field, reason ORDER BY n DESC, first_row LIMIT 1`
  );
  const most = top[0];
  const rows = (most?.rows ?? 0).toLocaleString("en-US");
  const often = most
    ? ` most often (${most.n.toLocaleString("en-US")} of them) for ${most.field}: ${most.reason}, first on row ` +
      `${most.first_row};`
    : "";
  throw new InputError(
    `${leadsFile}: all ${rows} rows were rejected, so there is no lead to show;${often} correct the file or the ` +
      `export it came from`
  );
}
