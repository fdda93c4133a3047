/**
 * The per-handoff extract: one row per handoff, decoded into one typed array per column, so that pages filter and
 * re-aggregate hundreds of thousands of handoffs in the browser without shipping an event log.
 *
 * It comes in two files with the same rows in the same order. `handoffs.bin` holds what every page filters by and
 * what the simulator and the lead check need (dimensions, handoff month, evidence, outcome, sales time, amount, days
 * to handoff); `handoff-details.bin` adds what the timing, campaign, conversion and scorecard pages chart (the day,
 * hours to each step, reasons, scorecard answers). Only pages that chart details fetch them. handoffs.bin also
 * has, for evidence learned after a handoff, how many weeks later it came, which the simulator's wait reads.
 *
 * Each file: a little-endian uint32 with the header's byte length, the header as UTF-8 JSON, then every stored
 * column coded with the rANS coder of rans.ts. Rows are sorted by dimension, month, evidence and outcome, and those
 * columns are stored as the difference to the row before while the columns sorted ahead of them repeat: a sorted
 * column costs next to nothing, which is what keeps a million handoffs within 3 MB. Other columns are coded given an
 * earlier one (the evidence gained later given the evidence at handoff, sales time given the outcome). Missing
 * values decode to the type's largest value (NaN for amounts).
 */
import {decodeColumn} from "./rans.js";

/** The dimensions a page can filter and group by. */
export const dimensions = ["campaign", "source", "segment", "companySize", "region"] as const;

/** A filterable dimension. */
export type Dimension = (typeof dimensions)[number];

/** Columns of handoffs.bin. Durations are whole units; sales time is in quarter hours. */
export interface CoreColumns {
  campaign: Uint16Array;
  source: Uint16Array;
  segment: Uint16Array;
  companySize: Uint16Array;
  region: Uint16Array;
  /** Months since January 1970 of the handoff (UTC). */
  handoffMonth: Uint16Array;
  /** Bit i: evidenceTypes[i] known at or before the handoff. */
  evidenceAtHandoff: Uint16Array;
  /** Bit i: evidenceTypes[i] known at any time. */
  evidenceEver: Uint16Array;
  /** Stage at handoff as the loader classified it on the build's ladder. */
  stage: Uint8Array;
  /** Index into header.outcomes. */
  outcome: Uint8Array;
  salesQuarters: Uint16Array;
  /** Won amount (NaN unless won). */
  amount: Float64Array;
  /** Whole days from lead creation to handoff. */
  daysToHandoff: Uint16Array;
  /**
   * When each piece of evidence came, relative to the handoff, at [row · evidenceTypes.length + i]: 0 when known at
   * the handoff, whole weeks after it (rounded up, at least 1) when learned later, missing when never. Weeks, not
   * days: they halve the cost of this column, and a wait for a B2B lead is counted in weeks anyway.
   */
  evidenceWeeks: Uint16Array;
}

/** Columns of handoff-details.bin. */
export interface DetailColumns {
  /** Days since 1970-01-01 (UTC) of the handoff. */
  handoffDay: Uint16Array;
  /** Lead creation → handoff. */
  hoursToHandoff: Uint16Array;
  /** Handoff → first ending (missing while open). */
  hoursToClose: Uint16Array;
  hoursToAccept: Uint16Array;
  hoursToOpportunity: Uint16Array;
  /** Handoff → first sales touch, in quarter hours. */
  quartersToFirstTouch: Uint16Array;
  /** Index into dictionaries.reason ("" when none). */
  reason: Uint16Array;
  /** 1 for a lead's first handoff, 2 after a recycle, … */
  handoffSeq: Uint8Array;
  /** Scorecard points at handoff (missing when no answer). */
  score: Uint8Array;
  /** Two bits per question: 0 unanswered, else 1 + the option's index. */
  scorecardAnswers: Uint32Array;
}

