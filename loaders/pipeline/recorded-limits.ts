/**
 * What a model's handoffs record, measured on the data rather than declared: a profile says what an export can hold
 * (its `limits`), and this says what it does hold. The pages read both together, so that an export whose profile maps
 * sales touches but whose activity log was left out shows "no sales touches" rather than 0 hours and a 0% first-touch
 * rate (a HubSpot contacts export without its activities did, 2026-12-06).
 */
import type {Database} from "./duckdb.js";
import {namedSql} from "./sql.js";
import type {DatasetLimits} from "../../src/lib/core/dataset.js";

/** The limits the data itself can lift or hold: each true when at least one handoff shows it. */
export type RecordedLimits = Pick<DatasetLimits, "lostOutcome" | "evidence" | "salesHours" | "amounts">;

/** What the handoffs table (after buildHandoffModel or openHandoffModel) records. */
export async function recordedLimits(db: Database): Promise<RecordedLimits> {
  const row = await db.one<{lost_outcome: boolean; evidence: boolean; sales_hours: boolean; amounts: boolean}>(
    namedSql("recorded")
  );
  return {lostOutcome: row.lost_outcome, evidence: row.evidence, salesHours: row.sales_hours, amounts: row.amounts};
}

/** The declared limits, each held only where the data records it too. */
export function withRecorded(declared: DatasetLimits, recorded: RecordedLimits): DatasetLimits {
  return {
    ...declared,
    lostOutcome: declared.lostOutcome && recorded.lostOutcome,
    evidence: declared.evidence && recorded.evidence,
    salesHours: declared.salesHours && recorded.salesHours,
    amounts: declared.amounts && recorded.amounts
  };
}
