/**
 * The optional campaign cost table: costs.csv (columns campaign, cost) next to the leads and events. DuckDB reads it
 * like any input (quoted fields, a BOM, CRLF, any delimiter it sniffs), so the browser gets parsed rows, never CSV.
 * A bad row is not dropped silently: it is reported by row and field and the page shows the report.
 */
import {existsSync} from "node:fs";
import {join} from "node:path";
import {withDatabase, sqlIdentifier, type Database} from "../pipeline/duckdb.js";
import {readSourceFile} from "../pipeline/ingest.js";
import {InputError, dataDirectory} from "../pipeline/input.js";

/** The cost table as the campaign page reads it: rows read = costs + problems. */
export interface CampaignCosts {
  file: string;
  costs: {campaign: string; cost: number}[];
  problems: string[];
}

/** Reads `costs.csv` in `directory` (the build's data folder unless given); null when there is none. */
export async function campaignCosts(directory = dataDirectory()): Promise<CampaignCosts | null> {
  const path = join(directory, "costs.csv");
  if (!existsSync(path)) return null;
  return withDatabase(async (db) => {
    let columns: string[];
    try {
      ({columns} = await readSourceFile(db, path, "costs"));
    } catch (error) {
      if (error instanceof InputError) return {file: "costs.csv", costs: [], problems: [error.message]};
      throw error;
    }
    const named = (name: string) => columns.find((c) => c.toLowerCase() === name);
    const campaign = named("campaign");
    const cost = named("cost");
    if (!campaign || !cost) {
      return {file: "costs.csv", costs: [], problems: ["costs.csv: the header needs columns campaign and cost"]};
    }
    return costRows(db, campaign, cost);
  });
}

/** Valid rows and one problem per bad row; fully blank lines are neither. */
async function costRows(db: Database, campaign: string, cost: string): Promise<CampaignCosts> {
  const rows = await db.all<{row: number; campaign: string | null; cost: number | null; text: string | null}>(
    `SELECT row, nullif(trim(${sqlIdentifier(campaign)}), '') AS campaign,
       TRY_CAST(trim(${sqlIdentifier(cost)}) AS DOUBLE) AS cost, nullif(trim(${sqlIdentifier(cost)}), '') AS text
     FROM costs WHERE coalesce(trim(${sqlIdentifier(campaign)}), '') <> '' OR coalesce(trim(${sqlIdentifier(cost)}), '') <> ''
     ORDER BY row`
  );
  const costs: CampaignCosts["costs"] = [];
  const problems: string[] = [];
  for (const row of rows) {
    if (row.campaign === null) problems.push(`costs.csv row ${row.row}, field campaign: missing`);
    else if (row.cost === null || !Number.isFinite(row.cost) || row.cost < 0) {
      problems.push(`costs.csv row ${row.row}, field cost: "${row.text ?? ""}" is not an amount ≥ 0`);
    } else costs.push({campaign: row.campaign, cost: row.cost});
  }
  return {file: "costs.csv", costs, problems};
}
