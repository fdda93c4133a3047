/**
 * A digest of every page-data file the pipeline writes for one input: the overview JSON, each extract file's rows (as
 * DuckDB reads them back, in file order) and the level to hand off at, each as a row count and a SHA-256. A change
 * that is meant to be a speed-up only must leave every digest as pinned (test/loaders/tools/page-data-digest.test.ts);
 * one that changes a figure shows which file moved.
 */
import {createHash} from "node:crypto";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {sqlString, withDatabase} from "../pipeline/duckdb.js";
import {buildHandoffModel} from "../pipeline/handoff-model.js";
import {formatReconciliation} from "../pipeline/reconcile.js";
import type {LeadHistoryInput} from "../pipeline/input.js";
import {extractFiles, writeExtractFiles} from "../site/extract-files.js";
import {handoffTargetData} from "../site/handoff-target.js";
import {overviewData} from "../site/overview-data.js";
import {handoffLadder, type HandoffLadder} from "../../src/lib/core/ladder.js";

/** One file's digest: how many rows (or characters, for JSON) and the SHA-256 of its content. */
export interface FileDigest {
  rows: number;
  sha256: string;
}

/** The digest of one input's page data. */
export interface PageDataDigest {
  /** The reconciliation as the build prints it. */
  reconciliation: string;
  files: Record<string, FileDigest>;
}

/** The instant the pins were computed at: the accepted date window depends on "now" unless the export says. */
export const digestNow = Date.UTC(2026, 10, 29);

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Builds the model, the overview and the extract of `input` and digests each; nothing is left behind. */
export async function pageDataDigest(
  input: LeadHistoryInput,
  ladder: HandoffLadder = handoffLadder
): Promise<PageDataDigest> {
  const out = mkdtempSync(join(tmpdir(), "leadstage-digest-"));
  try {
    return await withDatabase(async (db) => {
      const summary = await buildHandoffModel(db, input, ladder, digestNow);
      const overview = JSON.stringify(await overviewData(db, ladder, summary, input.dataset));
      await writeExtractFiles(db, out, summary.dataEnd);
      const files: Record<string, FileDigest> = {"overview.json": {rows: overview.length, sha256: sha256(overview)}};
      for (const file of Object.keys(extractFiles)) {
        const rows = await db.all(`SELECT * FROM read_parquet(${sqlString(join(out, file))})`);
        files[file] = {rows: rows.length, sha256: sha256(rows.map((d) => JSON.stringify(d)).join("\n"))};
      }
      const target = await handoffTargetData((file) => new Uint8Array(readFileSync(join(out, file))), ladder);
      // Rows: the handoffs simulated.
      files["handoff-target.json"] = {rows: target.handoffs, sha256: sha256(JSON.stringify(target))};
      return {reconciliation: formatReconciliation(summary.files), files};
    });
  } finally {
    rmSync(out, {recursive: true, force: true});
  }
}
