/**
 * The per-handoff extract: one row per handoff, as one typed array per column, so that pages filter and re-aggregate
 * hundreds of thousands of handoffs in the browser without shipping an event log.
 *
 * DuckDB writes it as Parquet (zstd, Parquet 2 pages) from the handoffs table (loaders/site/extract-files.ts and
 * loaders/pipeline/sql/extract-*.sql), and hyparquet reads it here; anyone can open the files with DuckDB or any
 * Parquet tool. `handoffs.parquet` holds what every page filters by and what the simulator and the lead check need;
 * `handoff-details.parquet` adds what the timing, campaign, conversion and scorecard pages chart, in the same row
 * order; `handoff-ids.parquet` the pseudonyms for drill-down lists. Times are exact (whole seconds, as DuckDB floors
 * them) until a page bins them; only the simulator's evidence times are whole hours. Missing values become NaN in time
 * and amount columns and the type's largest value in integer ones.
 */
import {readParquet, type FileBytes, type ParquetTable} from "./parquet.js";
import {EvidenceColumns} from "./evidence-columns.js";
import {handoffOutcomes} from "./model.js";
import {ColumnDecoder, decoders, missing, type Decoder} from "./column-decoder.js";
import type {Dimension, OwnDimension} from "./dimensions.js";

export {missing};

/**
 * The columns of handoffs.parquet as the pages read them: each with its column in the file and how it is decoded.
 * A new column is a line here and one in the SQL (loaders/pipeline/sql/extract-handoffs.sql). Times are hours (NaN
 * when missing).
 */
const coreLayout = {
  /** Dimension codes: indexes into header.dictionaries (32 bits: an export may have more than 65,535 campaigns). */
  campaign: ["campaign", "text"],
  source: ["source", "text"],
  segment: ["segment", "text"],
  companySize: ["company_size", "text"],
  region: ["region", "text"],
  /** Months since January 1970 of the handoff (UTC). */
  handoffMonth: ["handoff_month", "i32"],
  /** Bit i: evidenceTypes[i] known at or before the handoff. */
  evidenceAtHandoff: ["evidence_at_handoff", "u16"],
  /** Bit i: evidenceTypes[i] known at any time. */
  evidenceEver: ["evidence_ever", "u16"],
  /** Stage at handoff as the loader classified it on the build's ladder. */
  stage: ["stage", "u8"],
  /** 1 for a lead's first handoff, 2 after a recycle, … */
  handoffSeq: ["handoff_seq", "u8"],
  /** Index into header.outcomes (the model's fixed order, so that code constants hold whatever the data has). */
  outcome: ["outcome", "outcome"],
  salesHours: ["sales_hours", "f64"],
  /** Won amount (NaN unless won). */
  amount: ["amount", "f64"],
  /** Lead creation → handoff. */
  hoursToHandoff: ["seconds_to_handoff", "hours"],
  /** Handoff → first ending (NaN while open). */
  hoursToClose: ["seconds_to_close", "hours"],
  /** Handoff → the data end, where open handoffs are censored. */
  hoursToDataEnd: ["seconds_to_data_end", "hours"]
} as const;

/** The columns of handoff-details.parquet, in the same row order (the SQL: extract-details.sql). */
const detailLayout = {
  /** Days since 1970-01-01 (UTC) of the handoff. */
  handoffDay: ["handoff_day", "i32"],
  hoursToAccept: ["seconds_to_accept", "hours"],
  hoursToOpportunity: ["seconds_to_opportunity", "hours"],
  hoursToFirstTouch: ["seconds_to_first_touch", "hours"],
  /** Index into dictionaries.reason ("" when none). */
  reason: ["reason", "text"],
  /** Scorecard points at handoff (missing when no answer). */
  score: ["score", "u8"],
  /** Two bits per question: 0 unanswered, else 1 + the option's index. */
  scorecardAnswers: ["scorecard_answers", "u32"]
} as const;

/** A layout's columns, each as the typed array its decoder makes. */
type Decoded<Layout> = {
  -readonly [K in keyof Layout]: Layout[K] extends readonly [string, infer D extends Decoder]
    ? InstanceType<(typeof decoders)[D][0]>
    : never;
};

/** Columns of handoffs.parquet, decoded. */
export type CoreColumns = Decoded<typeof coreLayout> & {
  /** The data's own dimensions' codes, by column (dim_<name>). */
  [own: OwnDimension]: Uint32Array;
  /**
   * When each piece of evidence known at the handoff was first known, at [row · evidenceTypes.length + i]: minus the
   * whole hours before the handoff (floored, so 0 within the hour before it); NaN when not known at the handoff
   * (evidenceEver says whether it came later). Empty when decoded without them (DecodeOptions.evidenceTimes).
   */
  evidenceHours: Float32Array;
  /**
   * Evidence first known after the handoff while sales worked it (by the close, or the data end while open), at the
   * same places: whole hours after the handoff (floored); NaN otherwise. Not in handoffs.parquet: empty until
   * decodeLaterEvidence (simulator/own-paths.ts) reads later-evidence.parquet, which only the simulating pages fetch.
   */
  evidenceHoursAfter: Float32Array;
};

/** Columns of handoff-details.parquet, decoded. */
export type DetailColumns = Decoded<typeof detailLayout>;

/** A column of either file. */
export type ExtractColumn = keyof CoreColumns | keyof DetailColumns;

