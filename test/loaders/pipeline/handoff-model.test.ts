import {beforeAll, describe, expect, it} from "vitest";
import {copyFileSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {buildHandoffModel, canonicalNullMarkers} from "../../../loaders/pipeline/handoff-model.js";
import {locateInput} from "../../../loaders/pipeline/input.js";
import {formatReconciliation} from "../../../loaders/pipeline/reconcile.js";
import {overviewData} from "../../../loaders/site/overview-data.js";
import {writeExtractFiles} from "../../../loaders/site/extract-files.js";
import {handoffLadder} from "../../../src/lib/core/ladder.js";
import {eventTypes} from "../../../src/lib/core/model.js";
import {convertFixture, modelOf, temporaryDirectory} from "../../helpers/model.js";
import type {OverviewData} from "../../../src/lib/core/overview.js";

const fixture = "test/fixtures/small";

describe("the handoff model on the hand-computed fixture", () => {
  let model: Awaited<ReturnType<typeof modelOf>>;
  let overview: OverviewData;
  beforeAll(async () => {
    model = await modelOf(fixture);
    overview = model.overview;
  });

  it("accounts for every input row: read = used + rejected", () => {
    expect(overview.reconciliation).toEqual([
      {file: "leads.csv", read: 13, used: 10, rejected: 3, partlyRejected: 0},
      {file: "events.csv", read: 73, used: 64, rejected: 9, partlyRejected: 0}
    ]);
    expect(formatReconciliation(overview.reconciliation)).toBe(
      "leads.csv: 13 rows read = 10 used + 3 rejected\nevents.csv: 73 rows read = 64 used + 9 rejected"
    );
  });

  it("rejects each bad row with its file, row, field and reason", () => {
    expect(model.rejects.map((d) => [d.file, d.row, d.field, d.reason, d.value])).toEqual([
      ["events.csv", 7, "(whole row)", "duplicate event", null],
      ["events.csv", 8, "value", "sales_touch without hours", null],
      ["events.csv", 14, "value", "negative amount", "-500"],
      ["events.csv", 15, "at", "event before the lead was created", "2024-12-01"],
      ["events.csv", 59, "at", "outcome before any handoff", "2025-02-04"],
      ["events.csv", 70, "lead_id", "its lead was rejected", "L99"],
      ["events.csv", 71, "lead_id", "unknown lead_id (not in the leads file)", "L77"],
      ["events.csv", 72, "type", "unknown event type", "meeting"],
      [
        "events.csv",
        73,
        "at",
        "unparseable date (expected ISO 8601, e.g. 2025-03-31 or 2025-03-31T14:05:00Z)",
        "yesterday"
      ],
      ["leads.csv", 4, "lead_id", "missing lead_id", null],
      ["leads.csv", 5, "lead_id", "duplicate lead_id", "L03"],
      [
        "leads.csv",
        13,
        "created_at",
        "unparseable date (expected ISO 8601, e.g. 2025-03-31 or 2025-03-31T14:05:00Z)",
        "31/02/2024"
      ]
    ]);
  });

  it("classifies each handoff at its own moment, a recycled lead twice", () => {
    expect(model.handoffs.map((d) => [d.lead_id, d.handoff_seq, d.stage_at_handoff, d.outcome])).toEqual([
      ["L01", 1, 1, "lost"],
      ["L02", 1, 2, "won"],
      ["L03", 1, 3, "open"], // its won event has a negative amount and was rejected
      ["L04", 1, 4, "won"], // budget confirmed after the handoff does not count
      ["L05", 1, 5, "won"], // all evidence at the very instant of the handoff counts
      ["L06", 1, 1, "rejected"], // MAN-T known but no ICP fit: the ladder is cumulative
      ["L07", 1, 2, "recycled"],
      ["L07", 2, 3, "won"], // the need learned while recycled counts at the second handoff
      ["L08", 1, 2, "lost"], // need identified one second after the handoff does not count
      ["L10", 1, 5, "open"]
    ]);
  });

  it("keeps hours, amounts and durations per handoff", () => {
    const byKey = new Map(model.handoffs.map((d) => [`${d.lead_id}/${d.handoff_seq}`, d]));
    expect(byKey.get("L02/1")).toMatchObject({sales_hours: 2, sales_touches: 1, amount: 10000, days_to_close: 60});
    expect(byKey.get("L06/1")).toMatchObject({sales_hours: 0.5, amount: null, ending_reason: "not ICP"});
    expect(byKey.get("L07/1")).toMatchObject({ending_reason: "not ready", days_to_handoff: 4, days_to_close: 15});
    expect(byKey.get("L07/2")).toMatchObject({amount: 30000, days_to_handoff: 40, days_to_close: 50});
    expect(byKey.get("L01/1")).toMatchObject({days_to_handoff: 2.375, days_to_close: 29, ending_reason: "no budget"});
  });

  it("totals the outcomes without counting open handoffs as lost", () => {
    expect(overview.totals).toMatchObject({
      leads: 10,
      leadsHandedOff: 9,
      handoffs: 10,
      repeatHandoffs: 1,
      won: 4,
      lost: 2,
      rejected: 1,
      recycled: 1,
      // L07 was sent back to nurture, handed off again and won: not a lost deal.
      recycledAgain: 1,
      recycledWonLater: 1,
      open: 2,
      closed: 8,
      firstLeadAt: "2025-01-01T00:00:00.000Z",
      dataEnd: "2025-04-01T00:00:00.000Z"
    });
    expect(overview.totals.winRate).toMatchObject({k: 4, n: 8, rate: 0.5});
  });

  it("aggregates per level: counts, Wilson intervals and medians", () => {
    const rows = overview.levels.map((d) => [
      d.level,
      d.handoffs,
      d.won,
      d.lost,
      d.rejected,
      d.recycled,
      d.open,
      d.closed,
      d.winRate.rate,
      d.daysToHandoff?.median,
      d.daysToClose?.median
    ]);
    expect(rows).toEqual([
      [1, 2, 0, 1, 1, 0, 0, 2, 0, (2.375 + 7) / 2, (29 + 1) / 2],
      [2, 3, 1, 1, 0, 1, 0, 3, 1 / 3, 4, 18],
      [3, 2, 1, 0, 0, 0, 1, 1, 1, 25, 50],
      [4, 1, 1, 0, 0, 0, 0, 1, 1, 10, 30],
      [5, 2, 1, 0, 0, 0, 1, 1, 1, 22.5, 30]
    ]);
    expect(overview.levels.map((d) => d.share)).toEqual([0.2, 0.3, 0.2, 0.1, 0.2]);
    expect(overview.levels.map((d) => d.surveyShare)).toEqual([0.28, 0.25, 0.25, 0.1, 0.1]);
    expect(overview.levels[0].winRate.hi).toBeCloseTo(0.6576, 4);
    expect(overview.levels.map((d) => d.salesHours)).toEqual([0.5, 2, 4, 3.5, 0]);
    expect(overview.levels.map((d) => d.revenue)).toEqual([0, 10000, 30000, 20000, 50000]);
  });

  it("groups rejects by reason with examples", () => {
    expect(overview.rejectReasons).toHaveLength(12);
    expect(overview.rejectReasons.reduce((s, d) => s + d.count, 0)).toBe(12);
    expect(overview.rejectReasons.find((d) => d.reason === "unknown event type")).toEqual({
      file: "events.csv",
      field: "type",
      reason: "unknown event type",
      count: 1,
      examples: [{row: 72, value: "meeting"}]
    });
  });

  it("never carries personal fields into the model", () => {
    const text = JSON.stringify(model);
    expect(text).not.toMatch(/fixture-personal|Mustermann|\+49 30/);
  });
});

describe("query plans", () => {
  // A join whose condition DuckDB cannot hash becomes a loop over every event times every row of the other side: the
  // rejected leads' join once cost 4.5 s at a million leads with 400 of them rejected, and minutes at ten million.
  // The fixture has rejected leads, unknown leads and copies, so every join that only such rows feed is planned.
  it("plans no statement of the model, the overview or the extract as a nested loop or a cross product", async () => {
    const loops = await withDatabase(async (db) => {
      const found: string[] = [];
      const run = db.run.bind(db);
      db.run = async (sql, params) => {
        if (params !== undefined) return run(sql, params);
        for (const statement of sql.split(/;\s*\n/)) {
          const text = statement.replace(/--[^\n]*/g, "").trim();
          if (/^(CREATE OR REPLACE (TEMP )?TABLE|INSERT|UPDATE)/.test(text)) {
            const plan = (await db.all<{explain_value: string}>(`EXPLAIN ${text}`))[0].explain_value;
            const loops = plan.match(/NESTED_LOOP_JOIN|BLOCKWISE_NL_JOIN|CROSS_PRODUCT/g) ?? [];
            found.push(...loops.map((loop) => `${loop} in ${text.slice(0, 80)}`));
          }
          if (text) await run(statement);
        }
      };
      const input = locateInput(fixture);
      const summary = await buildHandoffModel(db, input, handoffLadder);
      await overviewData(db, handoffLadder, summary, input.dataset);
      await writeExtractFiles(db, temporaryDirectory("leadstage-plans-"), summary.dataEnd);
      return found;
    });
    expect(loops).toEqual([]);
  });
});

describe("the checked events", () => {
  // The checked events are the pipeline's largest table: their type is one byte of an ENUM, not a string per event,
  // and the lists of types the later statements test are cast to it (a text list would turn every byte back into text).
  it("stores the checked events' type as an ENUM of the model's event types", async () => {
    const [stored, unknown] = await withDatabase(async (db) => {
      await buildHandoffModel(db, locateInput(fixture), handoffLadder);
      return [
        await db.all(`SELECT data_type FROM information_schema.columns WHERE table_name = 'event_checks' AND
          column_name = 'type'`),
        await db.all(`SELECT type, reject_value FROM event_checks WHERE reject_code = 5`)
      ];
    });
    expect(stored).toEqual([{data_type: `ENUM(${eventTypes.map((d) => `'${d}'`).join(", ")})`}]);
    // The fixture's unknown type ("meeting") is not lost by the cast: the reject quotes it as written.
    expect(unknown).toEqual([{type: null, reject_value: "meeting"}]);
  });
});

describe("input formats", () => {
  it.each(["parquet", "jsonl"] as const)("gives the same model from %s as from CSV", async (format) => {
    const csv = await modelOf(fixture);
    const other = await modelOf(await convertFixture(fixture, format));
    const strip = (d: OverviewData) => ({...d, reconciliation: d.reconciliation.map(({file, ...rest}) => rest)});
    expect(strip(other.overview).levels).toEqual(strip(csv.overview).levels);
    expect(strip(other.overview).totals).toEqual(strip(csv.overview).totals);
    expect(strip(other.overview).reconciliation).toEqual(strip(csv.overview).reconciliation);
    expect(other.handoffs).toEqual(csv.handoffs);
  });
});

describe("bad input", () => {
  const withFiles = (leads: string | null, events: string | null) => {
    const directory = temporaryDirectory();
    if (leads !== null) writeFileSync(join(directory, "leads.csv"), leads);
    if (events !== null) writeFileSync(join(directory, "events.csv"), events);
    return directory;
  };
  const events = "lead_id,at,type,value\nA,2025-01-02,handed_off,\n";

  it("names a missing folder", async () => {
    await expect(modelOf("no/such/folder")).rejects.toThrow(/input folder no\/such\/folder not found/);
  });

  it("names a missing or empty file", async () => {
    const noEvents = withFiles("lead_id,created_at\nA,2025-01-01\n", null);
    await expect(modelOf(noEvents)).rejects.toThrow(`no events file in ${noEvents}`);
    const empty = withFiles("", events);
    await expect(modelOf(empty)).rejects.toThrow(`${join(empty, "leads.csv")} is empty`);
  });

  it("names a file with a header and no rows", async () => {
    const headerOnly = withFiles("lead_id,created_at\n", events);
    await expect(modelOf(headerOnly)).rejects.toThrow(`${join(headerOnly, "leads.csv")}: a header and no data rows`);
  });

  it("names a missing required column and the columns it found", async () => {
    const directory = withFiles("id,created_at\nA,2025-01-01\n", events);
    await expect(modelOf(directory)).rejects.toThrow(
      'profile canonical: leads.fields.lead_id: column "lead_id" is not in leads.csv (columns: id, created_at)'
    );
  });

  it("keeps the first of three copies of an event and rejects the later two, wherever they stand", async () => {
    const directory = withFiles(
      "lead_id,created_at\nA,2025-01-01\nB,2025-01-01\n",
      "lead_id,at,type,value\nA,2025-01-02,handed_off,\nA,2025-01-10,won,1000\nB,2025-01-03,handed_off,\n" +
        "A,2025-01-10,won,1000\nA,2025-01-10,won,1001\nA,2025-01-10T00:00:00Z,won,1000\nB,2025-01-03,handed_off,\n"
    );
    const {overview, rejects} = await modelOf(directory);
    expect(rejects.filter((d) => d.reason === "duplicate event").map((d) => d.row)).toEqual([4, 6, 7]);
    expect(overview.reconciliation[1]).toMatchObject({read: 7, used: 4, rejected: 3});
  });

  it("accepts a file where every row is rejected, and says so in the reconciliation", async () => {
    const directory = withFiles("lead_id,created_at\nA,2025-01-01\n", "lead_id,at,type\nB,2025-01-02,handed_off\n");
    const {overview} = await modelOf(directory);
    expect(overview.reconciliation[1]).toEqual({file: "events.csv", read: 1, used: 0, rejected: 1, partlyRejected: 0});
    expect(overview.totals.handoffs).toBe(0);
    expect(overview.levels.map((d) => d.handoffs)).toEqual([0, 0, 0, 0, 0]);
  });

  it("reads column names regardless of case and extra columns", async () => {
    const directory = temporaryDirectory();
    copyFileSync(join(fixture, "events.csv"), join(directory, "events.csv"));
    writeFileSync(join(directory, "leads.csv"), "Lead_ID,CREATED_AT,Notes\nL01,2025-01-01,called twice\n");
    const {overview} = await modelOf(directory);
    expect(overview.reconciliation[0]).toEqual({file: "leads.csv", read: 1, used: 1, rejected: 0, partlyRejected: 0});
  });
});

describe("the canonical model's missing values", () => {
  it("reads NULL and \\N as blank both in a site's build and through the canonical import profile", () => {
    expect(canonicalNullMarkers).toEqual(["NULL", "\\N"]);
    const profile = JSON.parse(readFileSync("data/profiles/canonical.json", "utf8"));
    expect(profile.nullMarkers).toEqual(canonicalNullMarkers);
  });
});
