// The corpus of real-shaped exports in data/profiles/examples: each imports through its own profile with an exact
// reconciliation and the headline figures counted independently from its CSV (the counts in the comments), and says
// what the pages can show. The browser tests build each into a site (test/browser/export-corpus.test.ts).

import {readFileSync} from "node:fs";
import {fixtureExports} from "../../helpers/fixture-exports.js";
import {describe, expect, it} from "vitest";

import {loadProfile, resolvePaths, runImport} from "../../../loaders/import/importer.js";
import {withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {buildHandoffModel} from "../../../loaders/pipeline/handoff-model.js";
import {handoffLadder} from "../../../src/lib/core/ladder.js";
import {locateInput} from "../../../loaders/pipeline/input.js";
import type {Database} from "../../../loaders/pipeline/duckdb.js";
import {temporaryDirectory} from "../../helpers/temporary.js";

/** Handoffs, outcomes, levels and won revenue of a corpus export (a built-in name or a profile path), from its model. */
async function headline(name: string) {
  const profile = loadProfile(name);
  return withDatabase(async (db) => {
    await buildHandoffModel(db, {profile, paths: resolvePaths(profile, [])}, handoffLadder);
    return db.one<{handoffs: number; won: number; lost: number; open: number; levels: string; revenue: number | null}>(
      `SELECT count(*)::INTEGER AS handoffs, count(*) FILTER (outcome = 'won')::INTEGER AS won,
         count(*) FILTER (outcome = 'lost')::INTEGER AS lost, count(*) FILTER (outcome = 'open')::INTEGER AS open,
         string_agg(stage_at_handoff::VARCHAR, '' ORDER BY stage_at_handoff) AS levels,
         sum(amount) FILTER (outcome = 'won')::DOUBLE AS revenue
       FROM handoffs`
    );
  });
}

/** The import's report of a corpus export (nothing written). */
async function report(name: string) {
  const profile = loadProfile(name);
  const lines: string[] = [];
  const description = await runImport({profile, paths: resolvePaths(profile, []), log: (d) => lines.push(d)});
  return {description, lines};
}

describe("a lead-scoring snapshot without any date, with a trailing comma on every line", () => {
  it("reconciles every row and counts what the CSV holds: 60 leads, 33 converted, 27 not", async () => {
    const {description, lines} = await report("snapshot-lead-scoring");
    expect(description.importFiles).toEqual([{file: "leads.csv", read: 60, used: 60, rejected: 0, partlyRejected: 0}]);
    expect(description.importRejects).toEqual([]);
    expect(description.limits).toMatchObject({eventTimes: false, calendar: false, handoffTimestamp: false});
    expect(lines).toContain("import: what the pages can show:");
    expect(lines.some((d) => d.includes("no times (a snapshot): not shown are days to handoff"))).toBe(true);
    // Level 2 needs a specialization and an occupation (31 leads lack one), level 3 also a relevant lead quality.
    const figures = await headline("snapshot-lead-scoring");
    expect(figures).toMatchObject({handoffs: 60, won: 33, lost: 27, open: 0, revenue: null});
    expect(figures.levels).toBe("1".repeat(31) + "2".repeat(18) + "3".repeat(11));
  });
});

describe("a win/loss export with durations since identification instead of dates, in US dollars", () => {
  it("reconciles every row and counts what the CSV holds: 50 deals, 18 won for $1,374,000, 27 lost, 5 open", async () => {
    const {description, lines} = await report("win-loss-durations");
    expect(description.importFiles).toEqual([
      {file: "opportunities.csv", read: 50, used: 50, rejected: 0, partlyRejected: 0}
    ]);
    expect(description.currency).toBe("USD");
    expect(description.limits).toMatchObject({eventTimes: true, calendar: false});
    expect(lines.some((d) => d.includes("durations but no calendar dates"))).toBe(true);
    expect(await headline("win-loss-durations")).toMatchObject({
      handoffs: 50,
      won: 18,
      lost: 27,
      open: 5,
      revenue: 1_374_000
    });
  });
});

describe("Salesforce's data export: six object files, status and stage histories, campaigns through memberships", () => {
  it("reconciles every file, counting statuses, unconverted opportunities and other stages as no event", async () => {
    const {description} = await report("salesforce");
    const row = (file: string, read: number, used: number, notEvents?: number) => ({
      file,
      read,
      used,
      rejected: 0,
      partlyRejected: 0,
      ...(notEvents === undefined ? {} : {notEvents})
    });
    expect(description.importFiles).toEqual([
      row("Lead.csv", 10, 10),
      // Lead 4's "Open - Not Contacted", a Rating change, and ICP_Fit__c set back to false.
      row("LeadHistory.csv", 32, 29, 3),
      // The renewal no lead was converted into.
      row("Opportunity.csv", 6, 5, 1),
      // Three wins and a loss of converted leads; the other stages and the renewal's history are no event.
      row("OpportunityHistory.csv", 13, 4, 9),
      row("CampaignMember.csv", 7, 7),
      row("Campaign.csv", 3, 3)
    ]);
    expect(description.importRejects).toEqual([]);
    expect(description.importFlags).toEqual([]);
  });

  it("finds each handoff's level, outcome, won amount and campaign as the histories say", async () => {
    const profile = loadProfile("salesforce");
    const handoffs = await withDatabase(async (db) => {
      await buildHandoffModel(db, {profile, paths: resolvePaths(profile, [])}, handoffLadder);
      return db.all<{lead: string; stage: number; outcome: string; amount: number | null; campaign: string | null}>(
        `SELECT right(h.lead_id, 3) AS lead, h.stage_at_handoff AS stage, h.outcome, h.amount::DOUBLE AS amount,
           l.campaign
         FROM handoffs h JOIN leads l USING (lead_id) ORDER BY h.lead_id`
      );
    });
    const webinar = "Webinar: Cloud security 2025";
    expect(handoffs).toEqual([
      {lead: "001", stage: 3, outcome: "won", amount: 24000, campaign: webinar},
      {lead: "002", stage: 1, outcome: "rejected", amount: null, campaign: "Paid search Q1"},
      {lead: "003", stage: 2, outcome: "lost", amount: null, campaign: webinar},
      {lead: "005", stage: 4, outcome: "open", amount: null, campaign: "Trade fair Hannover"},
      {lead: "006", stage: 1, outcome: "won", amount: 51000, campaign: "Paid search Q1"},
      {lead: "007", stage: 1, outcome: "rejected", amount: null, campaign: null},
      {lead: "009", stage: 1, outcome: "open", amount: null, campaign: "Trade fair Hannover"},
      {lead: "010", stage: 2, outcome: "won", amount: 12000, campaign: webinar}
    ]);
  });
});

/** What a fixture export of test/fixtures/exports must give, counted from its CSV files when they were written. */
interface Expected {
  reconciliation: unknown[];
  headline: {handoffs: number; won: number; lost: number; open: number; revenue: number | null};
  /** Rejects and flags by reason: how many rows each. */
  rejects?: Record<string, number>;
  flags?: Record<string, number>;
}

const fixtures = fixtureExports();

describe.each(fixtures)("the fixture export %s", (name) => {
  const path = `test/fixtures/exports/${name}/profile.json`;
  const expected = JSON.parse(readFileSync(`test/fixtures/exports/${name}/expected.json`, "utf8")) as Expected;
  // Counts by reason over every file and field (a blank row is one in each file).
  const byReason = (reasons: {reason: string; count: number}[]) =>
    reasons.reduce<Record<string, number>>((sum, d) => ({...sum, [d.reason]: (sum[d.reason] ?? 0) + d.count}), {});

  it("reconciles every file exactly, with the rejects and flags its rows call for", async () => {
    const {description} = await report(path);
    expect(description.importFiles).toEqual(expected.reconciliation);
    expect(byReason(description.importRejects)).toEqual(expected.rejects ?? {});
    expect(byReason(description.importFlags)).toEqual(expected.flags ?? {});
  });

  it("counts the handoffs, outcomes and won revenue its rows hold", async () => {
    expect(await headline(path)).toMatchObject(expected.headline);
  });

  it("reads back from what its import writes: nothing rejected, the same figures", async () => {
    await expectRoundTrip(path);
  });
});

describe.each(["hubspot-lifecycle", "salesforce", "snapshot-lead-scoring", "win-loss-durations", "olist"])(
  "the built-in profile %s",
  (name) => {
    it("reads back from what its import writes: nothing rejected, the same figures", async () => {
      await expectRoundTrip(name);
    });
  }
);

/**
 * Imports an export into a folder and builds the model from that folder, as a site build does: every row the import
 * kept reads back (nothing rejected) into the same handoffs, outcomes, levels, won revenue and sales hours. An import
 * that wrote "24.000,50 €" as it came lost every amount of a German export there.
 */
async function expectRoundTrip(name: string): Promise<void> {
  const profile = loadProfile(name);
  const out = temporaryDirectory();
  await runImport({profile, paths: resolvePaths(profile, []), out, log: () => {}, maxRejectRate: 1});
  const figures = (db: Database) =>
    db.one(`SELECT count(*)::INTEGER AS handoffs, count(*) FILTER (outcome = 'won')::INTEGER AS won,
      count(*) FILTER (outcome = 'open')::INTEGER AS open, string_agg(stage_at_handoff::VARCHAR, '' ORDER BY
      stage_at_handoff) AS levels, sum(amount)::DOUBLE AS revenue, sum(sales_hours)::DOUBLE AS hours FROM handoffs`);
  const imported = await withDatabase(async (db) => {
    await buildHandoffModel(db, {profile, paths: resolvePaths(profile, [])}, handoffLadder);
    return figures(db);
  });
  const built = await withDatabase(async (db) => {
    const summary = await buildHandoffModel(db, locateInput(out), handoffLadder);
    return {rejected: summary.files.map((d) => d.rejected), figures: await figures(db)};
  });
  expect(built).toEqual({rejected: [0, 0], figures: imported});
}
