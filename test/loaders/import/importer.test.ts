import {describe, expect, it} from "vitest";
import {spawnSync} from "node:child_process";
import {existsSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {withDatabase, sqlString} from "../../../loaders/pipeline/duckdb.js";
import {buildHandoffModel} from "../../../loaders/pipeline/handoff-model.js";
import {locateInput} from "../../../loaders/pipeline/input.js";
import {loadProfile, resolvePaths, runImport} from "../../../loaders/import/importer.js";
import {blankRowReason} from "../../../loaders/pipeline/blank-rows.js";
import {handoffLadder} from "../../../src/lib/core/ladder.js";
import {modelOf, temporaryDirectory} from "../../helpers/model.js";

const olistFolder = "../shared/data/olist-marketing-funnel";

function importCli(...args: string[]) {
  const result = spawnSync("npx", ["tsx", "loaders/cli/import.ts", ...args], {encoding: "utf8"});
  return {status: result.status, stderr: result.stderr};
}

describe("the Olist profile on the real export in ../shared", () => {
  it("reconciles exactly: 8,000 leads, 842 won, one deal won before its first contact kept and flagged", async () => {
    const profile = loadProfile("olist");
    const report = await runImport({profile, paths: resolvePaths(profile, [olistFolder])});
    expect(report.importFiles).toEqual([
      {file: "olist_marketing_qualified_leads_dataset.csv", read: 8000, used: 8000, rejected: 0, partlyRejected: 0},
      {file: "olist_closed_deals_dataset.csv", read: 842, used: 842, rejected: 0, partlyRejected: 0}
    ]);
    expect(report.leads).toBe(8000);
    expect(report.events).toBe(8842);
    expect(report.importRejects).toEqual([]);
    expect(report.importFlags).toEqual([
      {
        file: "olist_closed_deals_dataset.csv",
        field: "won_date",
        reason: "won before the lead was created",
        count: 1,
        examples: [{row: 668, value: "06-03-2018 19:38"}]
      }
    ]);
    expect(report.limits).toEqual({
      handoffTimestamp: false,
      lostOutcome: false,
      evidence: false,
      salesHours: false,
      amounts: false,
      eventTimes: true,
      calendar: true
    });
  });

  it("gives one handoff per lead, all at level 1, 842 won and nothing lost", async () => {
    const profile = loadProfile("olist");
    await withDatabase(async (db) => {
      await buildHandoffModel(db, {profile, paths: resolvePaths(profile, [])}, handoffLadder);
      const totals = await db.one(`SELECT count(*) AS handoffs, count(*) FILTER (WHERE outcome = 'won') AS won,
        count(*) FILTER (WHERE outcome = 'lost') AS lost, max(stage_at_handoff) AS top,
        count(*) FILTER (WHERE flagged) AS flagged, count(DISTINCT source) AS sources, count(DISTINCT campaign) AS campaigns
        FROM handoffs`);
      expect(totals).toEqual({handoffs: 8000, won: 842, lost: 0, top: 1, flagged: 1, sources: 9, campaigns: 495});
      const contradiction = await db.one(`SELECT lead_id, outcome, days_to_close FROM handoffs WHERE flagged`);
      expect(contradiction).toEqual({lead_id: "b91cf8812365f50ff4bda4bcd6206b05", outcome: "won", days_to_close: null});
      // "unknown" and blank channels are both unknown: 1,099 + 60 leads.
      const unknown = await db.one(`SELECT count(*) AS n FROM leads WHERE source IS NULL`);
      expect(unknown.n).toBe(1159);
    });
  });
});

describe("the hubspot-lifecycle worked example", () => {
  it("turns wide lifecycle dates, a joined file and a long activity log into the expected handoffs", async () => {
    const out = temporaryDirectory();
    const profile = loadProfile("hubspot-lifecycle");
    const report = await runImport({profile, paths: resolvePaths(profile, []), out});
    expect(report.importFiles).toEqual([
      {file: "contacts.csv", read: 5, used: 5, rejected: 0, partlyRejected: 1},
      {file: "enrichment.csv", read: 5, used: 4, rejected: 1, partlyRejected: 0},
      {file: "activities.csv", read: 5, used: 4, rejected: 1, partlyRejected: 0}
    ]);
    expect(report.importRejects.map((d) => [d.file, d.field, d.reason, d.examples[0].row])).toEqual([
      ["activities.csv", "Activity Type", "unknown event type", 5],
      [
        "contacts.csv",
        "Became a Customer Date",
        expect.stringContaining("unparseable date (expected DD.MM.YYYY HH:mm"),
        4
      ],
      ["enrichment.csv", "Contact ID", "matches no lead in contacts.csv", 5]
    ]);
    const {overview, handoffs} = await modelOf(out);
    expect(handoffs.map((d) => [d.lead_id, d.stage_at_handoff, d.outcome, d.sales_hours, d.amount])).toEqual([
      ["1001", 3, "won", 2, 24000],
      ["1002", 1, "lost", 0, null],
      ["1003", 3, "open", 1, null], // budget known, requirements not: the ladder is cumulative
      ["1004", 2, "open", 0.25, null] // its won date 31.02.2025 was rejected
    ]);
    expect(handoffs.map((d) => [d.segment, d.company_size, d.source])).toEqual([
      ["Manufacturing", "250-999", "E-mail"],
      ["Retail", "50-249", "Organic search"],
      ["Software", "1000+", "E-mail"],
      ["Manufacturing", "50-249", "Partner referral"]
    ]);
    // 12.02.2025 10:00 in Berlin is 09:00 UTC.
    expect(handoffs[0].handoff_at).toBe("2025-02-12T09:00:00.000Z");
    expect(overview.totals.leads).toBe(5);
    expect(overview.dataset.profile).toBe("hubspot-lifecycle");
  });

  it("says the pages show no sales time when the activity log holds no touch of a contact, though the profile maps one", async () => {
    const profile = loadProfile("hubspot-lifecycle");
    const activities = join(temporaryDirectory(), "activities.csv");
    writeFileSync(
      activities,
      "Contact ID,Activity Date,Activity Type,Duration (h),Notes\n9999,14.02.2025 10:00,Call,0.5,\n"
    );
    const lines: string[] = [];
    const report = await runImport({
      profile,
      paths: {...resolvePaths(profile, []), activities},
      maxRejectRate: 1,
      log: (line) => lines.push(line)
    });
    // Before, the import said "every page can be shown", and the timing page showed 0 hours and a 0% first-touch rate.
    expect(report.limits).toMatchObject({salesHours: false, lostOutcome: true, evidence: true, amounts: true});
    expect(lines).toContain("  no sales touches: sales time and follow-up views say so instead of showing 0");
  });

  it("writes no personal column into the canonical files or dataset.json", async () => {
    const out = temporaryDirectory();
    const profile = loadProfile("hubspot-lifecycle");
    await runImport({profile, paths: resolvePaths(profile, []), out});
    await withDatabase(async (db) => {
      const columns = await db.all(`DESCRIBE SELECT * FROM read_parquet(${sqlString(join(out, "leads.parquet"))})`);
      expect(columns.map((d) => d.column_name)).toEqual([
        "lead_id",
        "created_at",
        "campaign",
        "source",
        "segment",
        "company_size",
        "region"
      ]);
      const text = JSON.stringify(
        await db.all(`SELECT * FROM read_parquet(${sqlString(join(out, "*.parquet"))}, union_by_name = true)`)
      );
      expect(text).not.toMatch(/Beispiel|example\.invalid|5550101|Spoke with Hanna/);
    });
    expect(readFileSync(join(out, "dataset.json"), "utf8")).not.toMatch(/Beispiel|example\.invalid|Hanna/);
  });
});

describe("npm run import", () => {
  it("--check reads and reconciles without writing anything", () => {
    const before = existsSync("data/imported") ? readdirSync("data/imported") : [];
    const {status, stderr} = importCli("olist", olistFolder, "--check");
    expect(status).toBe(0);
    expect(stderr).toContain("olist_marketing_qualified_leads_dataset.csv: 8,000 rows read = 8,000 used + 0 rejected");
    expect(stderr).toContain("kept and flagged 1 × olist_closed_deals_dataset.csv: won before the lead was created");
    expect(existsSync("data/imported") ? readdirSync("data/imported") : []).toEqual(before);
  });

  it("--check on a snapshot export says what the pages will and will not show", () => {
    const {status, stderr} = importCli("snapshot-lead-scoring", "--check");
    expect(status).toBe(0);
    const shows = stderr.slice(stderr.indexOf("import: what the pages can show:"));
    expect(shows).toMatch(/no times \(a snapshot\): not shown are days to handoff, first touch within the SLA/);
    expect(shows).toContain("shown are the level mix, the win rate per level, campaigns, criteria, the scorecard");
    expect(shows).toContain("the pages warn that a win rate rising with the level may partly be that leakage");
    expect(stderr).not.toContain("open it with");
  });

  it("fails above the reject-rate threshold, naming the rate and where the rejects are", () => {
    const out = temporaryDirectory();
    const {status, stderr} = importCli("hubspot-lifecycle", "--out", out, "--max-reject-rate", "0.05");
    expect(status).toBe(1);
    expect(stderr).toContain(
      `import: import failed: 13.3% of 15 rows rejected, above the threshold of 5.0%; every rejected row is in ${out}/rejects.csv`
    );
    expect(existsSync(join(out, "leads.parquet"))).toBe(false);
    expect(readFileSync(join(out, "rejects.csv"), "utf8").split("\n")[0]).toBe("file,row,field,reason,value");
  });

  it("leaves a spreadsheet's blank rows out of the reject rate, and says so when it fails", async () => {
    const directory = temporaryDirectory();
    // Two leads and five rows a spreadsheet kept without values: 5 of 7 rows rejected, none of them data.
    const blank = Array.from({length: 5}, () => ",,");
    writeFileSync(
      join(directory, "leads.csv"),
      ["lead_id,created_at,campaign", "A,2025-01-01,x", "B,2025-01-01,", ...blank].join("\n")
    );
    writeFileSync(join(directory, "events.csv"), "lead_id,at,type\nA,2025-01-02,handed_off\n");
    const profile = loadProfile("canonical");
    const paths = resolvePaths(profile, [join(directory, "leads.csv"), join(directory, "events.csv")]);
    const description = await runImport({profile, paths, maxRejectRate: 0.2});
    expect(description.importRejects).toMatchObject([{reason: blankRowReason, count: 5, field: "(whole row)"}]);
    expect(description.importFiles[0]).toMatchObject({read: 7, used: 2, rejected: 5});
    // One real reject among the rest: 1 of 4 data rows (two leads, two events), 25% against 10%.
    writeFileSync(join(directory, "events.csv"), "lead_id,at,type\nA,2025-01-02,handed_off\nZ,2025-01-02,handed_off\n");
    await expect(runImport({profile, paths, maxRejectRate: 0.1})).rejects.toThrow(
      "import failed: 25.0% of 4 rows rejected (5 blank rows not counted), above the threshold of 10.0%"
    );
  });

  it("writes amounts and hours as the numbers read, so a site built from a German export keeps them", async () => {
    const directory = temporaryDirectory();
    writeFileSync(join(directory, "leads.csv"), "lead_id;created_at\nA;2025-01-01\n");
    writeFileSync(
      join(directory, "events.csv"),
      "lead_id;at;type;value\nA;2025-01-02;handed_off;\nA;2025-01-03;sales_touch;1,5\nA;2025-01-09;won;24.000,50 €\n"
    );
    const profile = {...loadProfile("canonical"), decimalSeparator: "," as const};
    const out = temporaryDirectory();
    const paths = resolvePaths(profile, [join(directory, "leads.csv"), join(directory, "events.csv")]);
    await runImport({profile, paths, out});
    const site = await withDatabase(async (db) => {
      const summary = await buildHandoffModel(db, locateInput(out), handoffLadder, Date.parse("2026-01-01"));
      const {amount, sales_hours} = await db.one<{amount: number; sales_hours: number}>(
        "SELECT amount, sales_hours FROM handoffs"
      );
      return {rejected: summary.files.map((d) => d.rejected), amount, sales_hours};
    });
    expect(site).toEqual({rejected: [0, 0], amount: 24000.5, sales_hours: 1.5});
  });

  it("names an unknown profile and lists the built-in ones", () => {
    const {status, stderr} = importCli("pipedrive");
    expect(status).toBe(1);
    expect(stderr).toMatch(
      /^import: no profile "pipedrive" \(built-in: canonical, hubspot-lifecycle, olist, salesforce, snapshot-lead-scoring, win-loss-durations; or give a path/
    );
  });

  it("defuses spreadsheet formulas in rejects.csv", async () => {
    const directory = temporaryDirectory();
    writeFileSync(join(directory, "leads.csv"), 'lead_id,created_at\n=HYPERLINK("x"),2025-01-01\nB,2025-01-01\n');
    writeFileSync(
      join(directory, "events.csv"),
      "lead_id,at,type\n+cmd|' /C calc'!A0,2025-01-02,handed_off\nB,2025-01-02,=1+1\nB,2025-01-03,＝2+2\n"
    );
    const out = temporaryDirectory();
    const profile = loadProfile("canonical");
    await runImport({
      profile,
      paths: resolvePaths(profile, [join(directory, "leads.csv"), join(directory, "events.csv")]),
      out,
      maxRejectRate: 1
    });
    const rejects = readFileSync(join(out, "rejects.csv"), "utf8");
    expect(rejects).toContain(`events.csv,1,lead_id,unknown lead_id (not in the leads file),'+cmd|' /C calc'!A0`);
    expect(rejects).toContain(`events.csv,2,type,unknown event type,'=1+1`);
    expect(rejects).toContain(`events.csv,3,type,unknown event type,'＝2+2`);
    expect(rejects.split("\n").every((line) => !/^[=+\-@＝]|,[=+\-@＝]/.test(line))).toBe(true);
  });
});
