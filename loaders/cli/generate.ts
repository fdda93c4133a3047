/**
 * npm run generate -- --leads N --seed S [--out DIR] [--format parquet|csv|jsonl] [--clean]
 *
 * Writes generated lead histories (leads.* and events.*) to DIR (default data/sample). The default sample is
 * committed: regenerate it with `npm run generate -- --leads 20000 --seed 42`. --clean leaves out the broken rows
 * that the sample carries on purpose.
 */
import {mkdirSync} from "node:fs";
import {parseArgs} from "node:util";
import {withDatabase} from "../pipeline/duckdb.js";
import {checkedOptions, UsageError, wholeNumberOption} from "../tools/cli-options.js";
import {appendHistory, copyHistory, createHistoryTables, type HistoryFormat} from "../tools/history-writer.js";
import {generateLeadHistories, type SampleEvent, type SampleLead} from "../tools/sample-generator.js";

const {values} = parseArgs({
  options: {
    leads: {type: "string", default: "20000"},
    seed: {type: "string", default: "42"},
    out: {type: "string", default: "data/sample"},
    format: {type: "string", default: "parquet"},
    clean: {type: "boolean", default: false}
  }
});
const {count, seed, format} = checkedOptions("generate", () => {
  const format = values.format as HistoryFormat;
  if (format !== "parquet" && format !== "csv" && format !== "jsonl") {
    throw new UsageError(`--format must be parquet, csv or jsonl, got ${JSON.stringify(values.format)}`);
  }
  return {count: wholeNumberOption("leads", values.leads), seed: wholeNumberOption("seed", values.seed, 0), format};
});

mkdirSync(values.out, {recursive: true});
const started = performance.now();
await withDatabase(async (db) => {
  await createHistoryTables(db);
  let leads: SampleLead[] = [];
  let events: SampleEvent[] = [];
  let written = 0;
  for (const batch of generateLeadHistories({leads: count, seed, messy: !values.clean})) {
    leads.push(...batch.leads);
    events.push(...batch.events);
    if (leads.length >= 50_000) {
      await appendHistory(db, leads, events);
      written += leads.length;
      [leads, events] = [[], []];
      process.stderr.write(`generate: ${written.toLocaleString("en-US")} leads\r`);
    }
  }
  await appendHistory(db, leads, events);
  // Rows keep the generator's order (leads by id, events by lead then time), so the files are the same every run.
  await copyHistory(db, values.out, format);
  const counts = await db.one(
    `SELECT (SELECT count(*) FROM gen_leads) AS leads, (SELECT count(*) FROM gen_events) AS events`
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    `generate: wrote ${counts.leads} leads and ${counts.events} events to ${values.out} in ${seconds} s\n`
  );
});
