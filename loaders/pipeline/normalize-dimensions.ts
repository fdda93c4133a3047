/**
 * Spellings of one value ("google", "Google", "Google ") made one, for the lead fields a profile marks `normalize`:
 * values equal after lower-casing and collapsing white space become the most common spelling among them (ties: the
 * first in sort order), its spaces collapsed, so that campaigns and sources do not split in two on every page over a capital letter.
 */
import {sqlIdentifier, sqlString, type Database} from "./duckdb.js";
import {columnSpec, type ImportProfile} from "../import/profile.js";

/** The descriptive lead fields (columns of the leads table) a profile normalises. */
export function normalizedFields(profile: ImportProfile): string[] {
  const own = Object.entries(profile.dimensions ?? {}).map(([name, spec]) => [dimensionColumn(name), spec] as const);
  return [...Object.entries(profile.leads.fields), ...own]
    .filter(([, spec]) => spec !== undefined && columnSpec(spec).normalize === true)
    .map(([field]) => field);
}

/** The leads table's column of a profile's own dimension. */
export function dimensionColumn(name: string): string {
  return `dim_${name}`;
}

/**
 * CREATE the table dimension_labels (column, en, de): the profile's own dimensions with their labels, kept with the
 * model so that the extract's metadata can name them to the pages.
 */
export function dimensionLabelsSql(profile: Pick<ImportProfile, "dimensions">): string {
  const rows = Object.entries(profile.dimensions ?? {}).map(
    ([name, d]) => `(${[dimensionColumn(name), d.label.en, d.label.de].map(sqlString).join(", ")})`
  );
  return `CREATE OR REPLACE TABLE dimension_labels (column_name VARCHAR, en VARCHAR, de VARCHAR);
    ${rows.length ? `INSERT INTO dimension_labels VALUES ${rows.join(", ")};` : ""}`;
}

/** The columns of the profile's own dimensions, in the profile's order (", dim_product, dim_owner"; "" for none). */
export function dimensionColumns(profile: Pick<ImportProfile, "dimensions">, prefix = ""): string {
  return Object.keys(profile.dimensions ?? {})
    .map((name) => `, ${prefix}${sqlIdentifier(dimensionColumn(name))}`)
    .join("");
}

/** Rewrites each normalised field of the leads table to its most common spelling. */
export async function normalizeDimensions(db: Database, profile: ImportProfile): Promise<void> {
  for (const field of normalizedFields(profile)) {
    const column = sqlIdentifier(field);
    const collapse = (value: string) => `regexp_replace(trim(${value}), '\\s+', ' ', 'g')`;
    const key = (value: string) => `lower(${collapse(value)})`;
    await db.run(`UPDATE leads SET ${column} = spelling.form
      FROM (
        SELECT key, ${collapse(`first(${column} ORDER BY n DESC, ${column})`)} AS form
        FROM (SELECT ${key(column)} AS key, ${column}, count(*) AS n FROM leads WHERE ${column} IS NOT NULL GROUP BY ALL)
        GROUP BY key
      ) spelling
      WHERE ${key(`leads.${column}`)} = spelling.key AND leads.${column} IS DISTINCT FROM spelling.form`);
  }
}
