/**
 * Leads that a joined file (accounts, teams, owners) has no row for: kept, but without that file's fields. Each is
 * flagged with its key, so that the quality page lists them and the importer counts their share against its
 * threshold instead of letting segment and region turn "(unknown)" on every page unnoticed.
 */
import {sqlIdentifier, sqlString, type Database} from "./duckdb.js";
import type {SourceTable} from "./ingest.js";
import {columnSpec, type ImportProfile} from "../import/profile.js";
import {sourceTable} from "./ingest.js";

/**
 * Leads a joined file has no row for keep their lead but lack that file's fields (segment and region "(unknown)"):
 * each is flagged with its key, so that the quality page says so and the importer counts them against its threshold.
 */
export async function flagUnjoinedLeads(db: Database, profile: ImportProfile, sources: Record<string, SourceTable>) {
  const leadsFile = profile.leads.file;
  for (const [name, file] of Object.entries(profile.files)) {
    if (!file.join || file.join.optional) continue;
    // A lead id is never repeated in what is published: a join on it flags the row without the value.
    const keyColumn =
      file.join.via !== undefined
        ? `${file.join.via}.${file.join.on}`
        : (file.join.on ?? columnSpec(profile.leads.fields.lead_id).column);
    const label = sources[name].label;
    await db.run(`INSERT INTO flags
      SELECT l.file, l.row, ${sqlString(keyColumn)}, ${sqlString(`${unjoinedReason} ${label}`)},
        ${file.join.on === undefined || file.join.via !== undefined ? "NULL" : `left(trim(s.${sqlIdentifier(keyColumn)}), 60)`}
      FROM leads l JOIN ${sourceTable(leadsFile)} s ON s.row = l.row
      WHERE len(list_filter(l.joined_rows, j -> j.file = ${sqlString(label)} AND j.row IS NULL)) > 0`);
  }
}

/** The reason a lead is flagged with when a joined file has no row for it; the importer counts these. */
export const unjoinedReason = "no matching row (its fields stay unknown) in";
