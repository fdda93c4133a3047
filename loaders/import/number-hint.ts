/**
 * A hint under amounts or hours rejected as "not a number" that the profile's `decimalSeparator` (and `currency`)
 * would read: without one, DuckDB reads "1000.50" but no grouped or comma number, so a German export's "24.000,50" or
 * a US spreadsheet's "$1,234.56" is rejected row by row, and nothing said which setting reads them. The examples are
 * tried with the importer's own reading (number-format.ts, in DuckDB), so the hint never promises what it would not
 * read; where both separators read them as different numbers ("1,234"), the hint says the profile must choose.
 */
import {sqlString, type Database} from "../pipeline/duckdb.js";
import type {RejectReason} from "../../src/lib/core/dataset.js";
import {numberSql, type DecimalSeparator} from "./number-format.js";

/** The reasons a separator may answer. */
const numberReasons = ["amount is not a number", "hours are not a number"];

/** Currencies tried beyond the profile's own, for a sign the profile does not expect ("$" in a profile in EUR). */
const commonCurrencies = ["EUR", "USD", "GBP", "CHF"];

/** How one setting reads every example. */
interface Reading {
  separator: DecimalSeparator;
  currency: string;
  numbers: number[];
}

/** The numbers `values` read as with `separator` and `currency`, or null when any one stays no number. */
async function readAll(
  db: Database,
  values: string[],
  separator: DecimalSeparator,
  currency: string
): Promise<number[] | null> {
  const cells = values.map((value) => numberSql(sqlString(value), separator, currency));
  const {numbers} = await db.one<{numbers: (number | null)[]}>(`SELECT [${cells.join(", ")}]::DOUBLE[] AS numbers`);
  return numbers.every((d) => d !== null && Number.isFinite(d)) ? (numbers as number[]) : null;
}

/** The first currency (the profile's, then common ones) with which `separator` reads every example. */
async function reading(
  db: Database,
  values: string[],
  separator: DecimalSeparator,
  currency: string
): Promise<Reading | null> {
  for (const candidate of [...new Set([currency, ...commonCurrencies])]) {
    const numbers = await readAll(db, values, separator, candidate);
    if (numbers) return {separator, currency: candidate, numbers};
  }
  return null;
}

/** The profile setting of a reading, as JSON to paste: `"decimalSeparator": ","` and the currency when another. */
function setting(d: Reading, currency: string): string {
  return (
    `"decimalSeparator": ${JSON.stringify(d.separator)}` +
    (d.currency === currency ? "" : `, "currency": "${d.currency}"`)
  );
}

/**
 * The hint for one reject reason, or null: none for other reasons, for a profile that sets a decimal separator (its
 * reading is strict on purpose), or when neither separator reads every example.
 */
export async function numberHint(
  db: Database,
  reason: RejectReason,
  profile: {decimalSeparator?: DecimalSeparator; currency?: string}
): Promise<string | null> {
  if (profile.decimalSeparator !== undefined || !numberReasons.includes(reason.reason)) return null;
  const values = reason.examples.map((d) => d.value).filter((d): d is string => d !== null && d.trim() !== "");
  if (values.length === 0) return null;
  const currency = profile.currency ?? "EUR";
  const readings: Reading[] = [];
  for (const separator of [",", "."] as const) {
    const found = await reading(db, values, separator, currency);
    if (found) readings.push(found);
  }
  const example = JSON.stringify(values[0]);
  const [first, second] = readings;
  if (!first) return null;
  if (!second || second.numbers.every((d, i) => d === first.numbers[i])) {
    return `these values read as numbers with ${setting(first, currency)} in the profile (${example} is ${first.numbers[0]})`;
  }
  return (
    `${example} is ${first.numbers[0]} with ${setting(first, currency)} in the profile and ${second.numbers[0]} ` +
    `with ${setting(second, currency)}: the profile must say which the export uses`
  );
}
