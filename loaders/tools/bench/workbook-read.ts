/**
 * The bench's Excel workbook measurement: the generated events as a sheet (as many rows as a sheet holds), read the
 * way an import reads one (workbook.ts: read-excel-file into a CSV copy) at two sizes, so that the time per row shows
 * whether reading scales with the rows. read-excel-file 9.3 copied every row read so far once per chunk of XML: a
 * sheet of a million rows took 619 s where 400,000 took 4 s (patched: patches/read-excel-file+9.3.17.patch).
 *
 * `tsx loaders/tools/bench/workbook-read.ts <sheet.xlsx>` reads one sheet in its own process (its peak memory its
 * own) and prints {ms, maxRssMB, lines} as JSON.
 */
import {spawnSync} from "node:child_process";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import writeExcelFile from "write-excel-file/node";
import {sqlString, withDatabase} from "../../pipeline/duckdb.js";
import {workbookCsv} from "../../pipeline/workbook.js";
import {met} from "./report.js";

/** One sheet read: its data rows, the time and the reading process's peak memory. */
export interface WorkbookRead {
  rows: number;
  ms: number;
  maxRssMB: number;
}

/** The sheet sizes read: Excel holds at most 1,048,576 rows a sheet. */
export const workbookRows = [100_000, 1_000_000];

/** Writes the first `rows` events of a Parquet history as a sheet at `path`, their instants as date cells. */
export async function writeEventSheet(events: string, rows: number, path: string): Promise<void> {
  const records = await withDatabase((db) =>
    db.all<{lead_id: string; at: string; type: string; value: string | null}>(
      `SELECT lead_id, strftime("at", '%Y-%m-%dT%H:%M:%SZ') AS "at", type, value
       FROM read_parquet(${sqlString(events)}) LIMIT ${rows}`
    )
  );
  const format = "yyyy-mm-dd hh:mm:ss";
  const sheet = [
    ["lead_id", "at", "type", "value"],
    ...records.map((d) => [d.lead_id, {value: new Date(d.at), type: Date, format}, d.type, d.value])
  ];
  await writeExcelFile(sheet).toFile(path);
}

/** Each size's sheet written from `events` and read in its own process. */
export async function measureWorkbookReads(events: string): Promise<WorkbookRead[]> {
  const directory = mkdtempSync(join(tmpdir(), "leadstage-bench-workbook-"));
  try {
    const reads: WorkbookRead[] = [];
    for (const rows of workbookRows) {
      const path = join(directory, `events-${rows}.xlsx`);
      await writeEventSheet(events, rows, path);
      const read = spawnSync("npx", ["tsx", "loaders/tools/bench/workbook-read.ts", path], {encoding: "utf8"});
      if (read.status !== 0) throw new Error(`reading ${path} failed: ${read.stderr.slice(-2000)}`);
      const result = JSON.parse(read.stdout.trim().split("\n").pop()!) as WorkbookRead & {lines: number};
      if (result.lines !== rows + 1) throw new Error(`${path}: ${result.lines} lines read, ${rows + 1} written`);
      reads.push({rows, ms: result.ms, maxRssMB: result.maxRssMB});
    }
    return reads;
  } finally {
    rmSync(directory, {recursive: true, force: true});
  }
}

/** The report's lines: each sheet read, and whether a row costs the same at both sizes (target: ≤ 1.5×). */
export function workbookLines(reads: WorkbookRead[]): {lines: string[]; target: string} {
  const perRow = reads.map((d) => d.ms / d.rows);
  const growth = perRow.at(-1)! / perRow[0];
  const lines = reads.map(
    (d) =>
      `- A sheet of ${d.rows.toLocaleString("en-US")} events × 4 columns: ${(d.ms / 1000).toFixed(2)} s ` +
      `(${Math.round(d.rows / (d.ms / 1000)).toLocaleString("en-US")} rows a second), peak ${Math.round(d.maxRssMB)} MB`
  );
  const target =
    `- Excel workbook: a row of a ${reads.at(-1)!.rows.toLocaleString("en-US")}-row sheet costs ${growth.toFixed(2)}× ` +
    `one of a ${reads[0].rows.toLocaleString("en-US")}-row sheet (target ≤ 1.5×, reading scales with the rows): ` +
    met(growth <= 1.5);
  return {lines, target};
}

/** Run as a script: reads the sheet given into a CSV copy and prints the measurement. */
async function main(path: string): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), "leadstage-bench-sheet-"));
  try {
    const started = performance.now();
    const copy = await workbookCsv(path, undefined, directory);
    const ms = performance.now() - started;
    const maxRssMB = process.resourceUsage().maxRSS / 1024;
    const lines = readFileSync(copy, "utf8").trimEnd().split("\n").length;
    process.stdout.write(`${JSON.stringify({ms, maxRssMB, lines})}\n`);
  } finally {
    rmSync(directory, {recursive: true, force: true});
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main(process.argv[2]!);
