/**
 * The overview page's data: headline numbers, one row per ladder level, the survey benchmark and the reconciliation.
 * Small by construction (a row per level), whatever the number of leads.
 */
import type {Database} from "../pipeline/duckdb.js";
import type {HandoffModelSummary} from "../pipeline/handoff-model.js";
import {namedSql} from "../pipeline/sql.js";
import {wilson} from "../../src/lib/core/stats.js";
import {levelTimes} from "./level-times.js";
import type {HandoffLadder} from "../../src/lib/core/ladder.js";
import {canonicalDataset, type DatasetDescription} from "../../src/lib/core/dataset.js";
import type {LevelSummary, OverviewData, OverviewTotals} from "../../src/lib/core/overview.js";
import {rejectReasons} from "../pipeline/reject-reasons.js";
import {recordedLimits, withRecorded} from "../pipeline/recorded-limits.js";

/** Aggregates the handoffs table (built by buildHandoffModel) into the overview's data. */
export async function overviewData(
  db: Database,
  ladder: HandoffLadder,
  summary: HandoffModelSummary,
  dataset: DatasetDescription = canonicalDataset()
): Promise<OverviewData> {
  const raw = await db.one(namedSql("totals"));
  const closed = num(raw.won) + num(raw.lost) + num(raw.rejected) + num(raw.recycled);
  const totals: OverviewTotals = {
    leads: num(raw.leads),
    leadsHandedOff: num(raw.leads_handed_off),
    handoffs: num(raw.handoffs),
    repeatHandoffs: num(raw.repeat_handoffs),
    won: num(raw.won),
    lost: num(raw.lost),
    rejected: num(raw.rejected),
    recycled: num(raw.recycled),
    recycledAgain: num(raw.recycled_again),
    recycledWonLater: num(raw.recycled_won_later),
    open: num(raw.open),
    closed,
    winRate: wilson(num(raw.won), closed),
    wonShare: wilson(num(raw.won), num(raw.handoffs)),
    firstLeadAt: raw.first_lead_at as string | null,
    dataEnd: summary.dataEnd
  };
  const levelList = `[${ladder.levels.map((d) => d.level).join(", ")}]`;
  const rows = await db.all(namedSql("levels", {levels: levelList}));
  const times = await levelTimes(db, levelList, summary.dataEnd);
  const levels = rows.map((row, i): LevelSummary => {
    const level = num(row.level);
    const won = num(row.won);
    const levelClosed = won + num(row.lost) + num(row.rejected) + num(row.recycled);
    return {
      level,
      handoffs: num(row.handoffs),
      won,
      lost: num(row.lost),
      rejected: num(row.rejected),
      recycled: num(row.recycled),
      open: num(row.open),
      closed: levelClosed,
      share: totals.handoffs > 0 ? num(row.handoffs) / totals.handoffs : null,
      surveyShare: ladder.levels.find((d) => d.level === level)?.surveyShare ?? null,
      winRate: wilson(won, levelClosed),
      wonShare: wilson(won, num(row.handoffs)),
      ...times[i],
      salesHours: num(row.sales_hours),
      revenue: num(row.revenue)
    };
  });
  const monthly = (await db.all(namedSql("levels-by-month"))).map((row) => ({
    month: row.month as string,
    level: num(row.level),
    handoffs: num(row.handoffs),
    won: num(row.won),
    closed: num(row.closed)
  }));
  return {
    ladder,
    totals,
    levels,
    monthly,
    reconciliation: summary.files,
    rejectReasons: await rejectReasons(db, "rejects"),
    flags: await rejectReasons(db, "flags"),
    // What the profile declared, held only where the handoffs record it (an own folder without sales touches too).
    dataset: {...dataset, limits: withRecorded(dataset.limits, await recordedLimits(db))},
    // The build's clock is not written: two builds of the same input must stay byte-identical.
    dates: {
      earliest: summary.window.earliest.slice(0, 10),
      exportedAt: summary.window.latestFrom === "export" ? summary.window.latest.slice(0, 16) : null
    }
  };
}

function num(value: unknown): number {
  return typeof value === "number" ? value : Number(value ?? 0);
}
