/**
 * The pipeline's core: source files → (through an import profile) canonical leads and events, validated with every
 * reject kept → one row per handoff, classified by the ladder. Every loader and the importer start here; what it
 * returns says how every input row was accounted for.
 */
import {sqlIdentifier, sqlString, type Database} from "./duckdb.js";
import {dateWindow, type DateWindow} from "./date-window.js";
import {readSourceFile, sourceTable, type SourceTable} from "./ingest.js";
import {rejectFooter} from "./report-footer.js";
import {relabelBlankRows} from "./blank-rows.js";
import {damagedParquetError, isParquet, sourceReadError, stageThroughParquet} from "./source-staging.js";
import {progressEnabled, reportStep, runStep} from "./progress.js";
import {placeModelTables} from "./table-storage.js";
import {InputError, type LeadHistoryInput} from "./input.js";
import {evidenceOffsetColumn, evidenceMaskSql, stageAtHandoffSql} from "./ladder-sql.js";
import type {ImportProfile} from "../import/profile.js";
import {flagUnjoinedLeads} from "./unjoined-leads.js";
import {damagedTextFieldSql, damagedTextReason} from "./damaged-text.js";
import {numberSql} from "../import/number-format.js";
import {reconcile} from "./reconcile.js";
import {dimensionColumn, dimensionColumns, dimensionLabelsSql, normalizeDimensions} from "./normalize-dimensions.js";
import {ProfileCompiler} from "../import/profile-sql.js";
import {readsColumn} from "../import/profile-columns.js";
import {latestAnswersSql, scorecardOptionsSql} from "./scorecard-sql.js";
import {namedSql, sqlList} from "./sql.js";
import {evidenceTypes, type HandoffLadder} from "../../src/lib/core/ladder.js";
import {eventTypes, leadFields, terminalTypes} from "../../src/lib/core/model.js";
import type {FileReconciliation} from "../../src/lib/core/dataset.js";

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
  /** The dates accepted: earlier or later ones are rejected. */
  window: DateWindow;
}

/** A profile and the path of each of its files: what the model is built from. */
export interface ModelSource {
  profile: ImportProfile;
  paths: Record<string, string>;
}

/** Lifecycle events that must follow a handoff; see validate-events.sql. */
const handoffBoundTypes = ["accepted", "rejected", "recycled", "sales_touch", "opportunity", "won", "lost"];

/**
 * The largest won amount and the most hours one sales touch may record: beyond them a value is a typo or a unit
 * error, and the pages could not show it sensibly.
 */
const maxAmount = 1_000_000_000_000;
const maxTouchHours = 1000;

/** Keys and short texts longer than this are rejected, free text (reasons) longer than the second. */
const maxKeyLength = 200;
const maxTextLength = 1000;

/**
 * What database tools write for a missing value, read as blank in Leadstage's own model: SQL Server's and Oracle's
 * exports write NULL, MySQL's \N (a campaign "NULL" was a campaign of its own). data/profiles/canonical.json agrees.
 */
export const canonicalNullMarkers = ["NULL", "\\N"];

/**
 * The profile of data already in the model: leads.* and events.* with the model's own column names (matched
 * case-insensitively once the files are read; absent optional columns stay blank).
 */
export function canonicalSource(input: LeadHistoryInput): ModelSource {
  return {
    profile: {
      name: "canonical",
      description: "Leads and events in Leadstage's own model.",
      nullMarkers: canonicalNullMarkers,
      files: {leads: {}, events: {}},
      leads: {file: "leads", fields: {lead_id: "lead_id", created_at: "created_at"}},
      // A dataset's own dimensions are columns dim_<name> of its leads file (as the importer writes them).
      dimensions: Object.fromEntries(
        (input.dataset.dimensions ?? []).map((d) => [d.name, {column: dimensionColumn(d.name), label: d.label}])
      ),
      events: [{shape: "long", file: "events", leadId: "lead_id", at: "at", type: "type", value: "value"}]
    },
    paths: {leads: input.leads, events: input.events}
  };
}

/** Points the canonical profile's fields at the columns as the files spell them, leaving out absent optional ones. */
function matchCanonicalColumns(profile: ImportProfile, sources: Record<string, SourceTable>): ImportProfile {
  const find = (file: string, name: string) => sources[file].columns.find((c) => c.toLowerCase() === name) ?? name;
  const has = (file: string, name: string) => sources[file].columns.some((c) => c.toLowerCase() === name);
  const fields: ImportProfile["leads"]["fields"] = {
    lead_id: find("leads", "lead_id"),
    created_at: find("leads", "created_at")
  };
  for (const field of leadFields) if (!(field in fields) && has("leads", field)) fields[field] = find("leads", field);
  const section = profile.events[0];
  if (section.shape !== "long") throw new Error("canonical events are a long log");
  return {
    ...profile,
    leads: {file: "leads", fields},
    events: [
      {
        ...section,
        leadId: find("events", "lead_id"),
        at: find("events", "at"),
        type: find("events", "type"),
        value: has("events", "value") ? find("events", "value") : undefined
      }
    ]
  };
}

