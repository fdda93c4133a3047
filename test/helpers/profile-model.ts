/**
 * Builds the handoff model of an import profile from small CSV files written for a test (file name → lines), with
 * the data window ending on 1 June 2025, and hands the database to `read` before it closes.
 */
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {withDatabase, type Database} from "../../loaders/pipeline/duckdb.js";
import {buildHandoffModel, type HandoffModelSummary} from "../../loaders/pipeline/handoff-model.js";
import type {ImportProfile} from "../../loaders/import/profile.js";
import {handoffLadder} from "../../src/lib/core/ladder.js";
import {temporaryDirectory} from "./temporary.js";

/** The model of `profile` over the given files (each written as `<name>.csv`), read through `read`. */
export async function profileModel<T>(
  profile: ImportProfile,
  files: Record<string, string[]>,
  read: (db: Database, summary: HandoffModelSummary) => Promise<T>
): Promise<T> {
  const directory = temporaryDirectory();
  const paths: Record<string, string> = {};
  for (const [name, lines] of Object.entries(files)) {
    paths[name] = join(directory, `${name}.csv`);
    writeFileSync(paths[name], lines.join("\n") + "\n");
  }
  return withDatabase(async (db) => {
    const summary = await buildHandoffModel(db, {profile, paths}, handoffLadder, Date.parse("2025-06-01"));
    return read(db, summary);
  });
}
