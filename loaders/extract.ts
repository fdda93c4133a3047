/**
 * Encodes the handoffs table as the two extract files the browser pages read (layout in src/lib/extract.ts), and
 * the pseudonymous lead IDs in the same row order for drill-down lists.
 */
import type {Database} from "./duckdb.ts";
import {storedArtifact, type StoredModel} from "./handoff-store.ts";
import {pseudonymSql} from "./pseudonym.ts";
import {namedSql} from "./sql.ts";
import {
  columnArray,
  columnTypes,
  detailColumns,
  dimensions,
  handoffColumns,
  markChanges,
  missing,
  monthOfDayNumber,
  presentRows,
  storedContexts,
  type CoreColumns,
  type DetailColumns,
  type DetailsHeader,
  laterEvidence,
  type RowColumn,
  type ExtractHeader,
  type StoredColumn
} from "../src/lib/extract.ts";
import {evidenceTypes} from "../src/lib/ladder.ts";
import {handoffOutcomes} from "../src/lib/model.ts";
import {ByteReader, concatBytes, encodeColumn, maxCodedValue} from "../src/lib/rans.ts";
import {evidenceOffsetColumn} from "./ladder-sql.ts";

/** Both files' bytes, and the row order: row i of the files is row order[i] of the handoffs by lead and sequence. */
export interface EncodedExtract {
  handoffs: Uint8Array;
  details: Uint8Array;
  order: Uint32Array;
}

type AllColumns = CoreColumns & DetailColumns;

/** Columns taken from handoff-extract.sql as they are (after the missing-value conversion). */
const sqlColumns: Partial<Record<RowColumn, string>> = {
  handoffDay: "handoff_day",
  hoursToHandoff: "hours_to_handoff",
  stage: "stage",
  hoursToClose: "hours_to_close",
  hoursToAccept: "hours_to_accept",
  hoursToOpportunity: "hours_to_opportunity",
  quartersToFirstTouch: "quarters_to_first_touch",
  salesQuarters: "sales_quarters",
  evidenceAtHandoff: "evidence_at_handoff",
  evidenceEver: "evidence_ever",
  handoffSeq: "handoff_seq",
  score: "score",
  scorecardAnswers: "scorecard_answers"
};

