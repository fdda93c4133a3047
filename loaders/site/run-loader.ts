/**
 * The frame every Framework data loader shares: build the handoff model from the configured input and ladder, hand
 * it to the page's aggregation, write the result to stdout once, log to stderr, and exit non-zero with one clear
 * line when the input is wrong.
 */
import {withDatabase, type Database} from "../pipeline/duckdb.js";
import {formatReconciliation} from "../pipeline/reconcile.js";
import {openHandoffModel, type StoredModel} from "../pipeline/handoff-store.js";
import {InputError, loadLadder, locateInput, type LeadHistoryInput} from "../pipeline/input.js";
import type {DatasetDescription} from "../../src/lib/core/dataset.js";
import type {HandoffLadder} from "../../src/lib/core/ladder.js";

/** What a page's aggregation receives. */
export interface LoaderContext {
  db: Database;
  input: LeadHistoryInput;
  ladder: HandoffLadder;
  summary: StoredModel;
}

/** Runs a page loader: `aggregate` returns the JSON-ready data (or the bytes) written to stdout. */
export async function runPageLoader(
  name: string,
  aggregate: (context: LoaderContext) => Promise<unknown>
): Promise<void> {
  try {
    const input = locateInput();
    const ladder = loadLadder();
    const started = performance.now();
    const data = await withDatabase(async (db) => {
      const summary = await openHandoffModel(db, input, ladder);
      const origin = summary.fromStore ? "materialised handoffs reused" : "handoffs built";
      process.stderr.write(`${name}: ${input.directory}, ladder ${ladder.id} (${origin})\n`);
      const report = reconciliationReport(summary, input.dataset);
      if (report) process.stderr.write(`${report}\n`);
      return aggregate({db, input, ladder, summary});
    });
    process.stdout.write(loaderOutput(data));
    process.stderr.write(`${name}: done in ${Math.round(performance.now() - started)} ms\n`);
  } catch (error) {
    const message = error instanceof InputError ? error.message : ((error as Error).stack ?? String(error));
    process.stderr.write(`leadstage: ${message}\n`);
    process.exitCode = 1;
  }
}

/**
 * The reconciliation a build prints, once: by the loader that built the model (the others reuse it and say nothing
 * more), and for imported data the export's own files, which the user knows, not the canonical files in between.
 */
export function reconciliationReport(
  summary: Pick<StoredModel, "files" | "fromStore">,
  dataset: Pick<DatasetDescription, "profile" | "importFiles">
): string | null {
  if (summary.fromStore) return null;
  if (dataset.importFiles.length === 0) return formatReconciliation(summary.files);
  return `${formatReconciliation(dataset.importFiles)}\n(imported through the ${dataset.profile} profile)`;
}

/** What a loader writes for its result: the bytes as they are, anything else as JSON. */
export function loaderOutput(data: unknown): string | Uint8Array {
  return data instanceof Uint8Array ? data : JSON.stringify(data);
}
