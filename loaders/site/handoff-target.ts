/**
 * handoff-target.json: the level to hand off at for all handoffs (src/lib/simulator/built-target.ts), worked out by
 * the build from the extract files DuckDB wrote, decoded and simulated by the very modules the pages run. The
 * reader's browser then shows the lead check's verdict without resampling every handoff itself.
 */
import {decodeExtract} from "../../src/lib/core/extract.js";
import {stageLookup} from "../../src/lib/core/reclassify.js";
import type {BuiltTarget} from "../../src/lib/simulator/built-target.js";
import {targetInputs} from "../../src/lib/simulator/target-inputs.js";
import {handoffTarget} from "../../src/lib/simulator/decision.js";
import {decodeNurture} from "../../src/lib/simulator/nurture.js";
import {decodeLaterEvidence} from "../../src/lib/simulator/own-paths.js";
import {simulatorData} from "../../src/lib/simulator/simulator-data.js";
import {simulatorExtract} from "../../src/lib/simulator/simulator-extract.js";
import {reportStep} from "../pipeline/progress.js";
import type {HandoffLadder} from "../../src/lib/core/ladder.js";
import type {ExtractFile} from "./extract-files.js";

/**
 * The build's target from the extract files `read` gives: decoded and prepared as a page that simulates does, for
 * every handoff under `ladder`.
 */
export async function handoffTargetData(
  read: (file: ExtractFile) => Promise<Uint8Array> | Uint8Array,
  ladder: HandoffLadder
): Promise<BuiltTarget> {
  const started = performance.now();
  const extract = await decodeExtract(await read("handoffs.parquet"));
  await decodeLaterEvidence(await read("later-evidence.parquet"), extract);
  const nurture = await decodeNurture(await read("nurture.parquet"), extract);
  const rows = Uint32Array.from({length: extract.rows}, (_, row) => row);
  const table = stageLookup(ladder, extract.header.evidenceTypes);
  const levels = ladder.levels.map((d) => d.level);
  const data = simulatorData(simulatorExtract(extract), nurture, rows, table, levels);
  const {k, decision} = handoffTarget(data);
  reportStep(`the level to hand off at, ${targetInputs.replicates} resamples`, started, extract.rows);
  return {
    fingerprint: extract.header.fingerprint,
    ladder: ladder.id,
    handoffs: rows.length,
    inputs: targetInputs,
    k,
    decision
  };
}
