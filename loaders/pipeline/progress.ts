/**
 * A progress line per heavy step on stderr — what ran, how many rows it left, how long it took — so that a nightly
 * build over ten million leads says where it is and where its time goes. `LEADSTAGE_PROGRESS=0` turns them off.
 */
import type {Database} from "./duckdb.js";

/** Whether progress lines are written (they are, unless LEADSTAGE_PROGRESS is "0"). */
export function progressEnabled(): boolean {
  return process.env.LEADSTAGE_PROGRESS !== "0";
}

/** "12,804,153" — rows as a reader counts them. */
function count(n: number): string {
  return n.toLocaleString("en-US");
}

/** Writes "leadstage: <label>: <rows> rows in <s> s" for a step that began at `started` (performance.now()). */
export function reportStep(label: string, started: number, rows: number | null = null): void {
  if (!progressEnabled()) return;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  process.stderr.write(`leadstage: ${label}${rows === null ? "" : `: ${count(rows)} rows`} in ${seconds} s\n`);
}

/**
 * Runs `sql` in `db` as the step `label` and reports it: with `table`, the rows that table holds afterwards.
 * The line goes out after the step, so that it carries the time; a failing step reports nothing and throws.
 */
export async function runStep(db: Database, label: string, sql: string, table?: string): Promise<void> {
  const started = performance.now();
  await db.run(sql);
  if (!progressEnabled()) return;
  const rows = table ? (await db.one<{n: number}>(`SELECT count(*) AS n FROM ${table}`)).n : null;
  reportStep(label, started, rows);
}
