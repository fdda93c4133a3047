/**
 * Every page-data file of the site, by its name in src/data: what the loader of that name writes. The loaders run
 * one file each (as Framework's preview runs them); the build writes all of them in one process, the model built
 * once, because seven processes that each start TypeScript and DuckDB took a third of building the sample site.
 */
import {mkdirSync, renameSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {withDatabase} from "../pipeline/duckdb.js";
import {openHandoffModel} from "../pipeline/handoff-store.js";
import {loadLadder, locateInput} from "../pipeline/input.js";
import {campaignCosts} from "./campaign-costs.js";
import {storedExtractFile} from "./extract-files.js";
import {handoffTargetData} from "./handoff-target.js";
import {ladderChoices} from "./ladder-choices.js";
import {overviewData} from "./overview-data.js";
import {loaderOutput, reconciliationReport, type LoaderContext} from "./run-loader.js";

/** The page-data files built from the handoff model, and how each is made from it. */
export const modelPageData = {
  "overview.json": ({db, input, ladder, summary}: LoaderContext) => overviewData(db, ladder, summary, input.dataset),
  "handoffs.parquet": ({db, summary}: LoaderContext) => storedExtractFile(db, summary, "handoffs.parquet"),
  "handoff-details.parquet": ({db, summary}: LoaderContext) =>
    storedExtractFile(db, summary, "handoff-details.parquet"),
  "handoff-ids.parquet": ({db, summary}: LoaderContext) => storedExtractFile(db, summary, "handoff-ids.parquet"),
  "nurture.parquet": ({db, summary}: LoaderContext) => storedExtractFile(db, summary, "nurture.parquet"),
  "later-evidence.parquet": ({db, summary}: LoaderContext) => storedExtractFile(db, summary, "later-evidence.parquet"),
  "handoff-target.json": ({db, ladder, summary}: LoaderContext) =>
    handoffTargetData((file) => storedExtractFile(db, summary, file), ladder)
} satisfies Record<string, (context: LoaderContext) => Promise<unknown>>;

/** The page-data files that need no model: the campaign costs and the ladders the simulator offers. */
export const otherPageData = {
  "costs.json": () => campaignCosts(),
  "ladders.json": async () => ladderChoices()
} satisfies Record<string, () => Promise<unknown>>;

/**
 * Writes every page-data file into `directory` (Framework's loader cache, which then finds them fresh) with the
 * bytes its loader would write, each through a temporary name so that no half-written file is ever seen. Throws
 * InputError for bad input, as a loader would exit with it.
 */
export async function writeAllPageData(directory: string): Promise<void> {
  mkdirSync(directory, {recursive: true});
  const write = (name: string, data: unknown) => {
    const path = join(directory, name);
    writeFileSync(`${path}.${process.pid}`, loaderOutput(data));
    renameSync(`${path}.${process.pid}`, path);
  };
  const input = locateInput();
  const ladder = loadLadder();
  await withDatabase(async (db) => {
    const summary = await openHandoffModel(db, input, ladder);
    const report = reconciliationReport(summary, input.dataset);
    if (report) process.stderr.write(`${report}\n`);
    for (const [name, make] of Object.entries(modelPageData)) write(name, await make({db, input, ladder, summary}));
  });
  for (const [name, make] of Object.entries(otherPageData)) write(name, await make());
}
