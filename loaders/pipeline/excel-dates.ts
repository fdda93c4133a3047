/**
 * Excel's dates: a cell holds a number (days since 1900, or 1904) and its number format says whether that number is
 * a date. Which formats are dates follows read-excel-file 9.3 (which read workbooks here until 2026-12-06): the
 * built-in date formats by ID, and a custom format whose every token is a date or time token once literals,
 * brackets and escapes are set aside. A date is written as workbook.ts always wrote it: ISO 8601, the clock time
 * shown (Excel keeps no time zone), the date alone at midnight, milliseconds only where a cell has them.
 */

/** Built-in number formats (IDs below 164) that show a date or time, in any locale (ECMA-376 §18.8.30). */
const builtInDateFormats = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81
]);

// prettier-ignore
/** The tokens of a date or time format (lower case): year, month or minute, day, hour, second, AM/PM, era year. */
const dateTokens = new Set([
  "s", "ss", "m", "mm", "mmm", "mmmm", "mmmmm", "h", "hh", "am", "pm", "a", "p", "d", "dd", "ddd", "dddd", "aaa",
  "aaaa", "aaaaa", "y", "yy", "yyyy", "e", "ee", "eeee"
]);

/** Whether a number format shows a date: a built-in date format, or a custom code made of date tokens only. */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (builtInDateFormats.has(id)) return true;
  if (code === undefined) return false;
  // `;@` shows text typed into a date cell as it is; `\x` is a literal character, kept as a separator.
  const sections = code.toLowerCase().replace(/;@$/, "").replace(/\\./g, " ").split(";");
  return sections.some(isDateSection);
}

/** Whether one section of a format (between semicolons) is a date: every token a date token, at least one. */
function isDateSection(section: string): boolean {
  const tokens = section
    .replace(/"[^"]*"/g, " ") // quoted literals
    .replace(/(\[?[smhd]{1,2}\]?)[.,]00?0?/g, "$1") // fractions of a second ("ss.000")
    .replace(/\[([smhd]{1,2})\]/g, "$1") // elapsed time ("[h]:mm")
    .replace(/\[[^\]]*\]/g, "") // colours, locales, conditions ("[Red]", "[$-407]")
    .split(/[^a-z0#?%]+/)
    .filter((token) => token !== "");
  return tokens.length > 0 && tokens.every((token) => dateTokens.has(token));
}

/** Days from Excel's day 0 (1899-12-30, as Excel counts past its 29 February 1900) to 1970-01-01. */
const unixEpochSerial = 25_569;

/** Days between the 1900 and the 1904 date systems (a Mac workbook's `date1904`). */
const epoch1904Days = 1_462;

/**
 * A date cell's text: ISO 8601 at the clock time the cell shows. Rounded to the millisecond, not floored: Excel stores
 * a time as a fraction of a day, 03:30:00 a hair below it, which floored to 03:29:59.999. Excel counts a 29 February
 * 1900 that never was (serial 60), so serials below it are a day later than the count from 1970 gives.
 */
export function excelDateText(serial: number, date1904: boolean): string {
  const days = serial + (date1904 ? epoch1904Days : serial < 60 ? 1 : 0);
  return dateText(new Date(Math.round((days - unixEpochSerial) * 86_400_000)));
}

/** A date as the CSV copy holds it: "2025-02-06" at midnight, "2025-02-03 09:15:00", "… 10:00:00.250". */
export function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  const iso = date.toISOString();
  if (iso.endsWith("T00:00:00.000Z")) return iso.slice(0, 10);
  return iso.slice(0, iso.endsWith(".000Z") ? 19 : 23).replace("T", " ");
}
