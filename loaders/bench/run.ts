/**
 * One benchmark run in its own process, so that its peak memory is its own: `tsx loaders/bench/run.ts <contender>
 * <folder>` prints {ms, maxRssMB, levels, ...sizes} as JSON. Contenders: leadstage (the real pipeline: model, overview,
 * per-handoff extract, pseudonyms), arquero, typed-arrays.
 */
import {gzipSync} from "node:zlib";
import {withDatabase} from "../duckdb.ts";
import {columnSizes, encodeExtractFiles, extractPseudonyms} from "../extract.ts";
import {decodeExtract} from "../../src/lib/extract.ts";
import {buildHandoffModel} from "../handoff-model.ts";
import {locateInput} from "../input.ts";
import {overviewData} from "../overview.ts";
import {handoffLadder} from "../../src/lib/ladder.ts";
import {arqueroPipeline} from "./arquero-pipeline.ts";
import {typedArrayPipeline} from "./typed-array-pipeline.ts";

const [contender, directory] = process.argv.slice(2);
const started = performance.now();
let result: Record<string, unknown>;
if (contender === "leadstage") {
  result = await withDatabase(async (db) => {
    const input = locateInput(directory);
    const summary = await buildHandoffModel(db, input, handoffLadder);
    const overview = await overviewData(db, handoffLadder, summary, input.dataset);
    const files = await encodeExtractFiles(db, summary.dataEnd);
    const ids = await extractPseudonyms(db, files.order);
    const decodeStarted = performance.now();
    decodeExtract(files.handoffs);
    const decodeMs = performance.now() - decodeStarted;
    decodeExtract(files.handoffs, files.details);
    const decodeBothMs = performance.now() - decodeStarted - decodeMs;
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
      extractBytes: files.handoffs.length,
      extractGzip: gzipSync(files.handoffs).length,
      detailsBytes: files.details.length,
      detailsGzip: gzipSync(files.details).length,
      extractColumns: columnSizes(files.handoffs),
      detailColumns: columnSizes(files.details),
      decodeMs,
      decodeBothMs,
      idsBytes: JSON.stringify(ids).length
    };
  });
} else if (contender === "arquero") {
  result = {levels: arqueroPipeline(directory)};
} else if (contender === "typed-arrays") {
  result = {levels: typedArrayPipeline(directory)};
} else {
  throw new Error(`unknown contender ${contender}`);
}
const ms = performance.now() - started;
process.stdout.write(
  JSON.stringify({contender, ms, maxRssMB: process.resourceUsage().maxRSS / 1024, ...result}) + "\n"
);
