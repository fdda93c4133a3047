import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {wideSheetHeader, writeWideSheet} from "../../../../loaders/tools/bench/wide-sheet.js";
import {workbookCsv} from "../../../../loaders/pipeline/workbook.js";
import {withDatabase} from "../../../../loaders/pipeline/duckdb.js";
import {buildHandoffModel} from "../../../../loaders/pipeline/handoff-model.js";
import {loadProfile, resolvePaths} from "../../../../loaders/import/importer.js";
import {handoffLadder} from "../../../../src/lib/core/ladder.js";
import {temporaryDirectory} from "../../../helpers/temporary.js";

describe("writeWideSheet", () => {
  it("writes the hubspot-lifecycle contacts, shared strings after the sheet, that read back with dates and blanks", async () => {
    const path = join(temporaryDirectory(), "contacts.xlsx");
    writeWideSheet(path, 6);
    const csv = readFileSync((await workbookCsv(path, undefined, temporaryDirectory())).path, "utf8")
      .trimEnd()
      .split("\n");
    expect(csv).toHaveLength(7);
    expect(csv[0]).toBe(wideSheetHeader.join(","));
    const profileHeader = readFileSync("data/profiles/examples/hubspot-lifecycle/contacts.csv", "utf8").split("\n")[0];
    expect(csv[0].startsWith(`${profileHeader},`)).toBe(true);
    // Contact 0 reaches every milestone and is won; contact 1, created 7,919 seconds later, none.
    expect(csv[1]).toBe(
      "100000,2023-01-01,Ann0,Lee0,user0@example0.com,+49 30 1000000,Campaign 0,ORGANIC_SEARCH,Germany," +
        "2023-01-02,2023-01-02,2023-01-03,2023-01-03,2023-01-04,2023-01-05,2023-01-11,2023-02-10,5000,,," +
        "Head of IT,Company 0,subscriber,Open,Owner 0,2023-01-06"
    );
    expect(csv[2]).toBe(
      "100001,2023-01-01 02:11:59,Ann1,Lee1,user1@example1.com,+49 30 1000001,Campaign 1,PAID_SEARCH,Austria,,,,,,,,,,,," +
        "Head of IT,Company 1,lead,Open,Owner 1,2023-01-06 02:11:59"
    );
  });

  it("imports through the hubspot-lifecycle profile: every second contact handed off, every sixteenth won", async () => {
    const folder = temporaryDirectory();
    writeWideSheet(join(folder, "contacts.xlsx"), 160);
    const profile = loadProfile("hubspot-lifecycle");
    const defaults = resolvePaths(profile, []);
    const paths = {...defaults, contacts: join(folder, "contacts.xlsx")};
    const counts = await withDatabase(async (db) => {
      await buildHandoffModel(db, {profile, paths}, handoffLadder, Date.parse("2026-01-01"));
      return db.one<{leads: number; handoffs: number; won: number}>(
        `SELECT (SELECT count(*) FROM leads WHERE file = 'contacts.xlsx') AS leads,
           (SELECT count(*) FROM handoffs WHERE lead_id::INTEGER >= 100000) AS handoffs,
           (SELECT count(*) FROM handoffs WHERE lead_id::INTEGER >= 100000 AND outcome = 'won') AS won`
      );
    });
    expect(counts).toEqual({leads: 160, handoffs: 80, won: 10});
  });
});
