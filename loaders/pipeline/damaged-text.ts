/**
 * A NUL character in text that reaches the model: a lead's descriptive field (campaign, source, …, the data's own
 * dimensions) or an event's value (validate-events.sql). No export writes one in text: it is a damaged byte, or a
 * UTF-16 file's zero read into a value. The first 8 KB of a one-byte or UTF-8 file are checked for one whole
 * (ingest.ts), but one further on, in a UTF-16 file or in a Parquet string reached the handoffs' sort, where DuckDB 1.5
 * writes the dimension's ENUM type out as SQL and fails to parse it back ("unterminated quoted string"): a crash
 * without file, row or field. The row is rejected instead, naming the export's column.
 */
import {sqlIdentifier, sqlString} from "./duckdb.js";
import {dimensionColumn} from "./normalize-dimensions.js";
import {columnSpec, type FieldSpec, type ImportProfile} from "../import/profile.js";

/** The leads table's descriptive text fields, each with the export's column it is read from. */
function descriptiveColumns(profile: Pick<ImportProfile, "leads" | "dimensions">): [string, string][] {
  const fields = profile.leads.fields as Record<string, FieldSpec | undefined>;
  const builtIn = ["campaign", "source", "segment", "company_size", "region"].flatMap((field) => {
    const spec = fields[field];
    return spec === undefined ? [] : [[field, columnSpec(spec).column] as [string, string]];
  });
  const own = Object.entries(profile.dimensions ?? {}).map(
    ([name, spec]) => [dimensionColumn(name), columnSpec(spec).column] as [string, string]
  );
  return [...builtIn, ...own];
}

/**
 * SQL over raw_leads: the export's column of the first descriptive field holding a NUL character, else NULL (also
 * for a profile that maps no such field).
 */
export function damagedTextFieldSql(profile: Pick<ImportProfile, "leads" | "dimensions">): string {
  const checks = descriptiveColumns(profile).map(
    ([field, column]) => `WHEN contains(${sqlIdentifier(field)}, chr(0)) THEN ${sqlString(column)}`
  );
  return checks.length === 0 ? "NULL::VARCHAR" : `CASE ${checks.join(" ")} END`;
}

/** The reason of such a reject (the value itself is not repeated: it is damaged). */
export const damagedTextReason = "NUL character in the value (damaged text)";