/** A column of either file. */
export type ExtractColumn = keyof CoreColumns | keyof DetailColumns;

/** A column with one value per row (all but evidenceWeeks). */
export type RowColumn = Exclude<ExtractColumn, "evidenceWeeks">;

/** Storage type of every column: its missing-value marker is the type's largest value. */
export const columnTypes: Record<RowColumn, "u8" | "u16" | "u32" | "f64"> = {
  campaign: "u16",
  source: "u16",
  segment: "u16",
  companySize: "u16",
  region: "u16",
  handoffMonth: "u16",
  evidenceAtHandoff: "u16",
  evidenceEver: "u16",
  stage: "u8",
  outcome: "u8",
  salesQuarters: "u16",
  amount: "f64",
  daysToHandoff: "u16",
  handoffDay: "u16",
  hoursToHandoff: "u16",
  hoursToClose: "u16",
  hoursToAccept: "u16",
  hoursToOpportunity: "u16",
  quartersToFirstTouch: "u16",
  reason: "u16",
  handoffSeq: "u8",
  score: "u8",
  scorecardAnswers: "u32"
};

/** The missing-value marker of an integer type. */
export const missing = {u8: 0xff, u16: 0xffff, u32: 0xffffffff} as const;

/** The header of handoffs.bin. */
export interface ExtractHeader {
  version: 2;
  part: "handoffs";
  rows: number;
  /** Day number (days since 1970-01-01) of the latest instant in the data, where open handoffs are censored. */
  dataEndDay: number | null;
  /** The earliest handoff month (months since January 1970); months are stored from it. */
  firstMonth: number;
  outcomes: string[];
  evidenceTypes: string[];
  /**
   * Every evidence bitmask known at a handoff with the loader's stage for it, as [bitmask, stage] pairs, most frequent
   * first: a bitmask is stored as its rank here, so that common ones take the fewest bits.
   */
  evidence: [number, number][];
  /** Evidence learned after the handoff (bitmasks), most frequent first, stored as ranks likewise. */
  laterEvidence: number[];
  /** Amounts are whole multiples of `unitCents` cents, or, when not, stored as float32. */
  amounts: {unitCents: number} | "float32";
  dictionaries: Record<Dimension, string[]>;
  /** FNV-1a hash of the coded columns, which the details file names to prove it belongs to this file. */
  checksum: number;
}

/** The header of handoff-details.bin. */
export interface DetailsHeader {
  version: 2;
  part: "details";
  rows: number;
  /** The checksum of the handoffs.bin these details belong to. */
  handoffsChecksum: number;
  dictionaries: {reason: string[]};
}

/** A decoded handoffs.bin. */
export interface Extract {
  header: ExtractHeader;
  rows: number;
  columns: CoreColumns;
}

/** A decoded handoffs.bin with its details. */
export interface DetailedExtract extends Extract {
  header: ExtractHeader & {dictionaries: Record<Dimension | "reason", string[]>};
  columns: CoreColumns & DetailColumns;
}

/**
 * One stored column: how a value becomes a whole number ≥ 0 to code and back, under which context (a small whole
 * number computed from columns decoded before it), and whether it belongs to the sort key.
 */
export interface StoredColumn<C> {
  name: keyof C & string;
  /** Part of the row order: stored as the difference to the row before while the key columns before it repeat. */
  key?: boolean;
  /** Only these rows have a value (others are missing and not stored). */
  present?: (columns: C, row: number) => boolean;
  context?: (columns: C, row: number) => number;
  toCode?: (value: number, columns: C, row: number) => number;
  fromCode?: (code: number, columns: C, row: number) => number;
}

/** Codes missing as 0 and a value v as v + 1. */
function missingAsZero<C>(type: "u8" | "u16" | "u32"): Pick<StoredColumn<C>, "toCode" | "fromCode"> {
  const marker = missing[type];
  return {
    toCode: (value) => (value === marker ? 0 : value + 1),
    fromCode: (code) => (code === 0 ? marker : code - 1)
  };
}

