/**
 * JSON Lines read as text, every key of every line a column. DuckDB's own detection decides the columns and their
 * types from a sample of the first 20,480 lines: a key first seen later was dropped without a word (a lost reason or
 * an amount that only later events carry), a value of another type later (a text ID after numeric ones, one bad
 * date) failed the whole file, and a key with values of several types became JSON, its strings read back in quotes
 * (every campaign name, once one row held an object). So one pass lists every key (json_keys over each line) and the
 * file is then read with each of them as VARCHAR: a string as written, a number or a nested value as its JSON text.
 */
import {sqlString, type Database} from "./duckdb.js";

/** Every key of the file's objects: those of DuckDB's sample in its order, then the others in sorted order. */
export async function jsonLinesKeys(db: Database, path: string): Promise<string[]> {
  const file = sqlString(path);
  const all = await db.all<{key: string}>(
    `SELECT DISTINCT unnest(json_keys(json)) AS key FROM read_ndjson_objects(${file}) ORDER BY key`
  );
  // Only for the order of the columns: a line that is not an object fails the read itself, naming its line.
  const sampled = await db
    .all<{column_name: string}>(`DESCRIBE SELECT * FROM read_json(${file}, format = 'newline_delimited')`)
    .catch(() => []);
  const keys = new Set(all.map((d) => d.key));
  const first = sampled.map((d) => d.column_name).filter((key) => keys.has(key));
  return [...first, ...[...keys].filter((key) => !first.includes(key))];
}

/** The DuckDB table function reading the file's objects with `keys` as text columns; a line not an object fails it. */
export function jsonLinesReadSql(path: string, keys: string[]): string {
  const columns = keys.map((key) => `${sqlString(key)}: 'VARCHAR'`).join(", ");
  return `read_json(${sqlString(path)}, format = 'newline_delimited', records = true, auto_detect = false, columns = {${columns}})`;
}

/** A JSON Lines file, by its ending. */
export function isJsonLines(path: string): boolean {
  return /\.(jsonl|ndjson|json)(\.gz)?$/i.test(path);
}
