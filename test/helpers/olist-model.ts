/**
 * The real Olist export of ../shared (never copied in) and the model the olist profile builds from it, for tests that
 * save it in another format (a workbook, an old .xls, an HTML report) and compare the model with its CSVs'.
 */
import {join} from "node:path";
import {withDatabase} from "../../loaders/pipeline/duckdb.js";
import {buildHandoffModel} from "../../loaders/pipeline/handoff-model.js";
import {loadProfile} from "../../loaders/import/importer.js";
import {handoffLadder} from "../../src/lib/core/ladder.js";

const folder = "../shared/data/olist-marketing-funnel";

/** The export's two CSV files, by the olist profile's file names. */
export const olistCsv = {
  mqls: join(folder, "olist_marketing_qualified_leads_dataset.csv"),
  deals: join(folder, "olist_closed_deals_dataset.csv")
};

/**
 * The model of the olist profile on the files at `paths`: each file's reconciliation (file names left out), leads,
 * handoffs, flags and rejects.
 */
export const olistModel = (paths: Record<string, string>) =>
  withDatabase(async (db) => {
    const summary = await buildHandoffModel(db, {profile: loadProfile("olist"), paths}, handoffLadder);
    return {
      files: summary.files.map(({file, ...counts}) => counts),
      leads: await db.all(
        "SELECT lead_id, created_at::VARCHAR AS created_at, campaign, source FROM leads ORDER BY ALL"
      ),
      handoffs: await db.all(
        "SELECT lead_id, handoff_at::VARCHAR AS at, stage_at_handoff, outcome, days_to_close FROM handoffs ORDER BY ALL"
      ),
      flags: await db.all("SELECT row, field, reason, value FROM flags ORDER BY ALL"),
      rejects: await db.all("SELECT file, row, field, reason, value FROM rejects ORDER BY ALL")
    };
  });
