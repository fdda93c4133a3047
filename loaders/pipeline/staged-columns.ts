/**
 * Which columns of a text file are staged (ingest.ts): a CRM's "all properties" export has hundreds of columns, of
 * which a profile names a dozen (loaders/import/profile-columns.ts); staging only those made a 320-column export of
 * 200,000 contacts read in 1.2 s instead of 6.2 s (docs/pipeline-speed.md). DuckDB still parses every line whole.
 */
import {sqlIdentifier} from "./duckdb.js";
import {isJsonLines} from "./json-lines.js";
import {isValidUtf8File} from "./valid-utf8.js";
import type {CsvOptions} from "./csv-header.js";

/**
 * What to stage of a text file with the columns `all`: those `reads` takes, or `*` for all of them. A UTF-8 CSV is
 * first checked (valid-utf8.ts), and only where it leaves out over half its columns: at a million leads, leaving out
 * leads.csv's three personal columns of ten saved less than the check cost (read 0.49 s whole, 0.53-0.58 s checked).
 */
export async function stagedColumns(
  path: string,
  options: CsvOptions,
  all: string[],
  reads: (column: string) => boolean
): Promise<string> {
  const staged = all.filter((c) => reads(c.trim()));
  if (staged.length === all.length || options.encoding === "utf-16") return "*";
  // JSON Lines: every line was parsed for its keys, invalid UTF-8 failing there.
  const checked = isJsonLines(path) || options.encoding === "latin-1";
  if (!checked && (staged.length * 2 >= all.length || !(await isValidUtf8File(path)))) return "*";
  // Every row is kept, whatever the profile reads: a table needs a column.
  return (staged.length > 0 ? staged : all.slice(0, 1)).map(sqlIdentifier).join(", ");
}
