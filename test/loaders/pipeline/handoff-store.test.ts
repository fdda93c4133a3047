import {describe, expect, it} from "vitest";
import {copyFileSync, readdirSync, rmSync, statSync, utimesSync} from "node:fs";
import {join} from "node:path";
import {withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {modelKey, openHandoffModel} from "../../../loaders/pipeline/handoff-store.js";
import {locateInput} from "../../../loaders/pipeline/input.js";
import {extractFiles, storedExtractFile, type ExtractFile} from "../../../loaders/site/extract-files.js";
import {handoffLadder} from "../../../src/lib/core/ladder.js";
import {keyLabel, pseudonymKey} from "../../../loaders/pipeline/pseudonym.js";
import {temporaryDirectory} from "../../helpers/model.js";

const fixture = () => {
  const directory = temporaryDirectory();
  for (const file of ["leads.csv", "events.csv"])
    copyFileSync(join("test/fixtures/small", file), join(directory, file));
  return locateInput(directory);
};

const open = (input: ReturnType<typeof locateInput>, store: string, ladder = handoffLadder) =>
  withDatabase(async (db) => {
    const summary = await openHandoffModel(db, input, ladder, store);
    return {summary, handoffs: await db.all("SELECT * FROM handoffs ORDER BY lead_id, handoff_seq")};
  });

describe("openHandoffModel", () => {
  it("builds the model once and reads the same tables back the second time", async () => {
    const input = fixture();
    const store = temporaryDirectory();
    const first = await open(input, store);
    const second = await open(input, store);
    expect(first.summary.fromStore).toBe(false);
    expect(second.summary.fromStore).toBe(true);
    expect(second.summary.files).toEqual(first.summary.files);
    expect(second.summary.dataEnd).toBe(first.summary.dataEnd);
    expect(second.handoffs).toEqual(first.handoffs);
    expect(readdirSync(store)).toHaveLength(1);
  });

  it("builds again when the ladder or the input changes", async () => {
    const input = fixture();
    const key = modelKey(input, handoffLadder);
    const fourLevels = {...handoffLadder, id: "changed", levels: handoffLadder.levels.slice(0, 4)};
    expect(modelKey(input, fourLevels)).not.toBe(key);
    utimesSync(input.events, new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(modelKey(input, handoffLadder)).not.toBe(key);
    const store = temporaryDirectory();
    await open(input, store);
    const other = await open(input, store, fourLevels);
    expect(other.summary.fromStore).toBe(false);
    expect(Math.max(...other.handoffs.map((d) => d.stage_at_handoff as number))).toBe(4);
  });
});

describe("storedExtractFile", () => {
  it("writes the extract once per model and reads the same bytes back afterwards", async () => {
    const input = fixture();
    const store = temporaryDirectory();
    const run = () =>
      withDatabase(async (db) => {
        const model = await openHandoffModel(db, input, handoffLadder, store);
        const files = Object.fromEntries(
          await Promise.all(
            (Object.keys(extractFiles) as ExtractFile[]).map(async (file) => [
              file,
              Array.from(await storedExtractFile(db, model, file))
            ])
          )
        );
        return {files, directory: model.directory};
      });
    const first = await run();
    const extract = join(first.directory, `extract-${keyLabel(pseudonymKey())}`);
    expect(readdirSync(extract).sort()).toEqual(Object.keys(extractFiles).sort());
    const written = statSync(join(extract, "handoffs.parquet")).mtimeMs;
    const second = await run();
    expect(second.files).toEqual(first.files);
    expect(statSync(join(extract, "handoffs.parquet")).mtimeMs).toBe(written);
    rmSync(store, {recursive: true, force: true});
  });
});
