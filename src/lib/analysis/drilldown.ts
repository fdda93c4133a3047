/**
 * The handoffs behind a number, as records for a table and a CSV download. Lead IDs are pseudonyms: the site never
 * holds a raw ID.
 */
import {csvFormat} from "d3-dsv";
import type {DetailedExtract} from "../core/extract.js";

/** One handoff as the drill-down lists it. */
export interface HandoffRecord {
  lead: string;
  handoffDate: string;
  level: number;
  outcome: string;
  campaign: string;
  source: string;
  segment: string;
  companySize: string;
  region: string;
  daysToHandoff: number | null;
  daysToClose: number | null;
  salesHours: number;
  amount: number | null;
  reason: string;
}

/** The records of `rows`, with pseudonyms from `ids` (aligned with the extract's rows) when loaded. */
export function handoffRecords(
  extract: DetailedExtract,
  rows: ArrayLike<number>,
  ids: string[] | null
): HandoffRecord[] {
  const {columns, header} = extract;
  // One decimal for the list, floored like every bin: 23 h 59 min is 0.9 days, not 1.0.
  const days = (value: number) => (Number.isNaN(value) ? null : Math.floor((value / 24) * 10) / 10);
  return Array.from(rows, (row) => ({
    lead: ids?.[row] ?? "",
    handoffDate: new Date(columns.handoffDay[row] * 86_400_000).toISOString().slice(0, 10),
    level: columns.stage[row],
    outcome: header.outcomes[columns.outcome[row]],
    campaign: header.dictionaries.campaign[columns.campaign[row]],
    source: header.dictionaries.source[columns.source[row]],
    segment: header.dictionaries.segment[columns.segment[row]],
    companySize: header.dictionaries.companySize[columns.companySize[row]],
    region: header.dictionaries.region[columns.region[row]],
    daysToHandoff: days(columns.hoursToHandoff[row]),
    daysToClose: days(columns.hoursToClose[row]),
    salesHours: columns.salesHours[row],
    amount: Number.isNaN(columns.amount[row]) ? null : columns.amount[row],
    reason: header.dictionaries.reason[columns.reason[row]]
  }));
}

/**
 * CSV text of the records (RFC 4180 quoting). Cells that a spreadsheet would run as a formula get a leading
 * apostrophe, since campaign names and reasons come from users' exports.
 */
export function recordsToCsv(records: HandoffRecord[]): string {
  const fields: (keyof HandoffRecord)[] = [
    "lead",
    "handoffDate",
    "level",
    "outcome",
    "campaign",
    "source",
    "segment",
    "companySize",
    "region",
    "daysToHandoff",
    "daysToClose",
    "salesHours",
    "amount",
    "reason"
  ];
  // Spreadsheets run a cell that starts with = + - @ (fullwidth ＝ ＋ － ＠ too, in East Asian locales) as a formula:
  // such text gets a leading '. d3-dsv does the quoting.
  const guard = (value: unknown) =>
    typeof value === "string" && /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(value) ? `'${value}` : value;
  const rows = records.map((r) => Object.fromEntries(fields.map((f) => [f, guard(r[f])])));
  return `${csvFormat(rows, fields)}\n`;
}
