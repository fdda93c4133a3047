// The overview's times per level as DuckDB computes them (sql/level-times.sql) against the browser's statistics
// (src/lib/core/survival.ts, stats.ts) on the same handoffs: the fixture, the bundled sample and the real Olist export.
import {describe, expect, it} from "vitest";
import {sqlString, withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {buildHandoffModel, type ModelSource} from "../../../loaders/pipeline/handoff-model.js";
import {locateInput, type LeadHistoryInput} from "../../../loaders/pipeline/input.js";
import {loadProfile} from "../../../loaders/import/importer.js";
import {levelTimes, type LevelTimes} from "../../../loaders/site/level-times.js";
import {handoffLadder} from "../../../src/lib/core/ladder.js";
import {medianWithInterval} from "../../../src/lib/core/stats.js";
import {kaplanMeier, survivalMedian} from "../../../src/lib/core/survival.js";
import {olistCsv} from "../../helpers/olist-model.js";

type HandoffTimes = {
  level: number;
  days_to_handoff: number | null;
  outcome: string;
  days_to_close: number | null;
  days_to_end: number;
};

/** The times in stats.ts's terms: open handoffs censored at the data end, contradictions (no time to close) left out. */
function browserTimes(rows: HandoffTimes[], level: number): LevelTimes {
  const own = rows.filter((d) => d.level === level);
  const observations = own.flatMap((d) =>
    d.outcome === "open"
      ? [{time: d.days_to_end, event: false}]
      : d.days_to_close === null
        ? []
        : [{time: d.days_to_close, event: true}]
  );
  return {
    daysToHandoff: medianWithInterval(own.flatMap((d) => d.days_to_handoff ?? [])),
    daysToClose: observations.length === 0 ? null : survivalMedian(kaplanMeier(observations), observations.length)
  };
}

/** The median of the closed handoffs' days to close alone. */
const median = (rows: HandoffTimes[]) => medianWithInterval(rows.flatMap((d) => d.days_to_close ?? []))?.median ?? NaN;

/** Both ways on one input, every number to nine decimals (DuckDB's median of an even count interpolates). */
async function bothWays(input: ModelSource | LeadHistoryInput) {
  return withDatabase(async (db) => {
    const {dataEnd} = await buildHandoffModel(db, input, handoffLadder);
    const rows = await db.all<HandoffTimes>(
      `SELECT stage_at_handoff AS level, days_to_handoff, outcome, days_to_close,
        (epoch_us(TIMESTAMP ${sqlString(dataEnd!)}) - epoch_us(handoff_at)) / 86400e6 AS days_to_end FROM handoffs`
    );
    const round = (times: LevelTimes[]) =>
      JSON.parse(JSON.stringify(times, (_, v) => (typeof v === "number" ? Math.round(v * 1e9) / 1e9 : v)));
    const levels = handoffLadder.levels.map((d) => d.level);
    return {
      sql: round(await levelTimes(db, `[${levels.join(", ")}]`, dataEnd)),
      browser: round(levels.map((level) => browserTimes(rows, level))),
      closedOnly: levels.map((level) => median(rows.filter((d) => d.level === level && d.outcome !== "open"))),
      handoffs: rows.length,
      open: rows.filter((d) => d.outcome === "open").length
    };
  });
}

describe("levelTimes", () => {
  it("agrees with the browser's statistics on the fixture, the sample and the Olist export", async () => {
    for (const input of [
      locateInput("test/fixtures/small"),
      locateInput("data/sample"),
      {profile: loadProfile("olist"), paths: olistCsv}
    ]) {
      const {sql, browser, handoffs, open} = await bothWays(input);
      expect(handoffs).toBeGreaterThan(5);
      expect(sql).toEqual(browser);
      // Every level's close times rest on all its handoffs but the contradictions, open ones included.
      expect(sql.reduce((s: number, d: LevelTimes) => s + (d.daysToClose?.n ?? 0), 0)).toBeGreaterThan(open);
    }
  });

  it("censors open handoffs: each level's median is later than its closed handoffs' own, which left the slow out", async () => {
    const {sql, closedOnly} = await bothWays(locateInput("data/sample"));
    // The sample's medians over closed handoffs alone were 37, 46, 46, 42 and 34 days (the table until 2026-12-06).
    expect(closedOnly.map(Math.round)).toEqual([37, 46, 46, 42, 34]);
    sql.forEach((d: LevelTimes, i: number) => {
      expect(d.daysToClose!.median).toBeGreaterThan(closedOnly[i] + 1);
      expect(d.daysToClose!.lo).toBeLessThan(d.daysToClose!.median!);
      expect(d.daysToClose!.hi).toBeGreaterThan(d.daysToClose!.median!);
    });
  });

  it("has no median to close while fewer than half have closed, and says what the data bounds", async () => {
    // Ten handoffs at level 1: three closed within 2 to 4 days, seven open, followed 10 to 70 days to the data end.
    const rows: HandoffTimes[] = Array.from({length: 10}, (_, i) => ({
      level: 1,
      days_to_handoff: i + 0.5,
      outcome: i < 3 ? "won" : "open",
      days_to_close: i < 3 ? i + 2 : null,
      days_to_end: i < 3 ? 100 : 10 * (i - 2)
    }));
    const sql = await withDatabase(async (db) => {
      await db.run(
        `CREATE TABLE handoffs AS SELECT level AS stage_at_handoff, days_to_handoff, outcome, days_to_close,
          TIMESTAMP '2025-06-01' - to_microseconds((days_to_end * 86400e6)::BIGINT) AS handoff_at
        FROM (VALUES ${rows.map((d) => `(${d.level}, ${d.days_to_handoff}, '${d.outcome}', ${d.days_to_close ?? "NULL"}, ${d.days_to_end})`).join(", ")})
          AS t(level, days_to_handoff, outcome, days_to_close, days_to_end)`
      );
      return levelTimes(db, "[1, 2]", "2025-06-01T00:00:00.000Z");
    });
    expect(sql).toEqual([browserTimes(rows, 1), {daysToHandoff: null, daysToClose: null}]);
    expect(sql[0].daysToClose).toMatchObject({median: null, n: 10});
    // Ten values: the ranks 5 ± 1.96·√10/2 reach the first and the last (0.5 and 9.5 days).
    expect(sql[0].daysToHandoff).toEqual({median: 5, lo: 0.5, hi: 9.5, n: 10});
  });
});
