/**
 * Numbers as an export writes them: a won amount, a sales touch's hours, a duration in days. A profile that says
 * nothing gets DuckDB's reading ("1000.50", "1e3", " 250 "), which guesses at no grouping: "1,000" is no number, for
 * it is a thousand in one country and one in another. A profile's `decimalSeparator` says which: with "," a German
 * or French spreadsheet's "24.000,50", "1 234,5" and "1,5" read (every such amount was rejected before, and no
 * profile could say otherwise); with "." a US one's "1,234.56". Either way strictly: digits, groups of three after
 * the other separator (or a space, a no-break space, a Swiss apostrophe), then the decimals, and the profile's
 * currency sign or code before or after ("€ 1.234,56", "$1,234.56", "1.234,56 EUR"). Anything else stays "not a
 * number", a reject naming the column: "1.5" where "," is the decimal separator may be one and a half or fifteen, and
 * is never guessed.
 */
import {sqlString} from "../pipeline/duckdb.js";

/** How an export writes the decimal point. */
export type DecimalSeparator = "." | ",";

/** What may group thousands, by decimal separator (RE2): the other mark, (no-break) spaces; with "." an apostrophe. */
const groupMarks: Record<DecimalSeparator, string[]> = {
  ",": ["\\.", " ", "\\x{00A0}", "\\x{202F}"],
  ".": [",", " ", "\\x{00A0}", "\\x{202F}", "'"]
};

/** One number, matched whole: a sign, groups of three after the first digits (all one kind) or none, decimals. */
function numberPattern(separator: DecimalSeparator): string {
  const groups = groupMarks[separator].map((mark) => `\\d{1,3}(${mark}\\d{3})+`);
  return `-?(${[...groups, "\\d+"].join("|")})(${separator === "." ? "\\." : ","}\\d+)?`;
}

/** The ways `currency` (ISO 4217) is written beside an amount: its code and its signs in English and German. */
export function currencySigns(currency: string): string[] {
  const signs = ["en-US", "de-DE", "en-GB"].map(
    (locale) =>
      new Intl.NumberFormat(locale, {style: "currency", currency}).formatToParts(1).find((d) => d.type === "currency")!
        .value
  );
  return [...new Set([currency, ...signs])];
}

/**
 * SQL reading the text `value` as a DOUBLE; NULL when it is no number. Without a separator, DuckDB's own reading;
 * with one, the strict reading above, and where a `currency` (ISO 4217) is given, its sign or code allowed before or
 * after the number.
 */
export function numberSql(value: string, separator?: DecimalSeparator, currency?: string): string {
  if (separator === undefined) return `try_cast(${value} AS DOUBLE)`;
  let text = `trim(${value})`;
  if (currency !== undefined) {
    const signs = currencySigns(currency)
      .map((d) => d.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("|");
    text = `regexp_replace(${text}, ${sqlString(`^(${signs})\\s*|\\s*(${signs})$`)}, '', 'g')`;
  }
  const ungrouped = `regexp_replace(${text}, ${sqlString(`[${groupMarks[separator].join("")}]`)}, '', 'g')`;
  const plain = separator === "," ? `replace(${ungrouped}, ',', '.')` : ungrouped;
  const pattern = sqlString(numberPattern(separator));
  return `CASE WHEN regexp_full_match(${text}, ${pattern}) THEN try_cast(${plain} AS DOUBLE) END`;
}