/** A column with one value per row (all but the evidence times). */
export type RowColumn = Exclude<ExtractColumn, "evidenceHours" | "evidenceHoursAfter">;

/** What the files' key-value metadata say (written by the loader as JSON under the key `leadstage`). */
export interface ExtractMetadata {
  /** The latest instant in the data (epoch ms), where open handoffs are censored; null without any row. */
  dataEnd: number | null;
  evidenceTypes: string[];
  /** Identifies the set of handoffs, so that files of two builds are never mixed. */
  fingerprint: string;
  /** The data's own dimensions beyond the five built-in ones: their columns (dim_<name>) and labels. */
  dimensions?: {column: string; label: {en: string; de: string}}[];
}

/** The header of a decoded extract: its metadata plus what decoding derives. */
export interface ExtractHeader extends ExtractMetadata {
  rows: number;
  /** Day number (days since 1970-01-01, floored) of the data end. */
  dataEndDay: number | null;
  outcomes: string[];
  /** Every value of each text column, sorted; a row stores its index. */
  dictionaries: Record<Dimension, string[]>;
}

/** A decoded handoffs.parquet. */
export interface Extract {
  header: ExtractHeader;
  rows: number;
  columns: CoreColumns;
}

/** A decoded handoffs.parquet with its details. */
export interface DetailedExtract extends Extract {
  header: ExtractHeader & {dictionaries: Record<Dimension | "reason", string[]>};
  columns: CoreColumns & DetailColumns;
}

export {readParquet, type FileBytes, type ParquetTable};

/** What to decode beyond the columns every page reads. */
export interface DecodeOptions {
  /**
   * The evidence times (evidenceHours: nine columns of handoffs.parquet, mostly empty), which only the simulation
   * reads; a page that does not simulate leaves them out: 14–18% less decoding at a million leads (docs/extract.md).
   * Default true.
   */
  evidenceTimes?: boolean;
}

/** Decodes handoffs.parquet, and with the bytes of handoff-details.parquet, the details too. */
export async function decodeExtract(handoffs: FileBytes): Promise<Extract>;
export async function decodeExtract(
  handoffs: FileBytes,
  details: FileBytes,
  options?: DecodeOptions
): Promise<DetailedExtract>;
export async function decodeExtract(
  handoffs: FileBytes,
  details?: FileBytes,
  {evidenceTimes = true}: DecodeOptions = {}
): Promise<Extract | DetailedExtract> {
  const dictionaries = {} as Record<Dimension | "reason", string[]>;
  const core = new ColumnDecoder(coreLayout, dictionaries);
  // Hours before the handoff are stored as whole hours ≥ 0 and read as ≤ 0 (never −0).
  const evidence = new EvidenceColumns(evidencePrefix, (value) => -value || 0);
  const table = await readParquet(
    handoffs,
    "handoffs.parquet",
    (column, rows, metadata) => core.sink(column, rows) ?? evidence.sink(column, rows, metadata),
    (column) => evidenceTimes || !column.startsWith(evidencePrefix)
  );
  const meta = JSON.parse(table.metadata.leadstage ?? "null") as ExtractMetadata | null;
  if (!meta) throw new Error("handoffs.parquet has no Leadstage metadata: rebuild the site");
  const rows = table.rows;
  const columns = core.finish(rows) as unknown as CoreColumns & DetailColumns;
  columns.evidenceHours = evidenceTimes
    ? evidence.finish(rows, meta.evidenceTypes, "handoffs.parquet")
    : new Float32Array(0);
  columns.evidenceHoursAfter = new Float32Array(0);
  const dataEndDay = meta.dataEnd === null ? null : Math.floor(meta.dataEnd / 86_400_000);
  const header = {...meta, rows, dataEndDay, outcomes: [...handoffOutcomes], dictionaries};
  if (details === undefined) return {header, rows, columns};
  const detail = new ColumnDecoder(detailLayout, dictionaries);
  const more = await readParquet(details, "handoff-details.parquet", (column, n) => detail.sink(column, n));
  if (more.rows !== rows || more.metadata.leadstage !== table.metadata.leadstage) {
    throw new Error("handoff-details.parquet belongs to another build than handoffs.parquet: rebuild the site");
  }
  Object.assign(columns, detail.finish(rows));
  return {header, rows, columns} as DetailedExtract;
}

/** The evidence times' columns in handoffs.parquet: hours_before_<type>. */
const evidencePrefix = "hours_before_";

/** Reads handoff-ids.parquet: the pseudonym of every row, in the extract's row order. */
export async function decodePseudonyms(file: FileBytes): Promise<string[]> {
  const table = await readParquet(file, "handoff-ids.parquet");
  return Array.from(table.columns.pseudonym ?? [], String);
}

/** A column's value at a row, or null when missing. */
export function valueAt(extract: DetailedExtract, column: RowColumn, row: number): number | null {
  const value = (extract.columns as unknown as Record<string, ArrayLike<number>>)[column][row];
  if (Number.isNaN(value)) return null;
  return value === decoders[decoderOf[column]]?.[1] ? null : value;
}

/** Each column's decoder, for its missing-value marker. */
const decoderOf: Record<string, Decoder> = Object.fromEntries(
  Object.entries({...coreLayout, ...detailLayout}).map(([name, [, decoder]]) => [name, decoder])
);
