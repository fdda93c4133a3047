/**
 * The pipeline's core: input files → validated leads and events (rejects kept) → one row per handoff, classified by
 * the ladder. Every loader starts here; what it returns says how every input row was accounted for.
 */
import {basename} from "node:path";
import type {Database} from "./duckdb.ts";
import {ingestFile} from "./ingest.ts";
import {InputError, type LeadHistoryInput} from "./input.ts";
import {evidenceOffsetColumn, stageAtHandoffSql} from "./ladder-sql.ts";
import {namedSql, sqlList} from "./sql.ts";
import {sqlIdentifier, sqlString} from "./duckdb.ts";
import {evidenceTypes, type HandoffLadder} from "../src/lib/ladder.ts";
import type {FileReconciliation} from "../src/lib/overview.ts";
import {eventFields, eventTypes, leadFields, terminalTypes} from "../src/lib/model.ts";

/** One rejected input row: which file and row, which field, why, and the offending text (never a personal field). */
export interface Reject {
  file: string;
  row: number;
  field: string;
  reason: string;
  value: string | null;
}

/** What building the model reports. */
export interface HandoffModelSummary {
  files: FileReconciliation[];
  /** The latest instant in the data (ISO 8601), where open handoffs are censored; null without any row. */
  dataEnd: string | null;
}

/** Lifecycle events that must follow a handoff; see validate-events.sql. */
const handoffBoundTypes = ["accepted", "rejected", "recycled", "sales_touch", "opportunity", "won", "lost"];

/**
 * Builds the tables `leads`, `events`, `rejects` and `handoffs` in `db` from the input, classifying each handoff with
 * `ladder`. Throws InputError for unreadable input and when the reconciliation does not add up.
 */
export async function buildHandoffModel(
  db: Database,
  input: LeadHistoryInput,
  ladder: HandoffLadder
): Promise<HandoffModelSummary> {
  const leadsFile = basename(input.leads);
  const eventsFile = basename(input.events);
  const leadsRead = await ingestFile(db, input.leads, "raw_leads", {
    required: ["lead_id", "created_at"],
    optional: leadFields.filter((d) => d !== "lead_id" && d !== "created_at")
  });
  const eventsRead = await ingestFile(db, input.events, "raw_events", {
    required: ["lead_id", "at", "type"],
    optional: eventFields.filter((d) => d === "value")
  });
  await db.run(
    `CREATE OR REPLACE TABLE rejects (file VARCHAR, row BIGINT, field VARCHAR, reason VARCHAR, value VARCHAR)`
  );
  await db.run(namedSql("validate-leads", {file: sqlString(leadsFile)}));
  await db.run(
    namedSql("validate-events", {
      file: sqlString(eventsFile),
      event_types: sqlList(eventTypes),
      handoff_bound_types: sqlList(handoffBoundTypes)
    })
  );
  await db.run(
    namedSql("handoffs", {
      first_evidence_columns: evidenceTypes
        .map((type) => `min("at") FILTER (WHERE type = ${sqlString(type)}) AS ${sqlIdentifier(type)}`)
        .join(",\n    "),
      evidence_offset_columns: evidenceTypes
        .map((type) => `epoch_us(f.${sqlIdentifier(type)}) - epoch_us(h.handoff_at) AS ${evidenceOffsetColumn(type)}`)
        .join(",\n    "),
      terminal_types: sqlList(terminalTypes),
      stage_at_handoff: stageAtHandoffSql(ladder)
    })
  );
  const files = [
    await reconcile(db, leadsFile, leadsRead, "leads"),
    await reconcile(db, eventsFile, eventsRead, "events")
  ];
  const {data_end} = await db.one<{data_end: string | null}>(namedSql("data-end"));
  return {files, dataEnd: data_end};
}

async function reconcile(db: Database, file: string, read: number, table: string): Promise<FileReconciliation> {
  const {used} = await db.one<{used: number}>(`SELECT count(*) AS used FROM ${sqlIdentifier(table)}`);
  const {rejected} = await db.one<{rejected: number}>(`SELECT count(*) AS rejected FROM rejects WHERE file = $1`, [
    file
  ]);
  if (used + rejected !== read) {
    throw new InputError(`${file}: ${read} rows read but ${used} used + ${rejected} rejected: rows were lost`);
  }
  return {file, read, used, rejected};
}

/** The reconciliation as the build prints it, one line per file. */
export function formatReconciliation(files: FileReconciliation[]): string {
  const n = (x: number) => x.toLocaleString("en-US");
  return files
    .map((d) => `${d.file}: ${n(d.read)} rows read = ${n(d.used)} used + ${n(d.rejected)} rejected`)
    .join("\n");
}
