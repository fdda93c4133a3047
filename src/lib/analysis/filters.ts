/**
 * The filters at the top of every page (period, campaign, source, segment, company size, region) and their place in
 * the URL, so that a filtered view can be shared as a link. Pure functions: the filter bar component wires them to
 * inputs and the address bar.
 */
import {extractDimensions, type Dimension, type OwnDimension} from "../core/dimensions.js";
import type {Extract} from "../core/extract.js";
import {groupRows} from "../core/measures.js";
import {localized, t} from "../i18n/i18n.js";

/** A filter state: a handoff-month range and at most one value per dimension (absent = all). */
export interface Filters {
  /** First handoff month included, "YYYY-MM". */
  from?: string;
  /** Last handoff month included, "YYYY-MM". */
  to?: string;
  campaign?: string;
  source?: string;
  segment?: string;
  companySize?: string;
  region?: string;
  /** The data's own dimensions, by column (dim_<name>), also their URL parameter. */
  [own: OwnDimension]: string | undefined;
}

/** A dimension's name on the page: the built-in ones from the dictionary, the data's own by its declared label. */
export function dimensionName(extract: Extract, dimension: Dimension): string {
  const own = extract.header.dimensions?.find((d) => d.column === dimension);
  return own ? localized(own.label) : t(`dimension.${dimension as "campaign"}`);
}

/** URL parameter names, short and readable. */
const parameters: Record<string, string> = {
  from: "from",
  to: "to",
  campaign: "campaign",
  source: "source",
  segment: "segment",
  companySize: "size",
  region: "region"
};

/**
 * `rows` grouped by their handoff month, in month order, keyed "YYYY-MM". By the month number the extract holds, named
 * once per month: a date formatted per row took 630-770 ms of a million-lead page (docs/page-speed.md).
 */
export function rowsByMonth(extract: Extract, rows: ArrayLike<number>): Map<string, number[]> {
  const byNumber = groupRows(rows, (row) => extract.columns.handoffMonth[row]);
  const months = [...byNumber.keys()].sort((a, b) => a - b);
  return new Map(months.map((month) => [monthName(month), byNumber.get(month)!]));
}

/** "YYYY-MM" of a month number (months since January 1970). */
export function monthName(month: number): string {
  return `${1970 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;
}

/** The handoff months present in the extract, in order. */
/** The period a filter covers, as months: "2024-01 – 2025-12" (the data's first and last month where it is open). */
export function periodLabel(filters: Filters, extract: Extract): string {
  const months = handoffMonths(extract);
  return monthSpan(filters.from ?? months[0] ?? "–", filters.to ?? months[months.length - 1] ?? "–");
}

/** Months from `from` to `to` as a reader says them: "2025-01 – 2025-03", one month alone as "2025-01". */
export function monthSpan(from: string, to: string): string {
  return from === to ? from : `${from} – ${to}`;
}

/** Every month from the first handoff to the last, as "YYYY-MM". */
export function handoffMonths(extract: Extract): string[] {
  const months = extract.columns.handoffMonth;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < extract.rows; ++i) {
    if (months[i] < min) min = months[i];
    if (months[i] > max) max = months[i];
  }
  const names: string[] = [];
  for (let month = min; month <= max; ++month) names.push(monthName(month));
  return names;
}

/** Reads filters from a URL query string; values not in the extract are ignored rather than matching nothing. */
export function parseFilters(search: string, extract: Extract): Filters {
  const params = new URLSearchParams(search);
  const filters: Filters = {};
  const months = new Set(handoffMonths(extract));
  for (const key of ["from", "to"] as const) {
    const value = params.get(parameters[key]);
    if (value && months.has(value)) filters[key] = value;
  }
  for (const dimension of extractDimensions(extract)) {
    const value = params.get(parameters[dimension] ?? dimension);
    if (value !== null && extract.header.dictionaries[dimension].includes(value)) filters[dimension] = value;
  }
  return filters;
}

/** Writes filters (and any extra page settings) into a query string, leaving out what is at its default. */
export function serializeFilters(filters: Filters, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  const keys = [...Object.keys(parameters), ...Object.keys(filters).filter((d) => d.startsWith("dim_"))];
  for (const key of keys as (keyof Filters)[]) {
    const value = filters[key];
    if (value !== undefined && value !== "") params.set(parameters[key] ?? key, value);
  }
  for (const [key, value] of Object.entries(extra))
    if (value !== undefined && value !== "") params.set(key, String(value));
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

/** The rows (handoff indices) that pass the filters, in extract order. */
export function selectRows(extract: Extract, filters: Filters): Uint32Array {
  const {columns} = extract;
  const codes = extractDimensions(extract)
    .filter((d) => filters[d] !== undefined)
    .map((d) => [columns[d], extract.header.dictionaries[d].indexOf(filters[d]!)] as const);
  const from = filters.from ? monthNumber(filters.from) : -Infinity;
  const to = filters.to ? monthNumber(filters.to) : Infinity;
  const out = new Uint32Array(extract.rows);
  let n = 0;
  const months = columns.handoffMonth;
  outer: for (let i = 0; i < extract.rows; ++i) {
    if (months[i] < from || months[i] > to) continue;
    for (const [column, code] of codes) if (column[i] !== code) continue outer;
    out[n++] = i;
  }
  return out.slice(0, n);
}

/** The month number of "YYYY-MM". */
export function monthNumber(month: string): number {
  const [year, m] = month.split("-").map(Number);
  return (year - 1970) * 12 + m - 1;
}

/** Whether any filter is set. */
export function isFiltered(filters: Filters): boolean {
  return Object.values(filters).some((d) => d !== undefined && d !== "");
}

/**
 * Whether a URL query string names any filter (before the extract is there to check its values): a page that draws
 * a figure of every handoff before the per-handoff file is decoded draws it only when nothing may be filtered out.
 */
export function asksForFilters(search: string): boolean {
  const names = new Set(Object.values(parameters));
  return [...new URLSearchParams(search).keys()].some((key) => names.has(key) || key.startsWith("dim_"));
}
