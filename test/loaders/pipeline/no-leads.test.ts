import {describe, expect, it} from "vitest";
import {readdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {buildHandoffModel} from "../../../loaders/pipeline/handoff-model.js";
import {openHandoffModel} from "../../../loaders/pipeline/handoff-store.js";
import {InputError, locateInput} from "../../../loaders/pipeline/input.js";
import {refuseWithoutLeads} from "../../../loaders/pipeline/no-leads.js";
import {handoffLadder} from "../../../src/lib/core/ladder.js";
import {temporaryDirectory} from "../../helpers/model.js";

/** A folder whose leads file has the given rows (lead_id, created_at, campaign) and one handoff of lead A. */
function folder(leads: string[]): string {
  const directory = temporaryDirectory();
  writeFileSync(join(directory, "leads.csv"), ["lead_id,created_at,campaign", ...leads].join("\n") + "\n");
  writeFileSync(join(directory, "events.csv"), "lead_id,at,type\nA,2025-01-02,handed_off\n");
  return directory;
}

/** Three unparseable creation dates and a missing one. */
const allRejected = ["A,yesterday,Spring", "B,2025-13-01,Fall", "C,soon,Fall", "D,,Fall"];

describe("a leads file whose every row is rejected", () => {
  it("still gives a model, every row accounted for (DuckDB refused the empty ENUM of the handoffs' sort)", async () => {
    const directory = folder(["A,yesterday,Spring", "B,soon,Fall"]);
    const summary = await withDatabase((db) => buildHandoffModel(db, locateInput(directory), handoffLadder));
    expect(summary.files).toEqual([
      {file: "leads.csv", read: 2, used: 0, rejected: 2, partlyRejected: 0},
      {file: "events.csv", read: 1, used: 0, rejected: 1, partlyRejected: 0}
    ]);
  });

  it("stops a site's build with one line: the file, its most common reject, how often and its first row", async () => {
    const directory = folder(["A,yesterday,Spring", "B,2025-13-01,Fall", "C,soon,Fall"]);
    const error = await withDatabase(async (db) => {
      await buildHandoffModel(db, locateInput(directory), handoffLadder);
      return refuseWithoutLeads(db, "leads.csv").catch((e: unknown) => e);
    });
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(
      /^leads\.csv: all 3 rows were rejected, so there is no lead to show; most often \(3 of them\) for created_at: unparseable date \(expected ISO 8601[^)]*\), first on row 1; correct the file or the export it came from$/
    );
  });

  it("lets a model with one lead kept through", async () => {
    const directory = folder(["A,2025-01-01,Spring", "B,soon,Fall"]);
    await withDatabase(async (db) => {
      await buildHandoffModel(db, locateInput(directory), handoffLadder);
      await expect(refuseWithoutLeads(db, "leads.csv")).resolves.toBeUndefined();
    });
  });

  it("is never stored, so the next build stops with the same error instead of reusing it", async () => {
    const input = locateInput(folder(allRejected));
    const store = temporaryDirectory();
    for (let run = 0; run < 2; run++) {
      await expect(withDatabase((db) => openHandoffModel(db, input, handoffLadder, store))).rejects.toThrow(
        /^leads\.csv: all 4 rows were rejected/
      );
    }
    expect(readdirSync(store)).toEqual([]);
  });
});
