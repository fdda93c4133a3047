/**
 * handoff-target.json: the level to hand off at for all handoffs (src/lib/simulator/built-target.ts), worked out by
 * the build from the extract files DuckDB wrote, decoded and simulated by the very modules the pages run. The
 * reader's browser then shows the lead check's verdict without resampling every handoff itself.
 */
import {decodeExtract} from "../../src/lib/core/extract.js";
import {stageLookup} from "../../src/lib/core/reclassify.js";
import type {BuiltTarget} from "../../src/lib/simulator/built-target.js";
import {targetInputs} from "../../src/lib/simulator/target-inputs.js";
import {simulate} from "../../src/lib/simulator/decision.js";
import {targetAnswer, targetRun} from "../../src/lib/simulator/target.js";
import {decodeNurture} from "../../src/lib/simulator/nurture.js";
import {decodeLaterEvidence} from "../../src/lib/simulator/own-paths.js";
import {simulatorData} from "../../src/lib/simulator/simulator-data.js";
import {simulatorExtract} from "../../src/lib/simulator/simulator-extract.js";
import {reportStep} from "../pipeline/progress.js";
import {helperThreadPays, simulateWithHelper, startHelperThread, type HelperThread} from "./helper-thread.js";
import type {HandoffLadder} from "../../src/lib/core/ladder.js";
import type {ExtractFile} from "./extract-files.js";

/**
 * Handoffs from which a helper thread resamples too: 50 resamples of 71,449 handoffs (100,000 generated leads) took
 * 1.6–2.3 s on one thread and 0.2–0.5 s more on two (starting the thread, its first preparation), of about
 * 215,000 handoffs (300,000 leads) 3.4–4.3 s against 2.8–3.6 s, of 716,003 9.4–12.2 s against 6.3–7.7 s
 * (docs/simulator.md).
 */
const helperThreadFrom = 150_000;

/**
 * The build's target from the extract files `read` gives: decoded and prepared as a page that simulates does, for
 * every handoff under `ladder`.
 */
export async function handoffTargetData(
  read: (file: ExtractFile) => Promise<Uint8Array> | Uint8Array,
  ladder: HandoffLadder,
  {helperFrom = helperThreadFrom}: {helperFrom?: number} = {}
): Promise<BuiltTarget> {
  const started = performance.now();
  let thread: HelperThread | undefined;
  try {
    const extract = await decodeExtract(await read("handoffs.parquet"));
    await decodeLaterEvidence(await read("later-evidence.parquet"), extract);
    const nurture = await decodeNurture(await read("nurture.parquet"), extract);
    const columns = simulatorExtract(extract);
    if (extract.rows >= helperFrom && helperThreadPays(dataBytes(columns, nurture))) {
      thread = startHelperThread();
    }
    const rows = Uint32Array.from({length: extract.rows}, (_, row) => row);
    const table = stageLookup(ladder, extract.header.evidenceTypes);
    const preparation = {id: 1, rows, table, levels: ladder.levels.map((d) => d.level)};
    const link = thread?.link;
    // The helper prepares while this thread does.
    link?.send({kind: "handoffs", extract: columns});
    link?.send({kind: "nurture", nurture, evidenceHoursAfter: extract.columns.evidenceHoursAfter});
    link?.prepare(preparation);
    link?.flush();
    const data = simulatorData(columns, nurture, rows, preparation.table, preparation.levels);
    const {inputs, replicates} = targetRun(data);
    const {result, helped} = link
      ? await simulateWithHelper(data, inputs, {replicates, link, preparation})
      : {result: simulate(data, inputs, {replicates}), helped: 0};
    const {k, decision} = targetAnswer(result);
    const threads = link ? ` (${helped} on a second thread)` : "";
    reportStep(`the level to hand off at, ${replicates} resamples${threads}`, started, extract.rows);
    return {
      fingerprint: extract.header.fingerprint,
      ladder: ladder.id,
      handoffs: rows.length,
      inputs: targetInputs,
      k,
      decision
    };
  } finally {
    await thread?.close();
  }
}

/** Bytes of the typed arrays in the handoffs' columns and the nurture histories: what a helper gets a copy of. */
function dataBytes(...values: object[]): number {
  let bytes = 0;
  const visit = (value: unknown): void => {
    if (ArrayBuffer.isView(value)) bytes += value.byteLength;
    else if (value && typeof value === "object") Object.values(value).forEach(visit);
  };
  values.forEach(visit);
  return bytes;
}
