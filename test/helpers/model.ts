/**
 * Test helpers: build the handoff model from a folder and return what the overview loader would write.
 */
import {readFileSync, rmSync} from "node:fs";
import {join} from "node:path";
import {withDatabase, sqlString} from "../../loaders/pipeline/duckdb.js";
import {buildHandoffModel} from "../../loaders/pipeline/handoff-model.js";
import {locateInput} from "../../loaders/pipeline/input.js";
import {overviewData} from "../../loaders/site/overview-data.js";
import {writeExtractFiles} from "../../loaders/site/extract-files.js";
import {decodeExtract, type DetailedExtract} from "../../src/lib/core/extract.js";
import {handoffLadder, type HandoffLadder} from "../../src/lib/core/ladder.js";
import {decodeNurture, type NurtureData} from "../../src/lib/simulator/nurture.js";
import {decodeLaterEvidence} from "../../src/lib/simulator/own-paths.js";
import type {OverviewData} from "../../src/lib/core/overview.js";
import {temporaryDirectory} from "./temporary.js";

/** The overview data and every handoff row for the input in `directory`. */
export async function modelOf(
  directory: string,
  ladder: HandoffLadder = handoffLadder
): Promise<{overview: OverviewData; handoffs: Record<string, unknown>[]; rejects: Record<string, unknown>[]}> {
  return withDatabase(async (db) => {
    const input = locateInput(directory);
    const summary = await buildHandoffModel(db, input, ladder);
    return {
      overview: await overviewData(db, ladder, summary, input.dataset),
      handoffs: await db.all("SELECT * FROM handoffs ORDER BY lead_id, handoff_seq"),
      rejects: await db.all("SELECT * FROM rejects ORDER BY file, row")
    };
  });
}

export {temporaryDirectory};

/** Rewrites the fixture's CSV files as Parquet or JSON Lines in a new folder (through DuckDB, as a user's tool would). */
export async function convertFixture(directory: string, format: "parquet" | "jsonl"): Promise<string> {
  const out = temporaryDirectory();
  await withDatabase(async (db) => {
    for (const table of ["leads", "events"]) {
      const target = join(out, `${table}.${format}`);
      const options = format === "parquet" ? "(FORMAT parquet)" : "(FORMAT json)";
      await db.run(
        `COPY (SELECT * FROM read_csv(${sqlString(join(directory, `${table}.csv`))}, all_varchar = true))
         TO ${sqlString(target)} ${options}`
      );
    }
  });
  return out;
}

/** The decoded per-handoff extract (both files) of the input in `directory`, as the browser pages get it. */
export async function extractOf(directory: string, ladder: HandoffLadder = handoffLadder): Promise<DetailedExtract> {
  return (await extractWithLeadsOf(directory, ladder)).extract;
}

/**
 * The decoded extract and nurture histories, the raw lead ID of each of its rows (the site itself only has pseudonyms), the stage DuckDB
 * gave each row, straight from the handoffs table, and the extract's rows in the order of the handoffs by lead and
 * sequence (the order a fixture is written in).
 */
export async function extractWithLeadsOf(
  directory: string,
  ladder: HandoffLadder = handoffLadder
): Promise<{extract: DetailedExtract; nurture: NurtureData; leads: string[]; sqlStages: number[]; byLead: number[]}> {
  const files = temporaryDirectory("leadstage-extract-");
  try {
    const {leads, sqlStages, byLead} = await withDatabase(async (db) => {
      const summary = await buildHandoffModel(db, locateInput(directory), ladder);
      await writeExtractFiles(db, files, summary.dataEnd);
      const rows = await db.all<{lead_id: string; stage_at_handoff: number}>(
        "SELECT lead_id, stage_at_handoff FROM extract_rows ORDER BY extract_row"
      );
      const {extract_row} = await db.columns("SELECT extract_row FROM extract_rows ORDER BY lead_id, handoff_seq");
      return {
        leads: rows.map((d) => d.lead_id),
        sqlStages: rows.map((d) => d.stage_at_handoff),
        byLead: (extract_row as number[]).map(Number)
      };
    });
    const read = (name: string) => new Uint8Array(readFileSync(join(files, name)));
    const extract = await decodeLaterEvidence(
      read("later-evidence.parquet"),
      await decodeExtract(read("handoffs.parquet"), read("handoff-details.parquet"))
    );
    return {extract, nurture: await decodeNurture(read("nurture.parquet"), extract), leads, sqlStages, byLead};
  } finally {
    rmSync(files, {recursive: true, force: true});
  }
}
