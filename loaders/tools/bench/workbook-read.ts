/**
 * The bench's Excel workbook measurement: the generated events as a sheet (as many rows as a sheet holds), read the
 * way an import reads one (workbook.ts: streamed into a CSV copy) at two sizes, so that the time and the memory per
 * row show whether reading scales with the rows; and a CRM contacts export of a million rows and twenty columns
 * (wide-sheet.ts), whose sheet XML is longer than V8's longest string. read-excel-file 9.3 (until 2026-12-06) copied
 * every row read so far once per chunk of XML (a sheet of a million rows took 619 s where 400,000 took 4 s, until
 * patched), held the sheet whole (968 MB for a million rows of four columns) and could not read the wide one.
 *
 * `tsx loaders/tools/bench/workbook-read.ts <sheet.xlsx>` reads one sheet in its own process (its peak memory its
 * own) and prints {ms, maxRssMB, lines} as JSON.
 */
import {spawnSync} from "node:child_process";
import {createReadStream, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import writeExcelFile from "write-excel-file/node";
import yauzl from "yauzl";
import {sqlString, withDatabase} from "../../pipeline/duckdb.js";
import {workbookCsv} from "../../pipeline/workbook.js";
import {met} from "./report.js";
import {wideSheetHeader, writeWideSheet} from "./wide-sheet.js";

/** One sheet read: its data rows and columns, the time and the reading process's peak memory. */
export interface WorkbookRead {
  rows: number;
  columns: number;
  ms: number;
  maxRssMB: number;
  /** The sheet's XML as stored in the workbook, uncompressed. */
  sheetXmlMB: number;
}

/** V8's longest string in characters (0x1fffffe8): a sheet's XML longer than this cannot be held as one string. */
const longestString = 0x1fffffe8;

/** The rows of the wide contacts sheet. */
export const wideSheetRows = 1_000_000;

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

/** Each size's sheet written from `events`, and the wide contacts sheet, each read in its own process. */
export async function measureWorkbookReads(events: string): Promise<WorkbookRead[]> {
  const directory = mkdtempSync(join(tmpdir(), "leadstage-bench-workbook-"));
  try {
    const reads: WorkbookRead[] = [];
    for (const rows of workbookRows) {
      const path = join(directory, `events-${rows}.xlsx`);
      await writeEventSheet(events, rows, path);
      reads.push({...readInProcess(path, rows), rows, columns: 4});
      rmSync(path);
    }
    const wide = join(directory, "contacts.xlsx");
    writeWideSheet(wide, wideSheetRows);
    reads.push({...readInProcess(wide, wideSheetRows), rows: wideSheetRows, columns: wideSheetHeader.length});
    return reads;
  } finally {
    rmSync(directory, {recursive: true, force: true});
  }
}

/** Reads the sheet at `path` in a process of its own; an error unless every row came through. */
function readInProcess(path: string, rows: number): Pick<WorkbookRead, "ms" | "maxRssMB" | "sheetXmlMB"> {
  const read = spawnSync("npx", ["tsx", "loaders/tools/bench/workbook-read.ts", path], {encoding: "utf8"});
  if (read.status !== 0) throw new Error(`reading ${path} failed: ${read.stderr.slice(-2000)}`);
  const result = JSON.parse(read.stdout.trim().split("\n").pop()!) as WorkbookRead & {lines: number};
  if (result.lines !== rows + 1) throw new Error(`${path}: ${result.lines} lines read, ${rows + 1} written`);
  return result;
}

/**
 * The report's lines: each sheet read, and the targets: a row of the large event sheet costs at most 1.5× one of the
 * small (reading scales with the rows), its peak memory at most twice the small one's (the sheet is streamed, not
 * held), and the wide sheet is read, its XML longer than V8's longest string (else the run does not show it).
 */
export function workbookLines(reads: WorkbookRead[]): {lines: string[]; targets: string[]} {
  const lines = reads.map(
    (d) =>
      `- A sheet of ${d.rows.toLocaleString("en-US")} ${d.columns === 4 ? "events" : "contacts"} × ${d.columns} ` +
      `columns (sheet XML ${Math.round(d.sheetXmlMB)} MB): ${(d.ms / 1000).toFixed(2)} s ` +
      `(${Math.round(d.rows / (d.ms / 1000)).toLocaleString("en-US")} rows a second), peak ${Math.round(d.maxRssMB)} MB`
  );
  const [small, large, wide] = reads;
  const growth = large.ms / large.rows / (small.ms / small.rows);
  const memory = large.maxRssMB / small.maxRssMB;
  const sheet = (d: WorkbookRead) => `a ${d.rows.toLocaleString("en-US")}-row sheet`;
  const targets = [
    `- Excel workbook: a row of ${sheet(large)} costs ${growth.toFixed(2)}× one of ${sheet(small)} ` +
      `(target ≤ 1.5×, reading scales with the rows): ${met(growth <= 1.5)}; its peak memory is ${memory.toFixed(2)}× ` +
      `(target ≤ 2×, the sheet is streamed): ${met(memory <= 2)}`
  ];
  if (wide) {
    targets.push(
      `- Excel workbook: ${sheet(wide)} of ${wide.columns} columns, its XML ${Math.round(wide.sheetXmlMB)} MB ` +
        `(V8's longest string: 512 MB), read in ${(wide.ms / 1000).toFixed(1)} s at a peak of ` +
        `${Math.round(wide.maxRssMB)} MB: ${met(wide.sheetXmlMB * 1e6 > longestString)}`
    );
  }
  return {lines, targets};
}

/** The lines of a file (its line breaks: the bench's sheets hold none inside a value). */
async function countLines(path: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(path)) {
    for (let at = (chunk as Buffer).indexOf(10); at !== -1; at = (chunk as Buffer).indexOf(10, at + 1)) ++lines;
  }
  return lines;
}

/** The uncompressed size of the workbook's first sheet part. */
async function sheetXmlBytes(path: string): Promise<number> {
  const zip = await yauzl.openPromise(path);
  let bytes = 0;
  for await (const entry of zip.eachEntry()) {
    if (entry.fileName === "xl/worksheets/sheet1.xml") bytes = entry.uncompressedSize;
  }
  return bytes;
}

/** Run as a script: reads the sheet given into a CSV copy and prints the measurement. */
async function main(path: string): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), "leadstage-bench-sheet-"));
  try {
    const started = performance.now();
    const copy = (await workbookCsv(path, undefined, directory)).path;
    const ms = performance.now() - started;
    const maxRssMB = process.resourceUsage().maxRSS / 1024;
    const lines = await countLines(copy);
    process.stdout.write(`${JSON.stringify({ms, maxRssMB, lines, sheetXmlMB: (await sheetXmlBytes(path)) / 1e6})}\n`);
  } finally {
    rmSync(directory, {recursive: true, force: true});
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main(process.argv[2]!);