/**
 * Builds the tables `leads`, `events`, `rejects`, `flags` and `handoffs` in `db`, classifying each handoff with
 * `ladder`. Throws InputError for unreadable input, a profile that does not fit the files, and a reconciliation that
 * does not add up.
 */
export async function buildHandoffModel(
  db: Database,
  source: ModelSource | LeadHistoryInput,
  ladder: HandoffLadder,
  now: number = Date.now()
): Promise<HandoffModelSummary> {
  const {profile: declared, paths} = "profile" in source ? source : canonicalSource(source);
  const window = dateWindow("dataset" in source ? source.dataset.exportedAt : undefined, now);
  const sources = await readSources(db, declared, paths);
  try {
    return await modelFromSources(db, declared, sources, ladder, window);
  } catch (error) {
    const files = Object.values(sources).map((d) => d.path);
    throw sourceReadError(error, files) ?? (await damagedParquetError(db, error, files)) ?? error;
  }
}

/** The model from the sources read: mapped, validated, classified, every input row accounted for. */
async function modelFromSources(
  db: Database,
  declared: ImportProfile,
  sources: Record<string, SourceTable>,
  ladder: HandoffLadder,
  window: DateWindow
): Promise<HandoffModelSummary> {
  const profile = declared.name === "canonical" ? matchCanonicalColumns(declared, sources) : declared;
  const compiler = new ProfileCompiler(profile, sources);
  await placeModelTables(db, sources);
  // Views, mapped as they are validated: the progress lines of those steps cover both.
  await db.run(compiler.leadsSql());
  await db.run(compiler.eventsSql());
  await validate(db, window, profile);
  for (const d of Object.values(sources))
    if (d.footerLines) await rejectFooter(db, d.label, d.rows - d.footerLines, d.footerLines);
  await relabelBlankRows(db, Object.values(sources), profile.nullMarkers);
  await db.run(dimensionLabelsSql(profile));
  await normalizeDimensions(db, profile);
  await flagUnjoinedLeads(db, profile, sources);
  await classify(db, ladder, profile);
  const files: FileReconciliation[] = [];
  const leadsLabel = sources[profile.leads.file].label;
  const reconciling = performance.now();
  for (const [name, table] of Object.entries(sources))
    files.push(await reconcile(db, profile, name, table, leadsLabel, compiler.notEventRowsSql(name)));
  reportStep("every input row accounted for", reconciling);
  const {data_end} = await db.one<{data_end: string | null}>(namedSql("data-end"));
  return {files, dataEnd: data_end, window};
}

/** Reads every file the profile declares into a source table of text columns, each with its row number. */
async function readSources(
  db: Database,
  profile: ImportProfile,
  paths: Record<string, string | undefined>
): Promise<Record<string, SourceTable>> {
  const sources: Record<string, SourceTable> = {};
  const inputPaths = Object.keys(profile.files).flatMap((name) => paths[name] ?? []);
  const throughParquet = stageThroughParquet(inputPaths);
  // Only the columns the profile may read are staged (the canonical one reads the optional lead fields it finds).
  const reads = readsColumn(profile, profile.name === "canonical" ? leadFields : []);
  if (throughParquet && progressEnabled()) {
    process.stderr.write("leadstage: the text input is larger than the memory limit: staged as Parquet on disk\n");
  }
  for (const [name, file] of Object.entries(profile.files)) {
    const path = paths[name];
    if (!path) throw new InputError(`profile ${profile.name}: files.${name}: no path given and no default`);
    const started = performance.now();
    sources[name] = await readSourceFile(db, path, sourceTable(name), file, throughParquet, reads);
    // A Parquet file is only opened here (its footer has the row count); the statements that use it read it. Text
    // staged as Parquet was read (and written) here.
    const opened = sources[name].inPlace && isParquet(path);
    reportStep(`${opened ? "opened" : "read"} ${sources[name].label}`, started, sources[name].rows);
  }
  const labels = Object.values(sources).map((d) => d.label);
  if (new Set(labels).size !== labels.length) {
    throw new InputError(`two input files share a name: ${labels.join(", ")}`);
  }
  return sources;
}