/** Day number of the first day of a month number. */
export function firstDayOfMonth(month: number): number {
  return Date.UTC(1970 + Math.floor(month / 12), month % 12, 1) / 86_400_000;
}

/** Month number (months since January 1970) of a day number. */
export function monthOfDayNumber(day: number): number {
  const date = new Date(day * 86_400_000);
  return (date.getUTCFullYear() - 1970) * 12 + date.getUTCMonth();
}

/** The stored columns of handoffs.bin, in decoding order, for a header. */
export function handoffColumns(header: ExtractHeader): StoredColumn<CoreColumns>[] {
  const amounts = header.amounts;
  const evidenceRank = new Map(header.evidence.map(([mask], rank) => [mask, rank]));
  const laterRank = new Map(header.laterEvidence.map((mask, rank) => [mask, rank]));
  const float = new Float32Array(1);
  const bits = new Uint32Array(float.buffer);
  return [
    ...dimensions.map((name) => ({name, key: true})),
    {
      name: "handoffMonth",
      key: true,
      toCode: (month) => month - header.firstMonth,
      fromCode: (code) => code + header.firstMonth
    },
    {
      name: "evidenceAtHandoff",
      key: true,
      toCode: (mask) => evidenceRank.get(mask)!,
      fromCode: (rank) => header.evidence[rank][0]
    },
    {name: "outcome", key: true, context: (c, row) => c.stage[row]},
    {
      // Evidence only ever grows: store what was learned after the handoff, given what was known at it.
      name: "evidenceEver",
      context: (c, row) => evidenceRank.get(c.evidenceAtHandoff[row])!,
      toCode: (ever, c, row) => laterRank.get(ever & ~c.evidenceAtHandoff[row])!,
      fromCode: (rank, c, row) => header.laterEvidence[rank] | c.evidenceAtHandoff[row]
    },
    {name: "salesQuarters", context: (c, row) => c.outcome[row], ...missingAsZero("u16")},
    {name: "daysToHandoff", context: (c, row) => c.stage[row], ...missingAsZero("u16")},
    {
      name: "amount",
      present: (c, row) => c.outcome[row] === wonCode(header),
      toCode: (amount) =>
        Number.isNaN(amount)
          ? 0
          : amounts === "float32"
            ? ((float[0] = amount), bits[0] + 1)
            : Math.round((amount * 100) / amounts.unitCents) + 1,
      fromCode: (code) =>
        code === 0
          ? NaN
          : amounts === "float32"
            ? ((bits[0] = code - 1), float[0])
            : ((code - 1) * amounts.unitCents) / 100
    }
  ];
}

/** The stored columns of handoff-details.bin, in decoding order; contexts may use every column of handoffs.bin. */
export function detailColumns(): StoredColumn<CoreColumns & DetailColumns>[] {
  const byOutcome = (c: CoreColumns, row: number) => c.outcome[row];
  // Date.UTC per row is the slowest step of decoding the details; months repeat, so remember them.
  const monthStarts = new Map<number, number>();
  const monthStart = (month: number) => {
    let day = monthStarts.get(month);
    if (day === undefined) monthStarts.set(month, (day = firstDayOfMonth(month)));
    return day;
  };
  return [
    {
      name: "handoffDay",
      toCode: (day, c, row) => day - monthStart(c.handoffMonth[row]),
      fromCode: (code, c, row) => code + monthStart(c.handoffMonth[row])
    },
    {
      // handoffs.bin has the whole days; the hours add the rest.
      name: "hoursToHandoff",
      toCode: (hours) => (hours === missing.u16 ? 0 : (hours % 24) + 1),
      fromCode: (code, c, row) => (code === 0 ? missing.u16 : c.daysToHandoff[row] * 24 + code - 1)
    },
    {name: "hoursToClose", context: byOutcome, ...missingAsZero("u16")},
    {name: "hoursToAccept", context: byOutcome, ...missingAsZero("u16")},
    {name: "hoursToOpportunity", context: byOutcome, ...missingAsZero("u16")},
    {name: "quartersToFirstTouch", context: byOutcome, ...missingAsZero("u16")},
    {name: "reason", context: byOutcome},
    {name: "handoffSeq", context: byOutcome},
    {name: "score", context: (c, row) => c.stage[row], ...missingAsZero("u8")},
    {name: "scorecardAnswers", context: (c, row) => (c.score[row] === missing.u8 ? 0 : 1), ...missingAsZero("u32")}
  ];
}

