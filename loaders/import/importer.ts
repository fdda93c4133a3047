/**
 * The importer: an export, read through an import profile, written as canonical lead histories that the dashboard
 * loads (leads.parquet, events.parquet), with dataset.json (what the data can and cannot tell, the reconciliation)
 * and rejects.csv (every rejected row, with file, row, field and reason). DuckDB streams the files; no row passes
 * through JavaScript.
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {basename, join} from "node:path";
import {withDatabase, sqlString, type Database} from "../pipeline/duckdb.js";
import {buildHandoffModel} from "../pipeline/handoff-model.js";
import {formatReconciliation} from "../pipeline/reconcile.js";
import {InputError} from "../pipeline/input.js";
import {rejectReasons} from "../pipeline/reject-reasons.js";
import {unjoinedReason} from "../pipeline/unjoined-leads.js";
import {limitsReport} from "./limits-report.js";
import {recordedLimits, withRecorded} from "../pipeline/recorded-limits.js";
import {numberHint} from "./number-hint.js";
import {blankRowReason} from "../pipeline/blank-rows.js";
import {dimensionColumns} from "../pipeline/normalize-dimensions.js";
import {validateProfile, type ImportProfile} from "./profile.js";
import {fullLimits, type DatasetDescription, type DatasetLimits} from "../../src/lib/core/dataset.js";
import {handoffLadder} from "../../src/lib/core/ladder.js";

/** Where built-in profiles live. */
export const profileDirectory = "data/profiles";