/** Encodes both extract files from the handoffs table in `db` (built by buildHandoffModel). */
export async function encodeExtractFiles(db: Database, dataEnd: string | null): Promise<EncodedExtract> {
  const bit = (condition: (column: string) => string) =>
    evidenceTypes
      .map((type, i) => `(CASE WHEN ${condition(evidenceOffsetColumn(type))} THEN ${1 << i} ELSE 0 END)`)
      .join(" + ");
  const data = await db.columns(
    namedSql("handoff-extract", {
      evidence_at_handoff: bit((c) => `${c} <= 0`),
      evidence_ever: bit((c) => `${c} IS NOT NULL`),
      evidence_weeks: evidenceTypes
        .map((type, i) => {
          const offset = evidenceOffsetColumn(type);
          return `CASE WHEN ${offset} > 0 THEN CAST(ceil(${offset} / 604800e6) AS DOUBLE) END AS evidence_weeks_${i}`;
        })
        .join(",\n  ")
    })
  );
  const rows = (data.handoff_day as unknown[]).length;
  const base = {} as Record<RowColumn, Uint8Array | Uint16Array | Uint32Array | Float64Array>;
  for (const [name, sql] of Object.entries(sqlColumns) as [RowColumn, string][]) {
    base[name] = toColumn(name, data[sql] as (number | null)[]);
  }
  const dictionaries = {} as Record<(typeof dimensions)[number] | "reason", string[]>;
  const coded = [
    ...dimensions.map((d) => [d, d === "companySize" ? "company_size" : d] as const),
    ["reason", "reason"]
  ];
  for (const [name, sql] of coded as [(typeof dimensions)[number] | "reason", string][]) {
    const values = data[sql] as string[];
    const dictionary = [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (dictionary.length >= missing.u16) throw new RangeError(`extract: over 65,534 different ${name} values`);
    const index = new Map(dictionary.map((d, i) => [d, i]));
    dictionaries[name] = dictionary;
    base[name] = Uint16Array.from(values, (d) => index.get(d)!);
  }
  const outcomeIndex = new Map(handoffOutcomes.map((d, i) => [d as string, i]));
  base.outcome = Uint8Array.from(data.outcome as string[], (d) => outcomeIndex.get(d)!);
  base.handoffMonth = Uint16Array.from(base.handoffDay, monthOfDayNumber);
  base.daysToHandoff = base.hoursToHandoff.map((h) => (h === missing.u16 ? h : Math.floor(h / 24)));
  base.amount = Float64Array.from(data.amount as (number | null)[], (d) => d ?? NaN);

  const header: ExtractHeader = {
    version: 2,
    part: "handoffs",
    rows,
    dataEndDay: dataEnd === null ? null : Math.floor(Date.parse(dataEnd) / 86_400_000),
    firstMonth: rows ? Math.min(...new Set(base.handoffMonth)) : 0,
    outcomes: [...handoffOutcomes],
    evidenceTypes: [...evidenceTypes],
    evidence: evidenceByFrequency(base as unknown as AllColumns),
    laterEvidence: byFrequency(Array.from(base.evidenceEver, (ever, row) => ever & ~base.evidenceAtHandoff[row])),
    amounts: amountUnit(base as unknown as AllColumns),
    dictionaries: Object.fromEntries(dimensions.map((d) => [d, dictionaries[d]])) as ExtractHeader["dictionaries"],
    checksum: 0
  };
  const stored = handoffColumns(header);
  const order = sortedOrder(stored, base as unknown as AllColumns, rows);
  const columns = {} as Record<string, unknown>;
  for (const [name, values] of Object.entries(base)) {
    const sorted = columnArray(name as RowColumn, rows);
    for (let i = 0; i < rows; ++i) sorted[i] = values[order[i]];
    columns[name] = sorted;
  }
  const all = columns as unknown as AllColumns;
  const laterWeeks = evidenceTypes.map((_, i) => data[`evidence_weeks_${i}`] as (number | null)[]);
  const coreBody = concatBytes([
    encodeStoredColumns(stored, all, rows),
    encodeEvidenceWeeks(all, (row, i) => laterWeeks[i][order[row]])
  ]);
  header.checksum = fnv1a(coreBody);
  const detailsHeader: DetailsHeader = {
    version: 2,
    part: "details",
    rows,
    handoffsChecksum: header.checksum,
    dictionaries: {reason: dictionaries.reason}
  };
  return {
    handoffs: withHeader(header, coreBody),
    details: withHeader(detailsHeader, encodeStoredColumns(detailColumns(), all, rows)),
    order
  };
}

/**
 * Both files for a stored model: encoded once per model and kept next to it, since three loaders (handoffs.bin,
 * handoff-details.bin and the pseudonyms in the same order) need them in every build.
 */
export async function storedExtractFiles(db: Database, model: StoredModel): Promise<EncodedExtract> {
  let encoded: Promise<EncodedExtract> | undefined;
  const encode = () => (encoded ??= encodeExtractFiles(db, model.dataEnd));
  const handoffs = await storedArtifact(model, "extract-handoffs.bin", async () => (await encode()).handoffs);
  const details = await storedArtifact(model, "extract-details.bin", async () => (await encode()).details);
  const orderBytes = await storedArtifact(model, "extract-order.bin", async () => {
    const {order} = await encode();
    return new Uint8Array(order.buffer, order.byteOffset, order.byteLength);
  });
  const order = new Uint32Array(orderBytes.slice().buffer);
  return {handoffs, details, order};
}

/** Pseudonymous lead IDs in the extract's row order (`order` from the encoded files), for drill-down lists. */
export async function extractPseudonyms(db: Database, order: Uint32Array): Promise<string[]> {
  const {pseudonym} = await db.columns(
    `SELECT ${pseudonymSql("lead_id")} AS pseudonym FROM handoffs ORDER BY lead_id, handoff_seq`
  );
  if (order.length !== pseudonym.length) throw new Error("extract: row order does not match the handoffs");
  return Array.from(order, (row) => (pseudonym as string[])[row]);
}

/**
 * A value as its column stores it. A negative duration (a contradiction kept in the data) or one beyond the type's
 * range (over seven years in hours) is stored as missing rather than wrapped around into a wrong value.
 */
function toColumn(name: RowColumn, values: (number | null)[]): Uint8Array | Uint16Array | Uint32Array {
  const type = columnTypes[name] as "u8" | "u16" | "u32";
  const marker = missing[type];
  const column = columnArray(name, values.length) as Uint8Array | Uint16Array | Uint32Array;
  values.forEach((d, i) => (column[i] = d === null || d < 0 || d >= marker ? marker : d));
  return column;
}

/**
 * Row order by the stored codes of the key columns, then by lead and handoff sequence (the query's order), so that it
 * is deterministic.
 */
function sortedOrder(stored: StoredColumn<AllColumns>[], columns: AllColumns, rows: number): Uint32Array {
  const keys = stored
    .filter((column) => column.key)
    .map((column) => {
      const values = columns[column.name] as ArrayLike<number>;
      return Float64Array.from({length: rows}, (_, row) =>
        column.toCode ? column.toCode(values[row], columns, row) : values[row]
      );
    });
  return Uint32Array.from({length: rows}, (_, i) => i).sort((a, b) => {
    for (const key of keys) if (key[a] !== key[b]) return key[a] - key[b];
    return a - b;
  });
}

/** Distinct values, most frequent first (ties by value, so that the order is deterministic). */
function byFrequency(values: ArrayLike<number>): number[] {
  const counts = new Map<number, number>();
  for (let i = 0; i < values.length; ++i) counts.set(values[i], (counts.get(values[i]) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([value]) => value);
}

/**
 * The evidence bitmasks with the loader's stage, most frequent first; one bitmask with two stages would mean the
 * SQL classifier reads more than the evidence.
 */
function evidenceByFrequency(columns: AllColumns): [number, number][] {
  const stages = new Map<number, number>();
  columns.evidenceAtHandoff.forEach((mask, row) => {
    const stage = columns.stage[row];
    if ((stages.get(mask) ?? stage) !== stage) {
      throw new Error(`extract: evidence ${mask} classified as both ${stages.get(mask)} and ${stage}`);
    }
    stages.set(mask, stage);
  });
  return byFrequency(columns.evidenceAtHandoff).map((mask) => [mask, stages.get(mask)!]);
}

/** Whole cents have a common unit (often 100 dollars in CRM data); anything else is stored as float32. */
function amountUnit(columns: AllColumns): ExtractHeader["amounts"] {
  const won = handoffOutcomes.indexOf("won");
  let unit = 0;
  let largest = 0;
  for (let row = 0; row < columns.amount.length; ++row) {
    const amount = columns.amount[row];
    if (Number.isNaN(amount)) continue;
    if (columns.outcome[row] !== won) throw new Error(`extract: an amount on a handoff that was not won (${amount})`);
    const cents = Math.round(amount * 100);
    if (cents < 0 || Math.abs(cents - amount * 100) > 1e-6 * Math.max(1, Math.abs(amount)) || cents / 100 !== amount) {
      return "float32";
    }
    unit = gcd(unit, cents);
    largest = Math.max(largest, cents);
  }
  const unitCents = unit || 1;
  return largest / unitCents + 1 <= maxCodedValue ? {unitCents} : "float32";
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Codes the stored columns one after another (see decodeStored in src/lib/extract.ts, which this mirrors). */
function encodeStoredColumns<C>(stored: StoredColumn<C>[], columns: C, rows: number): Uint8Array {
  const runs = new Uint8Array(rows);
  const parts: Uint8Array[] = [];
  for (const column of stored) {
    const values = (columns as Record<string, ArrayLike<number>>)[column.name];
    const present = presentRows(column, columns, rows);
    const count = present ? present.length : rows;
    const keyRuns = column.key ? runs : null;
    const codes = new Float64Array(count);
    let previous = 0;
    for (let i = 0; i < count; ++i) {
      const row = present ? present[i] : i;
      const code = column.toCode ? column.toCode(values[row], columns, row) : values[row];
      codes[i] = keyRuns && !keyRuns[row] ? code - previous : code;
      if (codes[i] < 0) throw new Error(`extract: ${column.name} is not sorted at row ${row}`);
      previous = code;
    }
    parts.push(encodeColumn(codes, storedContexts(column, columns, present, count, keyRuns)));
    if (column.key) markChanges(runs, values);
  }
  return concatBytes(parts);
}

/**
 * The weeks after the handoff each piece of evidence learned later came (see laterEvidence in src/lib/extract.ts).
 * Capped at 65,534 weeks, which no real lead history reaches.
 */
function encodeEvidenceWeeks(columns: AllColumns, weeksOf: (row: number, type: number) => number | null): Uint8Array {
  const types = evidenceTypes.length;
  const {slots, contexts} = laterEvidence(columns, types);
  const values = Float64Array.from(slots, (slot) => {
    const weeks = weeksOf(Math.floor(slot / types), slot % types);
    if (weeks === null || weeks < 1) throw new Error(`extract: evidence learned later without a later date`);
    return Math.min(weeks, missing.u16 - 1) - 1;
  });
  return encodeColumn(values, contexts);
}

function withHeader(header: object, body: Uint8Array): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(4 + json.length + body.length);
  new DataView(out.buffer).setUint32(0, json.length, true);
  out.set(json, 4);
  out.set(body, 4 + json.length);
  return out;
}

/** FNV-1a, 32 bits: enough to tell two builds' files apart. */
export function fnv1a(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; ++i) hash = Math.imul(hash ^ bytes[i], 0x01000193);
  return hash >>> 0;
}

/** Bytes each stored column takes in an extract file (frequency tables, rANS stream and extra bits together). */
export function columnSizes(bytes: Uint8Array): {column: string; bytes: number}[] {
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerLength))) as
    ExtractHeader | DetailsHeader;
  const stored = header.part === "handoffs" ? handoffColumns(header) : detailColumns();
  const reader = new ByteReader(bytes, 4 + headerLength);
  const sizes = [{column: "(header)", bytes: 4 + headerLength}];
  const names = stored.map((d) => d.name as string).concat(header.part === "handoffs" ? ["evidenceWeeks"] : []);
  for (const column of names) {
    const start = reader.offset;
    for (let contexts = reader.varint(); contexts > 0; --contexts) {
      for (let entries = 2 * reader.varint(); entries > 0; --entries) reader.varint();
    }
    reader.block();
    reader.block();
    sizes.push({column, bytes: reader.offset - start});
  }
  return sizes;
}
