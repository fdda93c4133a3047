/**
 * Accounts for every row of every source file: a row is used when anything derived from it (a lead, a joined field,
 * an event) is in the model, rejected when nothing is, or (for a status the profile maps to no event) neither. Read =
 * used + rejected (+ no event) is checked for every file, and a build whose rows do not add up fails.
 */
import {sqlIdentifier, sqlString, type Database} from "./duckdb.js";
import {InputError} from "./input.js";
import type {SourceTable} from "./ingest.js";
import {sourceTable} from "./ingest.js";
import type {ImportProfile} from "../import/profile.js";
import type {FileReconciliation} from "../../src/lib/core/dataset.js";

/** A file's counts: rows used, rejected (and not used), used with some value rejected, mapped to no event. */
type RowCounts = {
  used: number;
  rejected: number;
  partly: number;
  notEvents: number;
};

/**
 * The table whose rows of `name` are one per source row, when there is one: the leads file gives one lead per row
 * when no event section and no join reads it too; a file read by a single long event section gives one event per
 * row. Then "used" is a count, not a set of rows made distinct (a hash of 11.8M row numbers at a million leads).
 */
function oneTablePerRow(profile: ImportProfile, name: string): "leads" | "events" | null {
  const sections = profile.events.filter((d) => d.file === name);
  if (profile.files[name].join) return null;
  if (name === profile.leads.file) return sections.length === 0 ? "leads" : null;
  return sections.length === 1 && sections[0].shape === "long" ? "events" : null;
}

/** Counts a file whose rows map one to one onto `table` (see oneTablePerRow): no row set is built. */
async function countOneToOne(
  db: Database,
  label: string,
  table: "leads" | "events",
  notEventRows: string | null
): Promise<RowCounts> {
  const counts = await db.one<RowCounts & {rejectRows: number}>(`SELECT
      (SELECT count(*) FROM ${table} WHERE file = ${label}) AS used,
      (SELECT count(DISTINCT row) FROM rejects WHERE file = ${label}) AS rejectRows,
      (SELECT count(DISTINCT r.row) FROM rejects r JOIN ${table} t ON t.file = r.file AND t.row = r.row
        WHERE r.file = ${label}) AS partly,
      ${notEventRows ? `(SELECT count(*) FROM (${notEventRows}))` : "0"} AS notEvents`);
  return {...counts, rejected: counts.rejectRows - counts.partly};
}

/**
 * Counts a file by the set of rows anything in the model came from. A row that yields nothing and has no reject
 * yet gets one here, so that read = used + rejected holds by construction, and is then checked all the same.
 */
async function countBySet(
  db: Database,
  profile: ImportProfile,
  name: string,
  label: string,
  leadsLabel: string,
  notEventRows: string | null
): Promise<RowCounts> {
  const join = profile.files[name].join;
  await db.run(`CREATE OR REPLACE TEMP TABLE used_rows AS
    SELECT row FROM leads WHERE file = ${label}
    UNION SELECT joined.row FROM (SELECT unnest(joined_rows) AS joined FROM leads)
      WHERE joined.file = ${label} AND joined.row IS NOT NULL
    UNION SELECT row FROM events WHERE file = ${label}`);
  // Rows whose status the profile maps to no event (an open deal's stage): read, neither used nor rejected.
  await db.run(`CREATE OR REPLACE TEMP TABLE not_event_rows AS
    ${notEventRows ?? "SELECT NULL::BIGINT AS row WHERE FALSE"}
    EXCEPT SELECT row FROM used_rows`);
  // A joined row is used when a lead took it; an unused one either repeats a key whose first row joined, or matches
  // no lead (on the lead id or on the profile's `on` column).
  const key = join ? `trim(s.${sqlIdentifier(join.column)})` : "";
  const [reason, field, value] = join
    ? [
        `CASE WHEN ${key} IN (SELECT trim(u.${sqlIdentifier(join.column)}) FROM ${sourceTable(name)} u
             WHERE u.row IN (SELECT row FROM used_rows))
           THEN 'duplicate join key (only the first row joins)'
           ELSE ${sqlString(join.via === undefined ? `matches no lead in ${leadsLabel}` : `matches no row of ${join.via} that a lead joined`)} END`,
        sqlString(join.column),
        `left(trim(s.${sqlIdentifier(join.column)}), 60)`
      ]
    : [`'nothing to import (every mapped column is blank)'`, `'(whole row)'`, "NULL"];
  await db.run(`INSERT INTO rejects
    SELECT ${label}, s.row, ${field}, ${reason}, ${value}
    FROM ${sourceTable(name)} s
    WHERE s.row NOT IN (SELECT row FROM used_rows)
      AND s.row NOT IN (SELECT row FROM not_event_rows)
      AND s.row NOT IN (SELECT row FROM rejects WHERE file = ${label})`);
  return db.one<RowCounts>(`SELECT
      (SELECT count(*) FROM used_rows) AS used,
      (SELECT count(*) FROM not_event_rows WHERE row NOT IN (SELECT row FROM rejects WHERE file = ${label})) AS notEvents,
      (SELECT count(DISTINCT row) FROM rejects WHERE file = ${label} AND row NOT IN (SELECT row FROM used_rows)) AS rejected,
      (SELECT count(DISTINCT row) FROM rejects WHERE file = ${label} AND row IN (SELECT row FROM used_rows)) AS partly`);
}

/**
 * Accounts for every row of one source file. Where rows map one to one onto leads or events, counting is enough;
 * only when those counts leave rows unaccounted for (rows that yield nothing) is the row set built and each such row
 * given a reject.
 */
export async function reconcile(
  db: Database,
  profile: ImportProfile,
  name: string,
  source: SourceTable,
  leadsLabel: string,
  notEventRows: string | null
): Promise<FileReconciliation> {
  const label = sqlString(source.label);
  const adds = (d: RowCounts) => d.used + d.rejected + d.notEvents === source.rows;
  const table = oneTablePerRow(profile, name);
  let counts = table ? await countOneToOne(db, label, table, notEventRows) : null;
  if (!counts || !adds(counts)) counts = await countBySet(db, profile, name, label, leadsLabel, notEventRows);
  if (!adds(counts)) {
    throw new InputError(
      `${source.label}: ${source.rows} rows read but ${counts.used} used + ${counts.rejected} rejected + ${counts.notEvents} no event: rows were lost`
    );
  }
  return {
    file: source.label,
    read: source.rows,
    used: counts.used,
    rejected: counts.rejected,
    partlyRejected: counts.partly,
    // Only where a profile maps a status to no event: every other reconciliation keeps its four figures.
    ...(counts.notEvents > 0 ? {notEvents: counts.notEvents} : {})
  };
}

/** The reconciliation as the build prints it, one line per file. */
export function formatReconciliation(files: FileReconciliation[]): string {
  const n = (x: number) => x.toLocaleString("en-US");
  return files
    .map(
      (d) =>
        `${d.file}: ${n(d.read)} rows read = ${n(d.used)} used + ${n(d.rejected)} rejected` +
        (d.notEvents ? ` + ${n(d.notEvents)} no event` : "") +
        (d.partlyRejected > 0 ? ` (${n(d.partlyRejected)} used rows had a value rejected)` : "")
    )
    .join("\n");
}
