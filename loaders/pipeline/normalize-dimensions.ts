/**
 * Spellings of one value ("google", "Google", "Google ") made one, for the lead fields a profile marks `normalize`:
 * values equal after lower-casing and collapsing white space become the most common spelling among them (ties: the
 * first in sort order), its spaces collapsed, so that campaigns and sources do not split in two on every page over a capital letter.
 */
import {sqlIdentifier, type Database} from "./duckdb.js";
import {columnSpec, type ImportProfile} from "../import/profile.js";

/** The descriptive lead fields (columns of the leads table) a profile normalises. */
export function normalizedFields(profile: ImportProfile): string[] {
  return Object.entries(profile.leads.fields)
    .filter(([, spec]) => spec !== undefined && columnSpec(spec).normalize === true)
    .map(([field]) => field);
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
