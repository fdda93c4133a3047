/**
 * npm run generate -- --leads N --seed S [--out DIR] [--format parquet|csv|jsonl] [--clean]
 *
 * Writes generated lead histories (leads.* and events.*) to DIR (default data/sample). The default sample is
 * committed: regenerate it with `npm run generate -- --leads 20000 --seed 42`. --clean leaves out the broken rows
 * that the sample carries on purpose.
 */
import {mkdirSync} from "node:fs";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {withDatabase, sqlString, type AppendValue} from "../duckdb.ts";
import {generateLeadHistories} from "../sample-generator.ts";

const {values} = parseArgs({
  options: {
    leads: {type: "string", default: "20000"},
    seed: {type: "string", default: "42"},
    out: {type: "string", default: "data/sample"},
    format: {type: "string", default: "parquet"},
    clean: {type: "boolean", default: false}
  }
});
const leads = Number(values.leads);
const seed = Number(values.seed);
const format = values.format;
if (!Number.isInteger(leads) || leads < 1) fail(`--leads must be a whole number ≥ 1, got ${values.leads}`);
if (!Number.isInteger(seed)) fail(`--seed must be a whole number, got ${values.seed}`);
if (format !== "parquet" && format !== "csv" && format !== "jsonl") fail(`--format must be parquet, csv or jsonl`);

mkdirSync(values.out, {recursive: true});
const started = performance.now();
await withDatabase(async (db) => {
  await db.run(`CREATE TABLE gen_leads (lead_id VARCHAR, created_us BIGINT, campaign VARCHAR, source VARCHAR,
    segment VARCHAR, company_size VARCHAR, region VARCHAR, name VARCHAR, email VARCHAR, phone VARCHAR)`);
  await db.run(`CREATE TABLE gen_events (lead_id VARCHAR, at_us BIGINT, type VARCHAR, value VARCHAR)`);
  let leadRows: AppendValue[][] = [];
  let eventRows: AppendValue[][] = [];
  let written = 0;
  const flush = async () => {
    await db.append("gen_leads", leadRows);
    await db.append("gen_events", eventRows);
    leadRows = [];
    eventRows = [];
  };
  for (const batch of generateLeadHistories({leads, seed, messy: !values.clean})) {
    for (const d of batch.leads) {
      leadRows.push([
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
    }
    for (const e of batch.events) eventRows.push([e.lead_id, BigInt(e.at) * 1000n, e.type, e.value]);
    if (leadRows.length >= 50_000) {
      await flush();
      written += 50_000;
      process.stderr.write(`generate: ${written.toLocaleString("en-US")} leads\r`);
    }
  }
  await flush();
  const extension = format === "jsonl" ? "jsonl" : format;
  const options =
    format === "parquet"
      ? "(FORMAT parquet, COMPRESSION zstd)"
      : format === "csv"
        ? "(FORMAT csv, HEADER)"
        : "(FORMAT json)";
  // Rows keep the generator's order (leads by id, events by lead then time), so the files are the same every run.
  await db.run(`COPY (SELECT lead_id, make_timestamp(created_us) AS created_at, campaign, source, segment,
    company_size, region, name, email, phone FROM gen_leads ORDER BY rowid)
    TO ${sqlString(join(values.out, `leads.${extension}`))} ${options}`);
  await db.run(`COPY (SELECT lead_id, make_timestamp(at_us) AS "at", type, value FROM gen_events ORDER BY rowid)
    TO ${sqlString(join(values.out, `events.${extension}`))} ${options}`);
  const counts = await db.one(
    `SELECT (SELECT count(*) FROM gen_leads) AS leads, (SELECT count(*) FROM gen_events) AS events`
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    `generate: wrote ${counts.leads} leads and ${counts.events} events to ${values.out} in ${seconds} s\n`
  );
});

function fail(message: string): never {
  process.stderr.write(`generate: ${message}\n`);
  process.exit(2);
}
