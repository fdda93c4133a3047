/**
 * One benchmark run in its own process, so that its peak memory is its own: `tsx loaders/tools/bench/run.ts <contender>
 * <folder>` prints {ms, maxRssMB, levels, ...sizes} as JSON. Contenders: read-floor (DuckDB reading the input files
 * into tables and nothing else: the least any pipeline on DuckDB can take), leadstage (the real pipeline: model,
 * overview, per-handoff extract, pseudonyms), arquero, typed-arrays. `ms` and `maxRssMB` are the contender's work
 * only: leadstage's measurements after its extract is written (decoding it in Node, reading its Parquet metadata) are
 * timed apart and not counted in its peak memory.
 */
import {mkdtempSync, readFileSync, rmSync, statSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import {sqlString, withDatabase} from "../../pipeline/duckdb.js";
import {extractFiles, writeExtractFiles} from "../../site/extract-files.js";
import {decodeExtract} from "../../../src/lib/core/extract.js";
import {buildHandoffModel} from "../../pipeline/handoff-model.js";
import {locateInput} from "../../pipeline/input.js";
import {overviewData} from "../../site/overview-data.js";
import {handoffLadder} from "../../../src/lib/core/ladder.js";
import {arqueroPipeline} from "./arquero-pipeline.js";
import {typedArrayPipeline} from "./typed-array-pipeline.js";

const [contender, directory] = process.argv.slice(2);
const started = performance.now();
let result: Record<string, unknown>;
let ms = NaN;
/** Peak memory of the contender's work: leadstage's decoding of its extract afterwards is not the pipeline's. */
let maxRssMB = NaN;
const peakSoFar = () => process.resourceUsage().maxRSS / 1024;
if (contender === "read-floor") {
  result = await withDatabase(async (db) => {
    const input = locateInput(directory);
    const rows: Record<string, number> = {};
    for (const [table, path] of [
      ["leads", input.leads],
      ["events", input.events]
    ] as const) {
      const reader = path.endsWith(".parquet") ? "read_parquet" : "read_csv";
      await db.run(`CREATE TABLE ${table} AS SELECT * FROM ${reader}(${sqlString(path)})`);
      rows[table] = (await db.one<{n: number}>(`SELECT count(*) AS n FROM ${table}`)).n;
    }
    ms = performance.now() - started;
    return {rows};
  });
} else if (contender === "leadstage") {
  result = await withDatabase(async (db) => {
    const input = locateInput(directory);
    const summary = await buildHandoffModel(db, input, handoffLadder);
    const overview = await overviewData(db, handoffLadder, summary, input.dataset);
    const out = mkdtempSync(join(tmpdir(), "leadstage-bench-"));
    const extractStarted = performance.now();
    await writeExtractFiles(db, out, summary.dataEnd);
    const extractMs = performance.now() - extractStarted;
    ms = performance.now() - started;
    // At ten million leads, decoding the 7.2M handoffs in Node below took the process from 5.6 to 7.0 GB.
    maxRssMB = peakSoFar();
    const read = (file: string) => new Uint8Array(readFileSync(join(out, file)));
    const decodeStarted = performance.now();
    await decodeExtract(read("handoffs.parquet"));
    const decodeMs = performance.now() - decodeStarted;
    await decodeExtract(read("handoffs.parquet"), read("handoff-details.parquet"));
    const decodeBothMs = performance.now() - decodeStarted - decodeMs;
    // As the pages that do not simulate decode them: without the evidence times.
    const leanStarted = performance.now();
    await decodeExtract(read("handoffs.parquet"), read("handoff-details.parquet"), {evidenceTimes: false});
    const decodeLeanMs = performance.now() - leanStarted;
    const fileBytes = Object.fromEntries(Object.keys(extractFiles).map((f) => [f, statSync(join(out, f)).size]));
    const columns = await db.all<{file: string; column: string; bytes: number}>(
      Object.keys(extractFiles)
        .map(
          (f) => `SELECT '${f}' AS file, path_in_schema AS column, sum(total_compressed_size)::BIGINT AS bytes
            FROM parquet_metadata(${sqlString(join(out, f))}) GROUP BY ALL`
        )
        .join(" UNION ALL ")
    );
    const handoffsGzip = gzipSync(read("handoffs.parquet")).length;
    rmSync(out, {recursive: true, force: true});
    const overviewJson = JSON.stringify(overview);
    return {
      levels: overview.levels.map((d) => ({
        level: d.level,
        handoffs: d.handoffs,
        won: d.won,
        notWon: d.closed - d.won,
        open: d.open
      })),
      handoffs: overview.totals.handoffs,
      overviewBytes: overviewJson.length,
      overviewGzip: gzipSync(overviewJson).length,
      fileBytes,
      handoffsGzip,
      extractColumns: columns.map((d) => ({...d, bytes: Number(d.bytes)})),
      extractMs,
      decodeMs,
      decodeBothMs,
      decodeLeanMs
    };
  });
} else if (contender === "arquero") {
  result = {levels: arqueroPipeline(directory)};
} else if (contender === "typed-arrays") {
  result = {levels: typedArrayPipeline(directory)};
} else {
  throw new Error(`unknown contender ${contender}`);
}
if (Number.isNaN(ms)) ms = performance.now() - started;
if (Number.isNaN(maxRssMB)) maxRssMB = peakSoFar();
process.stdout.write(JSON.stringify({contender, ms, maxRssMB, ...result}) + "\n");