/** Loads a profile by built-in name (data/profiles/<name>.json) or by path, and checks it. */
export function loadProfile(nameOrPath: string): ImportProfile {
  const path =
    existsSync(nameOrPath) && statSync(nameOrPath).isFile() ? nameOrPath : join(profileDirectory, `${nameOrPath}.json`);
  if (!existsSync(path)) {
    const known = readdirSync(profileDirectory)
      .filter((d) => d.endsWith(".json"))
      .map((d) => d.replace(/\.json$/, ""));
    throw new InputError(`no profile "${nameOrPath}" (built-in: ${known.join(", ")}; or give a path to a .json file)`);
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new InputError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  return validateProfile(json, path);
}

/**
 * The path of each profile file: the profile's defaults, or the files given (one per declared file, in order), or
 * a folder holding files named like the defaults.
 */
export function resolvePaths(profile: ImportProfile, given: string[]): Record<string, string> {
  const names = Object.keys(profile.files);
  if (given.length === 1 && existsSync(given[0]) && statSync(given[0]).isDirectory()) {
    return Object.fromEntries(
      names.map((name) => {
        const fallback = profile.files[name].default;
        if (!fallback) throw new InputError(`files.${name} has no default name to look for in ${given[0]}`);
        return [name, join(given[0], basename(fallback))];
      })
    );
  }
  if (given.length > 0 && given.length !== names.length) {
    throw new InputError(
      `profile ${profile.name} reads ${names.length} files (${names.join(", ")}); ${given.length} given`
    );
  }
  return Object.fromEntries(
    names.map((name, i) => {
      const path = given[i] ?? profile.files[name].default;
      if (!path) throw new InputError(`profile ${profile.name}: files.${name}: no path given and no default`);
      return [name, path];
    })
  );
}

/** Options of one import. */
export interface ImportOptions {
  profile: ImportProfile;
  paths: Record<string, string>;
  /** Output folder; nothing is written when absent (a dry run). */
  out?: string;
  /** Fail when more than this share of all rows read is rejected (default: the profile's, else 0.2). */
  maxRejectRate?: number;
  log?: (line: string) => void;
}

/** Runs an import; throws InputError (after writing rejects.csv) when the reject rate is over the threshold. */
export async function runImport(options: ImportOptions): Promise<DatasetDescription> {
  const log = options.log ?? (() => {});
  const {profile, paths} = options;
  return withDatabase(async (db) => {
    for (const [name, path] of Object.entries(paths)) {
      const size = statSync(path, {throwIfNoEntry: false})?.size;
      log(`import: reading ${name} from ${path}${size === undefined ? "" : ` (${formatBytes(size)})`}`);
    }
    const started = performance.now();
    // DuckDB works on its own threads, so the event loop is free to say that a large file is still being read.
    const heartbeat = setInterval(
      () => log(`import: still reading and checking… ${Math.round((performance.now() - started) / 1000)} s`),
      5000
    );
    const summary = await buildHandoffModel(db, {profile, paths}, handoffLadder).finally(() =>
      clearInterval(heartbeat)
    );
    log(`import: mapped and validated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    log(formatReconciliation(summary.files));
    const counts = await db.one<{leads: number; events: number}>(
      `SELECT (SELECT count(*) FROM leads) AS leads, (SELECT count(*) FROM events) AS events`
    );
    const description: DatasetDescription = {
      profile: profile.name,
      description: profile.description,
      limits: withRecorded({...fullLimits, ...timeLimits(profile), ...profile.limits}, await recordedLimits(db)),
      notes: profile.notes ?? {en: [], de: []},
      currency: profile.currency ?? "EUR",
      // Only when the profile declares any: a dataset without them reads as before.
      ...(profile.dimensions && Object.keys(profile.dimensions).length > 0
        ? {dimensions: Object.entries(profile.dimensions).map(([name, d]) => ({name, label: d.label}))}
        : {}),
      importFiles: summary.files,
      importRejects: await rejectReasons(db, "rejects"),
      importFlags: await rejectReasons(db, "flags"),
      leads: counts.leads,
      events: counts.events
    };
    await logReasons(db, description, profile, log);
    log("import: what the pages can show:");
    for (const line of limitsReport(description.limits)) log(`  ${line}`);
    // Blank rows (a spreadsheet's unfilled ones) are rejects, but hold no data to lose: not counted against the rate.
    const blank = description.importRejects.filter((d) => d.reason === blankRowReason).reduce((s, d) => s + d.count, 0);
    const read = summary.files.reduce((s, d) => s + d.read, 0) - blank;
    const rejected = summary.files.reduce((s, d) => s + d.rejected, 0) - blank;
    const threshold = options.maxRejectRate ?? profile.maxRejectRate ?? 0.2;
    if (options.out) {
      mkdirSync(options.out, {recursive: true});
      await writeRejects(db, join(options.out, "rejects.csv"));
    }
    if (read > 0 && rejected / read > threshold) {
      throw new InputError(
        `import failed: ${formatPercent(rejected / read)} of ${read.toLocaleString("en-US")} rows rejected` +
          (blank > 0 ? ` (${blank.toLocaleString("en-US")} blank rows not counted)` : "") +
          `, above the ` +
          `threshold of ${formatPercent(threshold)}` +
          (options.out ? `; every rejected row is in ${join(options.out, "rejects.csv")}` : "")
      );
    }
    // A join that leaves leads without their fields fails the import like rejected rows would, per joined file.
    for (const flag of description.importFlags.filter((d) => d.reason.startsWith(unjoinedReason))) {
      if (counts.leads > 0 && flag.count / counts.leads > threshold) {
        throw new InputError(
          `import failed: ${formatPercent(flag.count / counts.leads)} of ${counts.leads.toLocaleString("en-US")} leads have ` +
            `no row in ${flag.reason.slice(unjoinedReason.length).trim()} for their ${flag.field}` +
            (flag.examples.some((d) => d.value !== null)
              ? ` (e.g. ${flag.examples.map((d) => JSON.stringify(d.value)).join(", ")})`
              : "") +
            `, above the threshold of ${formatPercent(threshold)}`
        );
      }
    }
    if (options.out) {
      await writeCanonical(db, options.out, dimensionColumns(profile));
      writeFileSync(join(options.out, "dataset.json"), JSON.stringify(description, null, 2) + "\n");
      log(`import: wrote ${counts.leads} leads and ${counts.events} events to ${options.out}`);
    }
    return description;
  });
}

/** Every reject and flag reason with its count; under amounts or hours that are no number, what would read them. */
async function logReasons(
  db: Database,
  description: DatasetDescription,
  profile: ImportProfile,
  log: (line: string) => void
): Promise<void> {
  for (const reason of description.importRejects) {
    log(`  rejected ${reason.count} × ${reason.file} ${reason.field}: ${reason.reason}`);
    const hint = await numberHint(db, reason, profile);
    if (hint) log(`    ${hint}`);
  }
  for (const flag of description.importFlags) log(`  kept and flagged ${flag.count} × ${flag.file}: ${flag.reason}`);
}

/**
 * What the profile's times leave the pages: durations without creation dates have no calendar; a snapshot has
 * neither spans nor a handoff time.
 */
export function timeLimits(profile: ImportProfile): Partial<DatasetLimits> {
  const times = profile.times ?? "dates";
  if (times === "none") return {eventTimes: false, calendar: false, handoffTimestamp: false};
  if (times === "durations" && profile.leads.fields.created_at === undefined) return {calendar: false};
  return {};
}

/** The canonical files, sorted so that the same export always gives the same bytes. */
async function writeCanonical(db: Database, out: string, dimensions: string): Promise<void> {
  await db.run(`COPY (SELECT lead_id, created_at, campaign, source, segment, company_size, region${dimensions} FROM leads
    ORDER BY lead_id) TO ${sqlString(join(out, "leads.parquet"))} (FORMAT parquet, COMPRESSION zstd)`);
  // An amount or hours as the number read ("24.000,50 €" in a German export: 24000.5), which Leadstage's own model
  // reads back; written as in the export, a site built from the import rejected every one of them as no number.
  const value = "CASE WHEN e.num_value IS NULL THEN e.value ELSE CAST(e.num_value AS VARCHAR) END";
  await db.run(`COPY (SELECT l.lead_id, e."at", e.type, ${value} AS value FROM events e JOIN leads l ON l.row = e.lead_row
    ORDER BY l.lead_id, e."at", e.type, value)
    TO ${sqlString(join(out, "events.parquet"))} (FORMAT parquet, COMPRESSION zstd)`);
}

/**
 * rejects.csv: local only (it holds raw values), with spreadsheet formulas defused by a leading apostrophe; the
 * fullwidth ＝ ＋ － ＠ count as formula signs too (spreadsheets in East Asian locales read them so).
 */
async function writeRejects(db: Database, path: string): Promise<void> {
  const safe = (column: string) =>
    `CASE WHEN regexp_matches(${column}, '^[=+\\-@\\t\\r＝＋－＠]') THEN '''' || ${column} ELSE ${column} END AS ${column}`;
  await db.run(`COPY (SELECT file, row, ${safe("field")}, reason, ${safe("value")} FROM rejects ORDER BY file, row, field)
    TO ${sqlString(path)} (FORMAT csv, HEADER)`);
}

function formatBytes(bytes: number): string {
  const units = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    ++unit;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

function formatPercent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
