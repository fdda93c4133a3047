import {describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {buildHandoffModel} from "../../../loaders/pipeline/handoff-model.js";
import {loadLadder, locateInput} from "../../../loaders/pipeline/input.js";
import {writeExtractFiles} from "../../../loaders/site/extract-files.js";
import {handoffTargetData} from "../../../loaders/site/handoff-target.js";
import {decodeExtract} from "../../../src/lib/core/extract.js";
import {handoffLadder, type HandoffLadder} from "../../../src/lib/core/ladder.js";
import {stageLookup} from "../../../src/lib/core/reclassify.js";
import {targetOfBuild} from "../../../src/lib/simulator/built-target.js";
import {decodeNurture} from "../../../src/lib/simulator/nurture.js";
import {decodeLaterEvidence} from "../../../src/lib/simulator/own-paths.js";
import {handoffTargetIn, simulationClient} from "../../../src/lib/simulator/simulation-client.js";
import {inProcessWorker} from "../../helpers/in-process-worker.js";
import {temporaryDirectory} from "../../helpers/temporary.js";

/**
 * The build's answer on `directory` under `ladder`, and the answer the pages asked their worker for before the build
 * worked it out: the files decoded as a page decodes them, all handoffs resampled in a worker (run in this process).
 */
async function buildAndPage(directory: string, ladder: HandoffLadder) {
  const files = temporaryDirectory("handoff-target");
  await withDatabase(async (db) => {
    const summary = await buildHandoffModel(db, locateInput(directory), ladder);
    await writeExtractFiles(db, files, summary.dataEnd);
  });
  const read = (name: string) => new Uint8Array(readFileSync(join(files, name)));
  const built = JSON.parse(JSON.stringify(await handoffTargetData(read, ladder)));
  const extract = await decodeExtract(read("handoffs.parquet"), read("handoff-details.parquet"));
  await decodeLaterEvidence(read("later-evidence.parquet"), extract);
  const client = simulationClient(
    extract,
    await decodeNurture(read("nurture.parquet"), extract),
    inProcessWorker().worker
  );
  const page = await handoffTargetIn(client, {
    extract,
    rows: Uint32Array.from({length: extract.rows}, (_, row) => row),
    table: stageLookup(ladder, extract.header.evidenceTypes),
    levels: ladder.levels.map((d) => d.level)
  });
  client.terminate();
  return {built, page, extract, read};
}

describe("handoffTargetData", () => {
  it("answers on the sample as the pages' worker answered for all handoffs, and names what it is about", async () => {
    const {built, page, extract, read} = await buildAndPage("data/sample", handoffLadder);
    expect(targetOfBuild(built, extract, handoffLadder)).toEqual(page);
    expect(built).toMatchObject({
      fingerprint: extract.header.fingerprint,
      ladder: "siriusdecisions-5",
      handoffs: 14_250,
      inputs: {costPerSalesHour: 120, nurtureCostPerLead: 20, replicates: 50}
    });
    // The sample is built so that the simulator cannot decide (docs/simulator.md): the lowest candidate, today's level.
    expect(page).toEqual({k: 1, decision: expect.objectContaining({kind: "undecided", candidates: [1, 2, 3, 4, 5]})});
    // With a helper thread resampling too (at any size here; by default from 150,000 handoffs): the same answer.
    const twoThreads = await handoffTargetData(read, handoffLadder, {helperFrom: 0});
    expect(JSON.parse(JSON.stringify(twoThreads))).toEqual(built);
  }, 120_000);

  it("simulates under the build's ladder: four levels on the fixture", async () => {
    const fourLevels = loadLadder("data/ladders/four-levels.json");
    const {built, page, extract} = await buildAndPage("test/fixtures/small", fourLevels);
    expect(targetOfBuild(built, extract, fourLevels)).toEqual(page);
    expect(built.ladder).toBe("four-levels");
    // Ten handoffs are too few to decide: every level of the four is a candidate (five under the default ladder).
    expect(built).toMatchObject({k: 1, decision: {kind: "undecided", reason: "few", candidates: [1, 2, 3, 4]}});
  }, 60_000);
});