/** Validates the mapped rows into leads and events; every row that fails goes to rejects (or flags) with its reason. */
async function validate(db: Database, window: DateWindow, profile: ImportProfile): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE rejects (file VARCHAR, row BIGINT, field VARCHAR, reason VARCHAR, value VARCHAR);
    CREATE OR REPLACE TABLE flags (file VARCHAR, row BIGINT, field VARCHAR, reason VARCHAR, value VARCHAR);`);
  const limits = {
    max_text_length: String(maxTextLength),
    earliest: `TIMESTAMP '${window.earliest}'`,
    latest: `TIMESTAMP '${window.latest}'`,
    too_early: sqlString(`date before ${window.earliest.slice(0, 10)}`),
    too_late: sqlString(`date after the ${window.latestFrom} date (${window.latest.slice(0, 10)})`)
  };
  // Reasons both files' checks give: a NUL character (damaged-text.ts), the header line again.
  const reasons = {
    damaged_text_reason: sqlString(damagedTextReason),
    repeated_header_reason: sqlString("repeated header line (files joined with their headers)")
  };
  await db.run(scorecardOptionsSql());
  const leads = namedSql("validate-leads", {
    ...limits,
    max_key_length: String(maxKeyLength),
    dimension_columns: dimensionColumns(profile),
    dimension_lengths: Object.keys(profile.dimensions ?? {})
      .map((name) => `, length(${sqlIdentifier(dimensionColumn(name))})`)
      .join(""),
    damaged_text_field: damagedTextFieldSql(profile),
    ...reasons
  });
  await runStep(db, "leads mapped and validated", leads, "leads");
  const events = namedSql("validate-events", {
    ...limits,
    event_types: sqlList(eventTypes),
    handoff_bound_types: sqlList(handoffBoundTypes),
    max_amount: String(maxAmount),
    max_touch_hours: String(maxTouchHours),
    // The profile's decimal separator (number-format.ts): "24.000,50" or "$1,234.56" is an amount where it says so.
    number_value: numberSql("value", profile.decimalSeparator, profile.currency ?? "EUR"),
    ...reasons
  });
  await runStep(db, "events mapped and validated", events, "events");
}

/** One row per handoff, classified by the ladder from the evidence known at its instant; nurture histories too. */
async function classify(db: Database, ladder: HandoffLadder, profile: ImportProfile): Promise<void> {
  const firstEvidence = namedSql("first-evidence", {
    first_evidence_columns: firstEvidenceColumns(),
    evidence_types: sqlList(evidenceTypes)
  });
  await runStep(db, "first evidence", firstEvidence, "first_evidence");
  await runStep(db, "handoff events", namedSql("handoff-events"), "handoff_events");
  const scorecardSql = latestAnswersSql();
  const handoffs = namedSql("handoffs", {
    evidence_offset_columns: evidenceTypes
      .map((type) => `epoch_us(f.${sqlIdentifier(type)}) - epoch_us(h.handoff_at) AS ${evidenceOffsetColumn(type)}`)
      .join(",\n    "),
    terminal_types: sqlList(terminalTypes),
    stage_at_handoff: stageAtHandoffSql(ladder),
    evidence_at_handoff: evidenceMaskSql((column) => `${column} <= 0`),
    lead_dimension_columns: dimensionColumns(profile, "l."),
    latest_answers: scorecardSql.latest,
    scorecard_score: scorecardSql.score,
    scorecard_answers: scorecardSql.answers
  });
  await runStep(db, "handoffs classified", handoffs, "handoffs");
  await runStep(db, "contradictions flagged", namedSql("contradictions", {terminal_types: sqlList(terminalTypes)}));
  const nurture = namedSql("nurture", {
    nurture_offset_columns: evidenceTypes
      .map((type) => {
        const first = `f.${sqlIdentifier(type)}`;
        return `CASE WHEN ${first} <= coalesce(h.first_handoff_at, ${first})
            THEN epoch_us(${first}) - epoch_us(l.created_at) END AS ${evidenceOffsetColumn(type)}`;
      })
      .join(",\n    ")
  });
  await runStep(db, "nurture histories", nurture, "nurture");
}

/** Per evidence type, the first instant it is known (an aggregate over a lead's evidence events). */
function firstEvidenceColumns(): string {
  return evidenceTypes
    .map((type) => `min(CASE WHEN type = ${sqlString(type)} THEN "at" END) AS ${sqlIdentifier(type)}`)
    .join(",\n    ");
}
