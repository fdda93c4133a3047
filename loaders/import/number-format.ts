/**
 * Numbers as an export writes them: a won amount, a sales touch's hours, a duration in days. By default DuckDB reads
 * them ("1000.50", "1e3", " 250 "). A German or French spreadsheet writes "24.000,50" or "1 234,5" and "1,5" hours:
 * read with the default, every such amount was rejected as not a number, and no profile could say otherwise. A
 * profile's `decimalSeparator: ","` reads them strictly: digits, groups of three after a point, a space or a
 * no-break space, then a comma and the decimals. Anything else stays "not a number" (a reject naming the column):
 * "1.5" in such an export may be one and a half or fifteen, so it is never guessed.
 */

/** How an export writes the decimal point; "." when the profile says nothing. */
export type DecimalSeparator = "." | ",";

/** One number with a decimal comma: "-1.234.567,89", "1 234,5", "1234", "0,5" (RE2 syntax, matched whole). */
const decimalComma =
  "-?(\\d{1,3}(\\.\\d{3})+|\\d{1,3}( \\d{3})+|\\d{1,3}(\\x{00A0}\\d{3})+|\\d{1,3}(\\x{202F}\\d{3})+|\\d+)(,\\d+)?";

/** SQL reading the text `value` as a DOUBLE the way the export writes numbers; NULL when it is no number. */
export function numberSql(value: string, separator: DecimalSeparator = "."): string {
  if (separator === ".") return `try_cast(${value} AS DOUBLE)`;
  const text = `trim(${value})`;
  return `CASE WHEN regexp_full_match(${text}, '${decimalComma}')
    THEN try_cast(replace(regexp_replace(${text}, '[. \\x{00A0}\\x{202F}]', '', 'g'), ',', '.') AS DOUBLE) END`;
}
