import {beforeAll, describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import type {DetailedExtract} from "../../../src/lib/core/extract.js";
import {handoffLadder, validateLadder} from "../../../src/lib/core/ladder.js";
import {reclassify, stageLookup} from "../../../src/lib/core/reclassify.js";
import {extractWithLeadsOf} from "../../helpers/model.js";

let extract: DetailedExtract;
/** Values of a per-row array in the fixture's order (by lead and handoff), which the extract's files do not keep. */
let inLeadOrder: (values: ArrayLike<number>) => number[];
beforeAll(async () => {
  const {extract: fixture, byLead} = await extractWithLeadsOf("test/fixtures/small");
  extract = fixture;
  inLeadOrder = (values) => byLead.map((row) => values[row]);
});

describe("reclassify", () => {
  it("gives the loader's (DuckDB's) stage for every handoff under the default ladder", () => {
    expect(Array.from(reclassify(extract, handoffLadder))).toEqual(Array.from(extract.columns.stage));
  });

  it("re-classifies with a 6-level ladder from configuration", () => {
    const six = validateLadder(JSON.parse(readFileSync("data/ladders/six-levels.json", "utf8")));
    expect(inLeadOrder(reclassify(extract, six))).toEqual([1, 2, 3, 4, 6, 1, 2, 3, 2, 6]);
    expect(stageLookup(six, extract.header.evidenceTypes)).toHaveLength(512);
  });
});

describe("reclassify on the bundled sample", () => {
  it("agrees with DuckDB on every one of its handoffs", async () => {
    const {extract: sample, sqlStages} = await extractWithLeadsOf("data/sample");
    const stages = reclassify(sample, handoffLadder);
    let disagreements = 0;
    for (let i = 0; i < sample.rows; ++i) if (stages[i] !== sqlStages[i]) disagreements++;
    expect(sample.rows).toBeGreaterThan(10_000);
    expect(disagreements).toBe(0);
    // The stage the file carries is DuckDB's too.
    expect(Array.from(sample.columns.stage)).toEqual(sqlStages);
  });
});
