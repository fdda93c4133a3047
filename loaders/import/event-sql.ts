/**
 * The SQL shapes of the mapped events (raw_events) that ProfileCompiler fills in: one narrow select per event
 * section, and the event_sections table naming each section's file and source columns.
 */
import {sqlString} from "../pipeline/duckdb.js";

/** What a reject needs to name of one event section: its file and the source columns of each part of an event. */
export interface EventSection {
  file: string;
  leadColumn: string;
  atColumn: string;
  /** Already a SQL string literal (the formats as a reader reads them). */
  atFormats: string;
  typeColumn: string;
  valueColumn: string;
}

/** The event_sections table as a VALUES list (one row per section, numbered from 0 like raw_events.section). */
export function sectionRows(sections: EventSection[]): string {
  // A VALUES list needs a row; a profile without event sections gets an empty table of the same shape.
  const rows =
    sections.length === 0
      ? ["(NULL, NULL, NULL, NULL, NULL, NULL, NULL)"]
      : sections.map(
          (d, i) =>
            `(${i}, ${[d.file, d.leadColumn, d.atColumn].map(sqlString).join(", ")}, ${d.atFormats}, ${[d.typeColumn, d.valueColumn].map(sqlString).join(", ")})`
        );
  // file_rank orders the files as their names sort, so that "by file, then row" can be one number (see handoffs.sql).
  return `SELECT *, CAST(dense_rank() OVER (ORDER BY file) AS USMALLINT) AS file_rank FROM (
    SELECT CAST(section AS USMALLINT) AS section, CAST(COLUMNS(* EXCLUDE (section)) AS VARCHAR)
    FROM (VALUES ${rows.join(", ")}) AS t(section, file, lead_column, at_column, at_formats, type_column, value_column)
    ${sections.length === 0 ? "WHERE FALSE" : ""})
    ORDER BY section`;
}

/** The SQL pieces of one event section's select. */
export interface EventParts {
  section: number;
  leadId: string;
  atText: string;
  atTyped: string;
  at: string;
  type: string;
  typeText: string;
  value: string;
  from: string;
  where: string;
  /** Further inner columns the outer pass reads for the instant (a creation date a duration counts from). */
  inner?: Record<string, string>;
}

/**
 * One section's events, narrow: the section's number instead of its file and column names, and the type as written
 * only where it differs from the mapped type (for a reject to quote).
 */
export function eventSelect(p: EventParts): string {
  const inner = Object.entries(p.inner ?? {});
  return `SELECT * EXCLUDE (${["at_typed", ...inner.map(([name]) => name)].join(", ")}), ${p.at} AS "at" FROM (
SELECT CAST(${p.section} AS USMALLINT) AS section, e.row, ${p.leadId} AS lead_id, ${p.atText} AS at_text,
  ${p.atTyped} AS at_typed,${inner.map(([name, sql]) => `\n  ${sql} AS ${name},`).join("")}
  lower(${p.type}) AS type,
  CASE WHEN ${p.typeText} IS DISTINCT FROM lower(${p.type}) THEN ${p.typeText} END AS type_text,
  ${p.value} AS value
FROM ${p.from}
WHERE ${p.where})`;
}

/** A select of no events, with raw_events' columns: the shape of a profile without event sections. */
export const emptyEvents = `SELECT NULL::USMALLINT AS section, NULL::BIGINT AS row, NULL::VARCHAR AS lead_id,
  NULL::VARCHAR AS at_text, NULL::VARCHAR AS type, NULL::VARCHAR AS type_text, NULL::VARCHAR AS value,
  NULL::TIMESTAMP AS "at"`;