function wonCode(header: ExtractHeader): number {
  return header.outcomes.indexOf("won");
}

const arrayTypes = {u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, f64: Float64Array};

/** A fresh typed array for a column. */
export function columnArray(name: RowColumn, rows: number): Uint8Array | Uint16Array | Uint32Array | Float64Array {
  return new arrayTypes[columnTypes[name]](rows);
}

/** The bytes of a file: what FileAttachment.arrayBuffer() gives in a page, or what the encoder returns. */
export type FileBytes = ArrayBuffer | Uint8Array;

/** Decodes handoffs.bin, and with the bytes of handoff-details.bin, the details too. */
export function decodeExtract(handoffs: FileBytes): Extract;
export function decodeExtract(handoffs: FileBytes, details: FileBytes): DetailedExtract;
export function decodeExtract(handoffs: FileBytes, details?: FileBytes): Extract | DetailedExtract {
  const core = readPart<ExtractHeader>(handoffs, "handoffs");
  const header = core.header;
  const rows = header.rows;
  const columns = {} as CoreColumns & DetailColumns;
  const stages = new Uint8Array(1 << header.evidenceTypes.length);
  for (const [mask, stage] of header.evidence) stages[mask] = stage;
  const runs = new Uint8Array(rows);
  let offset = 0;
  for (const column of handoffColumns(header)) {
    offset = decodeStored(core.body, offset, column, columns, rows, column.key ? runs : null);
    if (column.key) markChanges(runs, columns[column.name]);
    if (column.name === "evidenceAtHandoff") {
      const stage = (columns.stage = new Uint8Array(rows));
      for (let row = 0; row < rows; ++row) stage[row] = stages[columns.evidenceAtHandoff[row]];
    }
  }
  offset = decodeEvidenceWeeks(core.body, offset, columns, header);
  if (details === undefined) return {header, rows, columns};
  const more = readPart<DetailsHeader>(details, "details");
  if (more.header.handoffsChecksum !== header.checksum || more.header.rows !== rows) {
    throw new Error("handoff-details.bin belongs to another build than handoffs.bin: rebuild the site");
  }
  offset = 0;
  for (const column of detailColumns()) offset = decodeStored(more.body, offset, column, columns, rows, null);
  return {
    header: {...header, dictionaries: {...header.dictionaries, reason: more.header.dictionaries.reason}},
    rows,
    columns
  };
}

/**
 * The evidence learned after each handoff, in storage order: row by row, evidence type by type. Its weeks are stored
 * as one column (minus one, since they are at least 1) under the evidence type as context.
 */
export function laterEvidence(columns: CoreColumns, types: number): {slots: Uint32Array; contexts: Uint16Array} {
  const slots: number[] = [];
  const contexts: number[] = [];
  for (let row = 0; row < columns.evidenceEver.length; ++row) {
    const later = columns.evidenceEver[row] & ~columns.evidenceAtHandoff[row];
    if (later === 0) continue;
    for (let i = 0; i < types; ++i) {
      if (later & (1 << i)) {
        slots.push(row * types + i);
        contexts.push(i);
      }
    }
  }
  return {slots: Uint32Array.from(slots), contexts: Uint16Array.from(contexts)};
}

