/**
 * Which rows of an event section's file are its events, and how each finds its lead. A long section may take only
 * rows whose column holds given values (`when`: the Status rows of a field-history export) and leaves out statuses
 * mapped to no event; any section may name its lead by another column of the leads file (`leadKey`: an opportunity
 * file keyed by the opportunity a lead was converted into). A row a section does not take is no event for it: read,
 * never rejected, and counted apart when no section of its file takes it.
 */
import {sqlString} from "../pipeline/duckdb.js";
import {sourceTable} from "../pipeline/ingest.js";
import {columnSpec, type FieldSpec, type ImportProfile, type LongEvents, type WideEvents} from "./profile.js";

/** The compiler's cell and field expressions (ProfileCompiler), which check the column and name the profile key. */
export interface CellSql {
  cell: (alias: string, file: string, column: string, key: string) => string;
  field: (alias: string, file: string, spec: FieldSpec, key: string) => string;
}

/** A section's rows: what to read them from (alias e), their lead id, and which of them it takes (null: every row). */
export interface SectionScope {
  from: string;
  leadId: string;
  takes: string | null;
}

/** The scope of `section` (profile key `key`). */
export function sectionScope(
  profile: ImportProfile,
  section: LongEvents | WideEvents,
  key: string,
  sql: CellSql
): SectionScope {
  const conditions: string[] = [];
  let from = `${sourceTable(section.file)} e`;
  let leadId = sql.field("e", section.file, section.leadId, `${key}.leadId`);
  if (section.leadKey !== undefined) {
    // The first lead by file order with that key, as a join on its file would take it.
    const leadsFile = profile.leads.file;
    const leadKey = sql.cell("l", leadsFile, section.leadKey, `${key}.leadKey`);
    const leadIdOfRow = sql.field("l", leadsFile, profile.leads.fields.lead_id, "leads.fields.lead_id");
    from += ` LEFT JOIN (SELECT ${leadKey} AS lead_key, ${leadIdOfRow} AS key_lead FROM ${sourceTable(leadsFile)} l
      QUALIFY row_number() OVER (PARTITION BY lead_key ORDER BY l.row) = 1) k ON k.lead_key = ${leadId}`;
    leadId = "k.key_lead";
    conditions.push("k.key_lead IS NOT NULL");
  }
  if (section.shape === "long") {
    const spec = columnSpec(section.type);
    const none = Object.entries(spec.values ?? {})
      .filter(([, to]) => to === false)
      .map(([from]) => sqlString(from));
    if (none.length > 0) {
      conditions.push(
        `coalesce(${sql.cell("e", section.file, spec.column, `${key}.type`)} NOT IN (${none.join(", ")}), TRUE)`
      );
    }
    if (section.when) {
      const cell = sql.cell("e", section.file, section.when.column, `${key}.when.column`);
      conditions.push(`coalesce(${cell} IN (${section.when.values.map(sqlString).join(", ")}), FALSE)`);
    }
  }
  return {from, leadId, takes: conditions.length > 0 ? conditions.join(" AND ") : null};
}
