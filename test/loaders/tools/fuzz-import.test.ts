import {readdirSync} from "node:fs";
import {tmpdir} from "node:os";
import {beforeAll, describe, expect, it} from "vitest";
import {
  fuzzBases,
  fuzzCases,
  fuzzImport,
  runCase,
  type FuzzBase,
  type FuzzResult
} from "../../../loaders/tools/fuzz-import.js";
import {mutationNames} from "../../../loaders/tools/import-mutations.js";

/** Seed and size of the run every `npm test` makes; `npm run fuzz` runs more (docs/fuzz.md). */
const seed = 1;
const count = 240;

/** The fuzzing's folders in the temporary directory (only this test file makes them). */
const fuzzFolders = () => readdirSync(tmpdir()).filter((d) => d.startsWith("leadstage-fuzz-"));

describe(`mutation fuzzing of the importer: ${count} cases of seed ${seed}`, () => {
  let bases: FuzzBase[];
  let results: FuzzResult[];
  let foldersBefore: string[];
  beforeAll(async () => {
    foldersBefore = fuzzFolders();
    bases = await fuzzBases();
    results = await fuzzImport(bases, seed, count);
    const tally: Record<string, number> = {};
    for (const r of results) tally[r.outcome] = (tally[r.outcome] ?? 0) + 1;
    process.stderr.write(`fuzz: seed ${seed}, ${count} cases: ${JSON.stringify(tally)}\n`);
  }, 600_000);

  it("draws the same cases from the same seed, over every base and every mutation", () => {
    expect(fuzzCases(bases, seed, count)).toEqual(fuzzCases(bases, seed, count));
    const cases = fuzzCases(bases, seed, count);
    expect(new Set(cases.map((d) => d.base))).toEqual(
      new Set([
        "fixture",
        "fixture-parquet",
        "fixture-jsonl",
        "fixture-xls",
        "fixture-html",
        "fixture-numbers",
        "sample",
        "olist",
        "hubspot-lifecycle",
        "salesforce",
        "snapshot-lead-scoring",
        "win-loss-durations"
      ])
    );
    expect(new Set(cases.flatMap((d) => d.mutations))).toEqual(new Set(mutationNames));
  });

  it("ends every case in one clear error or a reconciled model: no stack trace, no hang, nothing lost", () => {
    const failures = results.filter((r) => r.outcome !== "error" && r.outcome !== "model");
    expect(
      failures.map((r) => `case ${r.index} ${r.base} ${r.file} ${r.mutations.join("+")}: ${r.outcome}: ${r.detail}`)
    ).toEqual([]);
  });

  it("counts a row the profile maps to no event as reconciled (Salesforce's open stages were 'unreconciled')", async () => {
    const salesforce = bases.find((d) => d.name === "salesforce")!;
    const untouched = await runCase(salesforce, {index: 0, base: "salesforce", file: "Lead.csv", mutations: []}, seed);
    expect(untouched.outcome).toBe("model");
    expect(untouched.detail).toContain("LeadHistory.csv 32=29+0+3 no event");
    // A case run on its own leaves nothing behind either (it left a folder per run in the temporary directory).
    expect(fuzzFolders()).toEqual(foldersBefore);
  });

  it("names a Parquet file whose flipped bytes make a text invalid UTF-8 (seed 4's case 442 crashed unnamed)", async () => {
    const parquet = bases.find((d) => d.name === "fixture-parquet")!;
    // The case as seed 4 drew it then (a mutation added since changes the draw; the bytes depend on seed and index).
    const damaged = {index: 442, base: "fixture-parquet", file: "events.parquet", mutations: ["flipBytes", "utf8Bom"]};
    const result = await runCase(parquet, damaged, 4);
    expect(result.outcome).toBe("error");
    expect(result.detail).toMatch(
      /events\.parquet: cannot be read: the Parquet file is damaged \(a text value is not valid UTF-8\)/
    );
  });

  it("leaves no folder behind in the temporary directory", () => {
    expect(fuzzFolders()).toEqual(foldersBefore);
  });

  it("exercises both endings: many mutations are refused, many are read with rejects", () => {
    const errors = results.filter((r) => r.outcome === "error").length;
    const models = results.filter((r) => r.outcome === "model").length;
    expect(errors).toBeGreaterThan(count / 5);
    expect(models).toBeGreaterThan(count / 5);
  });

  it("reads a CSV file that only changed its encoding or column order as a model, never as an error", () => {
    // Only text files: the same bytes in front of a Parquet file break it, and JSON Lines may have no byte-order mark.
    const harmless = results.filter(
      (r) =>
        r.file.endsWith(".csv") &&
        r.mutations.every((d) => ["utf16", "utf8Bom", "reorderColumns"].includes(d)) &&
        r.mutations.length === 1
    );
    expect(harmless.length).toBeGreaterThan(0);
    expect(harmless.filter((r) => r.outcome !== "model").map((r) => `${r.index} ${r.mutations}: ${r.detail}`)).toEqual(
      []
    );
  });
});
