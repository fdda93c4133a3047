/**
 * Writes generated lead histories (the sample generator's, the policy scenarios') to files through DuckDB: rows are
 * appended in batches to two staging tables, then copied out in the generator's order, so the same histories give
 * the same files byte for byte.
 */
import {join} from "node:path";
import {sqlString, type AppendValue, type Database} from "../pipeline/duckdb.js";
import type {SampleEvent, SampleLead} from "./sample-generator.js";

/** The file formats the writer produces. */
export type HistoryFormat = "parquet" | "csv" | "jsonl";

/** Creates the staging tables. */
export async function createHistoryTables(db: Database): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE gen_leads (lead_id VARCHAR, created_us BIGINT, campaign VARCHAR,
    source VARCHAR, segment VARCHAR, company_size VARCHAR, region VARCHAR, name VARCHAR, email VARCHAR, phone VARCHAR)`);
  await db.run(`CREATE OR REPLACE TABLE gen_events (lead_id VARCHAR, at_us BIGINT, type VARCHAR, value VARCHAR)`);
}

/** Appends leads and events (times in epoch milliseconds) to the staging tables. */
export async function appendHistory(db: Database, leads: SampleLead[], events: SampleEvent[]): Promise<void> {
  const leadRows: AppendValue[][] = leads.map((d) => [
    d.lead_id,
    BigInt(d.created_at) * 1000n,
    d.campaign,
    d.source,
    d.segment,
    d.company_size,
    d.region,
    d.name,
    d.email,
    d.phone
  ]);
  await db.append("gen_leads", leadRows);
  await db.append(
    "gen_events",
    events.map((e) => [e.lead_id, BigInt(e.at) * 1000n, e.type, e.value])
  );
}

/** Copies the staging tables to leads.<ext> and events.<ext> in `directory`, in the order they were appended. */
export async function copyHistory(db: Database, directory: string, format: HistoryFormat): Promise<void> {
  const options =
    format === "parquet"
      ? "(FORMAT parquet, COMPRESSION zstd)"
      : format === "csv"
        ? "(FORMAT csv, HEADER)"
        : "(FORMAT json)";
  await db.run(`COPY (SELECT lead_id, make_timestamp(created_us) AS created_at, campaign, source, segment,
    company_size, region, name, email, phone FROM gen_leads ORDER BY rowid)
    TO ${sqlString(join(directory, `leads.${format}`))} ${options}`);
  await db.run(`COPY (SELECT lead_id, make_timestamp(at_us) AS "at", type, value FROM gen_events ORDER BY rowid)
    TO ${sqlString(join(directory, `events.${format}`))} ${options}`);
}
