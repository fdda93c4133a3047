/**
 * The handoffs table, materialised once per input and ladder. Every page loader needs the same validated,
 * classified handoffs; building them once and keeping them as Parquet under .leadstage-cache/ means the tenth loader
 * of a build reads a file instead of redoing the pipeline. The key covers everything the result depends on: the input
 * files (path, size, modification time), the ladder, and the pipeline's own code and SQL.
 */
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import {basename, join, relative} from "node:path";
import {sqlString, type Database} from "./duckdb.js";
import {buildHandoffModel, type HandoffModelSummary} from "./handoff-model.js";
import type {LeadHistoryInput} from "./input.js";
import {refuseWithoutLeads} from "./no-leads.js";
import type {HandoffLadder} from "../../src/lib/core/ladder.js";

/** Where materialised models live (LEADSTAGE_CACHE, read when a model is opened); `npm run clean` removes it. */
export function storeDirectory(): string {
  return process.env.LEADSTAGE_CACHE || ".leadstage-cache";
}

/** The tables a loader may query after {@link openHandoffModel}. */
export const storedTables = ["leads", "handoffs", "nurture", "rejects", "flags", "dimension_labels"] as const;

// The code the model is made by: the pipeline, the import profiles and the shared core (the ladder's classifier).
const codeDirectories = ["./", "../import/", "../../src/lib/core/"].map(
  (path) => new URL(path, import.meta.url).pathname
);

/** The cache key of a model: changes whenever the input, the ladder or the pipeline's code changes. */
export function modelKey(input: LeadHistoryInput, ladder: HandoffLadder): string {
  const hash = createHash("sha256");
  for (const path of [input.leads, input.events]) {
    const stat = statSync(path);
    hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\0`);
  }
  hash.update(JSON.stringify(ladder));
  for (const directory of codeDirectories) {
    for (const file of sourceFiles(directory)) hash.update(`${relative(directory, file)}\0`).update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, {withFileTypes: true})
    .flatMap((entry) => {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return /\.(ts|sql)$/.test(entry.name) ? [path] : [];
    })
    .sort();
}

/** A model opened from (or just written to) the store, and the folder that holds it. */
export type StoredModel = HandoffModelSummary & {fromStore: boolean; directory: string};

/**
 * Derived bytes kept next to a stored model (the extract files, which every build would otherwise encode once per
 * loader that needs them): read when present, else made and written under a temporary name and renamed.
 */
export async function storedArtifact(
  model: StoredModel,
  name: string,
  make: () => Promise<Uint8Array>
): Promise<Uint8Array> {
  const path = join(model.directory, name);
  if (existsSync(path)) return new Uint8Array(readFileSync(path));
  const bytes = await make();
  if (existsSync(model.directory)) {
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  }
  return bytes;
}

/**
 * Makes the tables `leads`, `handoffs`, `nurture`, `rejects`, `flags` and `dimension_labels` available in `db`: read
 * from the store when this input and ladder were materialised before, otherwise built and then stored (a model without
 * a lead is refused, never stored). Returns the reconciliation and whether the store was used.
 */
export async function openHandoffModel(
  db: Database,
  input: LeadHistoryInput,
  ladder: HandoffLadder,
  store: string = storeDirectory()
): Promise<StoredModel> {
  const directory = join(store, `model-${modelKey(input, ladder)}`);
  const summaryFile = join(directory, "summary.json");
  if (existsSync(summaryFile)) {
    for (const table of storedTables) {
      await db.run(
        `CREATE OR REPLACE TABLE ${table} AS FROM read_parquet(${sqlString(join(directory, `${table}.parquet`))})`
      );
    }
    return {...(JSON.parse(readFileSync(summaryFile, "utf8")) as HandoffModelSummary), fromStore: true, directory};
  }
  const summary = await buildHandoffModel(db, input, ladder);
  await refuseWithoutLeads(db, basename(input.leads));
  // Written under a temporary name and renamed, so that loaders running side by side never read half a model.
  const temporary = `${directory}.${process.pid}.tmp`;
  mkdirSync(temporary, {recursive: true});
  for (const table of storedTables) {
    await db.run(`COPY ${table} TO ${sqlString(join(temporary, `${table}.parquet`))} (FORMAT parquet)`);
  }
  writeFileSync(join(temporary, "summary.json"), JSON.stringify(summary));
  try {
    renameSync(temporary, directory);
  } catch {
    rmSync(temporary, {recursive: true, force: true}); // another loader stored the same model first
  }
  return {...summary, fromStore: false, directory};
}
