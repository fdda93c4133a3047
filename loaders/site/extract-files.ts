/**
 * Writes the browser's per-handoff files with DuckDB's own Parquet writer (zstd): nothing passes through JS value by
 * value. Layout and reading: src/lib/core/extract.ts; the SQL: loaders/pipeline/sql/extract-*.sql.
 */
import {mkdirSync, readFileSync, renameSync, rmSync, existsSync} from "node:fs";
import {join} from "node:path";
import {sqlString, type Database} from "../pipeline/duckdb.js";
import type {StoredModel} from "../pipeline/handoff-store.js";
import {evidenceMaskSql, evidenceOffsetPattern} from "../pipeline/ladder-sql.js";
import {keyLabel, pseudonymKey, pseudonymSql} from "../pipeline/pseudonym.js";
import {runStep} from "../pipeline/progress.js";
import {namedSql} from "../pipeline/sql.js";
import type {ExtractMetadata} from "../../src/lib/core/extract.js";
import {evidenceTypes} from "../../src/lib/core/ladder.js";

/** The files of the extract, each written by one named query. */
export const extractFiles = {
  "handoffs.parquet": "extract-handoffs",
  "handoff-details.parquet": "extract-details",
  "handoff-ids.parquet": "extract-ids",
  "nurture.parquet": "extract-nurture",
  "later-evidence.parquet": "extract-later-evidence"
} as const;

/** One extract file's name. */
export type ExtractFile = keyof typeof extractFiles;

/**
 * Writes every extract file of the model in `db` (tables handoffs and nurture) into `directory`. The temporary
 * view `extract_rows` (each handoff with its `extract_row`) stays for the connection, for tests that compare rows.
 */
export async function writeExtractFiles(db: Database, directory: string, dataEnd: string | null): Promise<void> {
  await db.run(
    namedSql("extract-rows", {
      evidence_at_handoff: evidenceMaskSql((c) => `${c} <= 0`),
      evidence_ever: evidenceMaskSql((c) => `${c} IS NOT NULL`)
    })
  );
  // The set of handoffs, order-free: ties handoff-details.parquet to the handoffs.parquet of the same build.
  const {fingerprint} = await db.one<{fingerprint: string}>(
    "SELECT CAST(coalesce(bit_xor(hash(lead_id, handoff_seq)), 0) AS VARCHAR) AS fingerprint FROM handoffs"
  );
  const dimensions = await db.all<{column: string; en: string; de: string}>(
    `SELECT column_name AS column, en, de FROM dimension_labels ORDER BY rowid`
  );
  const metadata: ExtractMetadata = {
    dataEnd: dataEnd === null ? null : Date.parse(dataEnd),
    evidenceTypes: [...evidenceTypes],
    fingerprint,
    dimensions: dimensions.map((d) => ({column: d.column, label: {en: d.en, de: d.de}}))
  };
  const end = dataEnd === null ? "NULL::TIMESTAMP" : `TIMESTAMP ${sqlString(dataEnd)}`;
  // The evidence offsets (ev_<type>) as the handoffs and nurture tables name them (ladder-sql.ts).
  const offsets = sqlString(evidenceOffsetPattern);
  const values: Record<ExtractFile, Record<string, string>> = {
    "handoffs.parquet": {data_end: end, evidence_offsets: offsets},
    "handoff-details.parquet": {},
    "handoff-ids.parquet": {pseudonym: pseudonymSql("lead_id")},
    "nurture.parquet": {data_end: end, evidence_offsets: offsets},
    "later-evidence.parquet": {evidence_offsets: offsets}
  };
  mkdirSync(directory, {recursive: true});
  for (const [file, query] of Object.entries(extractFiles) as [ExtractFile, string][]) {
    await runStep(
      db,
      `extract ${file} written`,
      `COPY (${namedSql(query, values[file])}) TO ${sqlString(join(directory, file))}
       (FORMAT parquet, COMPRESSION zstd, PARQUET_VERSION V2, KV_METADATA {leadstage: ${sqlString(JSON.stringify(metadata))}})`
    );
  }
}

/**
 * One extract file of a stored model. All four are written once per model, next to it (several page loaders need
 * them in every build), into a temporary folder that is renamed, so loaders running side by side never read half.
 */
export async function storedExtractFile(db: Database, model: StoredModel, file: ExtractFile): Promise<Uint8Array> {
  // Pseudonyms depend on the key: an extract made with another key is another extract.
  const directory = join(model.directory, `extract-${keyLabel(pseudonymKey())}`);
  if (!existsSync(directory)) {
    let written = writing.get(directory);
    if (!written) writing.set(directory, (written = writeOnce(db, directory, model.dataEnd)));
    await written;
  }
  return new Uint8Array(readFileSync(join(directory, file)));
}

/** Extract folders being written by this process: two loaders in one process must not write the same one twice. */
const writing = new Map<string, Promise<void>>();

async function writeOnce(db: Database, directory: string, dataEnd: string | null): Promise<void> {
  const temporary = `${directory}.${process.pid}.tmp`;
  await writeExtractFiles(db, temporary, dataEnd);
  try {
    renameSync(temporary, directory);
  } catch {
    rmSync(temporary, {recursive: true, force: true}); // another process stored them first
  }
}