function decodeEvidenceWeeks(body: Uint8Array, offset: number, columns: CoreColumns, header: ExtractHeader): number {
  const types = header.evidenceTypes.length;
  const weeks = new Uint16Array(header.rows * types).fill(missing.u16);
  for (let row = 0; row < header.rows; ++row) {
    const known = columns.evidenceAtHandoff[row];
    for (let i = 0; i < types; ++i) if (known & (1 << i)) weeks[row * types + i] = 0;
  }
  const {slots, contexts} = laterEvidence(columns, types);
  const {values, end} = decodeColumn(body, contexts, offset);
  for (let j = 0; j < slots.length; ++j) weeks[slots[j]] = values[j] + 1;
  columns.evidenceWeeks = weeks;
  return end;
}

/**
 * Marks in `runs` the rows where `values` differs from the row before (and row 0): after the key columns so far,
 * 1 where a run of equal keys starts. A key column is stored as is at those rows and as a difference elsewhere.
 */
export function markChanges(runs: Uint8Array, values: ArrayLike<number>): void {
  if (runs.length > 0) runs[0] = 1;
  for (let row = 1; row < runs.length; ++row) if (values[row] !== values[row - 1]) runs[row] = 1;
}

/** The rows of a column that has values only where `present` says (all rows without it). */
export function presentRows<C>(column: StoredColumn<C>, columns: C, rows: number): Uint32Array | null {
  if (!column.present) return null;
  const present: number[] = [];
  for (let row = 0; row < rows; ++row) if (column.present(columns, row)) present.push(row);
  return Uint32Array.from(present);
}

/** The context of every stored value: a key column's runs first (0 = difference), then the column's own. */
export function storedContexts<C>(
  column: StoredColumn<C>,
  columns: C,
  rows: ArrayLike<number> | null,
  count: number,
  runs: Uint8Array | null
): Uint16Array {
  const contexts = new Uint16Array(count);
  for (let i = 0; i < count; ++i) {
    const row = rows ? rows[i] : i;
    const context = column.context?.(columns, row) ?? 0;
    contexts[i] = runs ? (runs[row] ? 1 + context : 0) : context;
  }
  return contexts;
}

function readPart<H extends {version: number; part: string}>(
  file: FileBytes,
  part: H["part"]
): {header: H; body: Uint8Array} {
  const bytes = file instanceof Uint8Array ? file : new Uint8Array(file);
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerLength))) as H;
  if (header.version !== 2 || header.part !== part) {
    throw new Error(`expected ${part} version 2, got ${header.part ?? "a file"} version ${header.version}`);
  }
  return {header, body: bytes.subarray(4 + headerLength)};
}

function decodeStored<C>(
  body: Uint8Array,
  offset: number,
  column: StoredColumn<C>,
  columns: C,
  rows: number,
  runs: Uint8Array | null
): number {
  const name = column.name as RowColumn;
  const target = columnArray(name, rows);
  const present = presentRows(column, columns, rows);
  const count = present ? present.length : rows;
  const {values, end} = decodeColumn(body, storedContexts(column, columns, present, count, runs), offset);
  const type = columnTypes[name];
  if (present) target.fill(type === "f64" ? NaN : missing[type]);
  let previous = 0;
  for (let i = 0; i < count; ++i) {
    const row = present ? present[i] : i;
    const code = runs && !runs[row] ? previous + values[i] : values[i];
    previous = code;
    target[row] = column.fromCode ? column.fromCode(code, columns, row) : code;
  }
  (columns as Record<string, unknown>)[column.name] = target;
  return end;
}

/** A column's value at a row, or null when missing. */
export function valueAt(extract: DetailedExtract, column: RowColumn, row: number): number | null {
  const value = (extract.columns as unknown as Record<string, ArrayLike<number>>)[column][row];
  const type = columnTypes[column];
  if (type === "f64") return Number.isNaN(value) ? null : value;
  return value === missing[type] ? null : value;
}
