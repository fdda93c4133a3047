/**
 * The per-handoff extract: one row per handoff, stored column by column in typed arrays, so that pages can filter
 * and re-aggregate hundreds of thousands of handoffs in the browser without shipping an event log. This module
 * defines the binary layout and decodes it; loaders/extract.ts encodes it with the same column list.
 *
 * Layout: a little-endian uint32 with the header's byte length, the header as UTF-8 JSON, then each column's typed
 * array at an offset aligned to 8 bytes. Missing values are the type's largest value (NaN for float32).
 */

/** Storage types of extract columns. */
export type ColumnType = "u8" | "u16" | "u32" | "f32";

/** One column as the header describes it. */
export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** Byte offset of the column in the buffer (filled by the encoder). */
  offset?: number;
}

/** The extract's columns, in storage order, with their types; durations in hours, sales time in quarter hours. */
export const extractColumns = [
  {name: "handoffDay", type: "u16"}, // days since 1970-01-01 (UTC) of the handoff
  {name: "hoursToHandoff", type: "u16"}, // lead creation → handoff
  {name: "stage", type: "u8"}, // stage at handoff on the build's ladder
  {name: "outcome", type: "u8"}, // index into handoffOutcomes
  {name: "hoursToClose", type: "u16"}, // handoff → first ending (missing when open)
  {name: "hoursToAccept", type: "u16"},
  {name: "hoursToOpportunity", type: "u16"},
  {name: "quartersToFirstTouch", type: "u16"}, // handoff → first sales touch, in quarter hours
  {name: "salesQuarters", type: "u16"}, // sales touch time in quarter hours
  {name: "amount", type: "f32"}, // won amount
  {name: "campaign", type: "u16"}, // index into dictionaries.campaign
  {name: "source", type: "u16"},
  {name: "segment", type: "u16"},
  {name: "companySize", type: "u16"},
  {name: "region", type: "u16"},
  {name: "reason", type: "u16"}, // index into dictionaries.reason ("" when none)
  {name: "evidenceAtHandoff", type: "u16"}, // bit i: evidenceTypes[i] known at or before the handoff
  {name: "evidenceEver", type: "u16"}, // bit i: evidenceTypes[i] known at any time
  {name: "handoffSeq", type: "u8"}, // 1 for a lead's first handoff, 2 after a recycle, …
  {name: "score", type: "u8"}, // scorecard points at handoff (missing when no answer)
  {name: "scorecardAnswers", type: "u32"} // two bits per question: 0 unanswered, else 1 + the option's index
] as const satisfies readonly ColumnSpec[];

/** A column name. */
export type ExtractColumn = (typeof extractColumns)[number]["name"];

/** The dimensions a page can filter and group by. */
export const dimensions = ["campaign", "source", "segment", "companySize", "region"] as const;

/** A filterable dimension. */
export type Dimension = (typeof dimensions)[number];

/** The extract's JSON header. */
export interface ExtractHeader {
  version: 1;
  rows: number;
  /** Day number (days since 1970-01-01) of the latest instant in the data, where open handoffs are censored. */
  dataEndDay: number | null;
  outcomes: string[];
  evidenceTypes: string[];
  dictionaries: Record<Dimension | "reason", string[]>;
  columns: {name: ExtractColumn; type: ColumnType; offset: number}[];
}

/** A decoded extract: the header and one typed array per column. */
export interface Extract {
  header: ExtractHeader;
  rows: number;
  columns: {[K in ExtractColumn]: K extends "amount" ? Float32Array : Uint8Array | Uint16Array | Uint32Array};
}

/** The missing-value marker of an integer type. */
export const missing: Record<Exclude<ColumnType, "f32">, number> = {u8: 0xff, u16: 0xffff, u32: 0xffffffff};

const arrayTypes = {u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, f32: Float32Array};

/** Decodes an extract from the bytes the loader wrote. */
export function decodeExtract(buffer: ArrayBuffer): Extract {
  const view = new DataView(buffer);
  const headerLength = view.getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, headerLength))) as ExtractHeader;
  if (header.version !== 1) throw new Error(`unsupported extract version ${header.version}`);
  const columns = {} as Record<string, Uint8Array | Uint16Array | Uint32Array | Float32Array>;
  for (const column of header.columns) {
    columns[column.name] = new arrayTypes[column.type](buffer, column.offset, header.rows);
  }
  return {header, rows: header.rows, columns: columns as Extract["columns"]};
}

/** A column's value at a row, or null when missing. */
export function valueAt(extract: Extract, column: ExtractColumn, row: number): number | null {
  const value = extract.columns[column][row];
  if (column === "amount") return Number.isNaN(value) ? null : value;
  const type = extract.header.columns.find((d) => d.name === column)!.type as Exclude<ColumnType, "f32">;
  return value === missing[type] ? null : value;
}

/** Rounds up to the next multiple of 8, the alignment of every column. */
export function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}
