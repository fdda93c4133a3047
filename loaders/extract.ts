/**
 * Encodes the handoffs table as the per-handoff extract the browser pages filter (layout in src/lib/extract.ts), and
 * the list of pseudonymous lead IDs in the same row order for drill-down lists.
 */
import type {Database, PlainValue} from "./duckdb.ts";
import {pseudonymSql} from "./pseudonym.ts";
import {namedSql} from "./sql.ts";
import {
  align8,
  dimensions,
  extractColumns,
  missing,
  type ColumnType,
  type Dimension,
  type ExtractColumn,
  type ExtractHeader
} from "../src/lib/extract.ts";
import {evidenceTypes} from "../src/lib/ladder.ts";
import {handoffOutcomes} from "../src/lib/model.ts";
import {evidenceOffsetColumn} from "./ladder-sql.ts";

/** SQL columns of handoff-extract.sql, by extract column. */
const sqlColumns: Record<string, string> = {
  handoffDay: "handoff_day",
  hoursToHandoff: "hours_to_handoff",
  stage: "stage",
  outcome: "outcome",
  hoursToClose: "hours_to_close",
  hoursToAccept: "hours_to_accept",
  hoursToOpportunity: "hours_to_opportunity",
  quartersToFirstTouch: "quarters_to_first_touch",
  salesQuarters: "sales_quarters",
  amount: "amount",
  campaign: "campaign",
  source: "source",
  segment: "segment",
  companySize: "company_size",
  region: "region",
  reason: "reason",
  evidenceAtHandoff: "evidence_at_handoff",
  evidenceEver: "evidence_ever",
  handoffSeq: "handoff_seq",
  score: "score",
  scorecardAnswers: "scorecard_answers"
};

/** The extract's bytes for the handoffs table in `db` (built by buildHandoffModel). */
export async function encodeExtract(db: Database, dataEnd: string | null): Promise<Uint8Array> {
  const bit = (condition: (column: string) => string) =>
    evidenceTypes
      .map((type, i) => `(CASE WHEN ${condition(evidenceOffsetColumn(type))} THEN ${1 << i} ELSE 0 END)`)
      .join(" + ");
  const data = await db.columns(
    namedSql("handoff-extract", {
      evidence_at_handoff: bit((c) => `${c} <= 0`),
      evidence_ever: bit((c) => `${c} IS NOT NULL`)
    })
  );
  const rows = data.handoff_day.length;
  const dictionaries = {} as Record<Dimension | "reason", string[]>;
  const codes: Record<string, number[]> = {};
  for (const name of [...dimensions, "reason"] as const) {
    const values = data[sqlColumns[name]] as string[];
    const dictionary = [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const index = new Map(dictionary.map((d, i) => [d, i]));
    dictionaries[name] = dictionary;
    codes[name] = values.map((d) => index.get(d)!);
  }
  const outcomeIndex = new Map(handoffOutcomes.map((d, i) => [d as string, i]));
  codes.outcome = (data.outcome as string[]).map((d) => outcomeIndex.get(d)!);

  const columns = extractColumns.map((d) => ({name: d.name as ExtractColumn, type: d.type as ColumnType, offset: 0}));
  const header: ExtractHeader = {
    version: 1,
    rows,
    dataEndDay: dataEnd === null ? null : Math.floor(Date.parse(dataEnd) / 86_400_000),
    outcomes: [...handoffOutcomes],
    evidenceTypes: [...evidenceTypes],
    dictionaries,
    columns
  };
  // Offsets depend on the header's length, which depends on the offsets' digits: settle them in two passes.
  let headerBytes = new Uint8Array();
  for (let pass = 0; pass < 3; ++pass) {
    let offset = align8(4 + headerBytes.length);
    for (const column of columns) {
      column.offset = offset;
      offset = align8(offset + rows * bytesOf(column.type));
    }
    headerBytes = new TextEncoder().encode(JSON.stringify(header));
  }
  const last = columns[columns.length - 1];
  const buffer = new ArrayBuffer(align8(last.offset + rows * bytesOf(last.type)));
  new DataView(buffer).setUint32(0, headerBytes.length, true);
  new Uint8Array(buffer, 4, headerBytes.length).set(headerBytes);
  if (align8(4 + headerBytes.length) > columns[0].offset) throw new Error("extract header outgrew its space");
  for (const column of columns) {
    const values = codes[column.name] ?? (data[sqlColumns[column.name]] as PlainValue[]);
    writeColumn(buffer, column.offset, column.type, values as (number | null)[], column.name);
  }
  return new Uint8Array(buffer);
}

function bytesOf(type: ColumnType): number {
  return type === "u8" ? 1 : type === "u16" ? 2 : 4;
}

function writeColumn(
  buffer: ArrayBuffer,
  offset: number,
  type: ColumnType,
  values: (number | null)[],
  name: string
): void {
  if (type === "f32") {
    const array = new Float32Array(buffer, offset, values.length);
    values.forEach((d, i) => (array[i] = d === null ? NaN : d));
    return;
  }
  const array = new {u8: Uint8Array, u16: Uint16Array, u32: Uint32Array}[type](buffer, offset, values.length);
  const marker = missing[type];
  const coded = (dimensions as readonly string[]).includes(name) || name === "reason";
  values.forEach((d, i) => {
    if (coded && d !== null && d >= marker)
      throw new RangeError(`extract column ${name}: ${d} values do not fit ${type}`);
    // A negative duration (a contradiction kept in the data) or one beyond the type's range (over seven years in
    // hours) is stored as missing rather than wrapped around into a wrong value.
    array[i] = d === null || d < 0 || d >= marker ? marker : d;
  });
}

/** Pseudonymous lead IDs in the extract's row order, for drill-down lists. */
export async function extractPseudonyms(db: Database): Promise<string[]> {
  const {pseudonym} = await db.columns(
    `SELECT ${pseudonymSql("lead_id")} AS pseudonym FROM handoffs ORDER BY lead_id, handoff_seq`
  );
  return pseudonym as string[];
}
