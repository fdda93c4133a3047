/**
 * Reads one input file with DuckDB into a raw table of text columns plus its 1-based row number, so that validation
 * can report the row and the original text of a field it rejects. DuckDB does all the parsing: no hand-written CSV.
 */
import {sqlIdentifier, sqlString, type Database} from "./duckdb.ts";
import {InputError} from "./input.ts";

/** The DuckDB table function that reads a file, chosen by its ending. */
export function readFileSql(path: string): string {
  const lower = path.toLowerCase();
  if (lower.endsWith(".parquet")) return `read_parquet(${sqlString(path)})`;
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) {
    return `read_json(${sqlString(path)}, format = 'newline_delimited', union_by_name = true)`;
  }
  if (lower.endsWith(".csv") || lower.endsWith(".csv.gz") || lower.endsWith(".tsv")) {
    return `read_csv(${sqlString(path)}, header = true, all_varchar = true)`;
  }
  throw new InputError(`${path}: unsupported file type (use CSV, Parquet or JSON Lines)`);
}

/**
 * Loads `path` into `table` with columns `row` and one VARCHAR column per field. Required fields must be present
 * (matched case-insensitively); optional ones absent from the file become NULL. Returns the number of rows read.
 */
export async function ingestFile(
  db: Database,
  path: string,
  table: string,
  fields: {required: readonly string[]; optional: readonly string[]}
): Promise<number> {
  const staging = `${table}_staging`;
  try {
    await db.run(`CREATE OR REPLACE TEMP TABLE ${sqlIdentifier(staging)} AS SELECT * FROM ${readFileSql(path)}`);
  } catch (error) {
    throw new InputError(`${path}: cannot be read: ${firstLine((error as Error).message)}`);
  }
  const columns = (await db.all<{column_name: string}>(`DESCRIBE ${sqlIdentifier(staging)}`)).map((d) => d.column_name);
  const byName = new Map(columns.map((name) => [name.trim().toLowerCase(), name]));
  const missing = fields.required.filter((field) => !byName.has(field));
  if (missing.length > 0) {
    throw new InputError(`${path}: missing column ${missing.join(", ")} (found: ${columns.join(", ")})`);
  }
  const select = [...fields.required, ...fields.optional].map((field) => {
    const column = byName.get(field);
    return column === undefined
      ? `NULL::VARCHAR AS ${sqlIdentifier(field)}`
      : `CAST(${sqlIdentifier(column)} AS VARCHAR) AS ${sqlIdentifier(field)}`;
  });
  await db.run(
    `CREATE OR REPLACE TABLE ${sqlIdentifier(table)} AS
     SELECT rowid + 1 AS row, ${select.join(", ")} FROM ${sqlIdentifier(staging)};
     DROP TABLE ${sqlIdentifier(staging)};`
  );
  const {rows} = await db.one<{rows: number}>(`SELECT count(*) AS rows FROM ${sqlIdentifier(table)}`);
  if (rows === 0) throw new InputError(`${path}: no data rows`);
  return rows;
}

function firstLine(message: string): string {
  return message.split("\n").find((line) => line.trim() !== "") ?? message;
}
