/**
 * How long each ladder level's handoffs took, for the overview's table: days from creation to handoff and from
 * handoff to close, each a median with its 95% interval and n, computed by DuckDB (sql/level-times.sql) as
 * src/lib/core/stats.ts and survival.ts compute them in the browser.
 */
import {sqlString, type Database} from "../pipeline/duckdb.js";
import {namedSql} from "../pipeline/sql.js";
import {level95, type MedianInterval} from "../../src/lib/core/stats.js";
import type {SurvivalMedian} from "../../src/lib/core/survival.js";

/** One level's times, in the order of `levels`. */
export interface LevelTimes {
  daysToHandoff: MedianInterval | null;
  daysToClose: SurvivalMedian | null;
}

/** The times of the levels listed (a SQL list, `[1, 2, 3]`), open handoffs censored at `dataEnd` (ISO 8601). */
export async function levelTimes(db: Database, levels: string, dataEnd: string | null): Promise<LevelTimes[]> {
  const rows = await db.all(
    namedSql("level-times", {
      levels,
      data_end: dataEnd === null ? "NULL::TIMESTAMP" : `TIMESTAMP ${sqlString(dataEnd)}`,
      // The level's quantile and its tail beyond it (0.025): the exact bounds' and the order statistics' level, as
      // stats.ts takes them.
      z: String(level95.z),
      tail: String(level95.tail),
      // R's "exactly one half" (stats.ts's halfTolerance).
      tolerance: String(Math.sqrt(Number.EPSILON))
    })
  );
  return rows.map((row) => ({
    // A level with handoffs has a median of their times to handoff; its time to close may have none yet.
    daysToHandoff: row.handoff_n === null ? null : (interval(row, "handoff") as MedianInterval),
    daysToClose: row.close_n === null ? null : interval(row, "close")
  }));
}

/** A row's median, bounds and n under `prefix`, nulls kept. */
function interval(row: Record<string, unknown>, prefix: string): SurvivalMedian {
  const value = (key: string) => (row[`${prefix}_${key}`] ?? null) as number | null;
  return {median: value("median"), lo: value("lo"), hi: value("hi"), n: Number(row[`${prefix}_n`])};
}
