/**
 * Excel's dates: a cell holds a number (days since 1900, or 1904) and its number format says whether that number is
 * a date. Which formats are dates follows read-excel-file 9.3 (which read workbooks here until 2026-12-06): the
 * built-in date formats by ID, and a custom format whose every token is a date or time token once literals,
 * brackets and escapes are set aside. A date is written as workbook.ts always wrote it: ISO 8601, the clock time
 * shown (Excel keeps no time zone), the date alone at midnight, milliseconds only where a cell has them. A format
 * of a clock time alone, or of elapsed time, is written as the time Excel shows (excelCellText).
 */

/** Built-in number formats (IDs below 164) that show a date or time, in any locale (ECMA-376 §18.8.30). */
const builtInDateFormats = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81
]);

/** The built-in formats that show a clock time alone ("h:mm AM/PM", "mm:ss", …) and elapsed time ("[h]:mm:ss"). */
const builtInKinds = new Map<number, DateFormatKind>([
  [18, "time"],
  [19, "time"],
  [20, "time"],
  [21, "time"],
  [45, "time"],
  [46, "elapsed"],
  [47, "time"]
]);

// prettier-ignore
/** The tokens of a date or time format (lower case): year, month or minute, day, hour, second, AM/PM, era year. */
const dateTokens = new Set([
  "s", "ss", "m", "mm", "mmm", "mmmm", "mmmmm", "h", "hh", "am", "pm", "a", "p", "d", "dd", "ddd", "dddd", "aaa",
  "aaaa", "aaaaa", "y", "yy", "yyyy", "e", "ee", "eeee"
]);

/** The tokens of a clock time: hours, minutes, seconds, AM/PM ("m" is a minute beside an hour or a second). */
const timeTokens = new Set(["s", "ss", "m", "mm", "h", "hh", "am", "pm", "a", "p"]);

/**
 * What a date-like number format shows: a `date` (a day, with or without its clock time), a clock `time` alone
 * ("h:mm"), or `elapsed` time ("[h]:mm", hours past 24: a duration).
 */
export type DateFormatKind = "date" | "time" | "elapsed";

/**
 * What a number format shows, or undefined for a number: a built-in date format, or a custom code made of date
 * tokens only; the first section that is one decides.
 */
export function dateFormatKind(id: number, code: string | undefined): DateFormatKind | undefined {
  if (builtInDateFormats.has(id)) return builtInKinds.get(id) ?? "date";
  if (code === undefined) return undefined;
  // `;@` shows text typed into a date cell as it is; `\x` is a literal character, kept as a separator.
  const sections = code.toLowerCase().replace(/;@$/, "").replace(/\\./g, " ").split(";");
  for (const section of sections) {
    const kind = sectionKind(section);
    if (kind) return kind;
  }
  return undefined;
}

/** What one section of a format (between semicolons) shows: every token a date token, at least one. */
function sectionKind(section: string): DateFormatKind | undefined {
  const unquoted = section.replace(/"[^"]*"/g, " "); // quoted literals
  const tokens = unquoted
    .replace(/(\[?[smhd]{1,2}\]?)[.,]00?0?/g, "$1") // fractions of a second ("ss.000")
    .replace(/\[([smhd]{1,2})\]/g, "$1") // elapsed time ("[h]:mm")
    .replace(/\[[^\]]*\]/g, "") // colours, locales, conditions ("[Red]", "[$-407]")
    .split(/[^a-z0#?%]+/)
    .filter((token) => token !== "");
  if (tokens.length === 0 || !tokens.every((token) => dateTokens.has(token))) return undefined;
  if (/\[(h|hh|m|mm|s|ss)\]/.test(unquoted)) return "elapsed";
  const clock = tokens.every((token) => timeTokens.has(token)) && tokens.some((token) => /^[hs]/.test(token));
  return clock ? "time" : "date";
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

/**
 * A number cell of a date or time format as text. A clock time alone (a `time` format over a day count below 1, no
 * day at all) as "10:30:00", and elapsed time as hours past 24 ("36:00:00", "-01:30:00"), as Excel shows them: read
 * as dates they were 1899-12-31 10:30 and 1900-01-01 12:00, which an import rejected as too early, naming neither. A
 * time format over a whole day count still holds a day, and is written as the date it is.
 */
export function excelCellText(serial: number, date1904: boolean, kind: DateFormatKind): string {
  if (kind === "elapsed" || (kind === "time" && serial >= 0 && serial < 1)) return clockText(serial);
  return excelDateText(serial, date1904);
}

/** A span of `days` as hours, minutes and seconds ("09:15:00", "36:00:00"), milliseconds only where there are any. */
function clockText(days: number): string {
  const ms = Math.round(Math.abs(days) * 86_400_000);
  const pad = (value: number, digits = 2) => String(value).padStart(digits, "0");
  const hours = Math.floor(ms / 3_600_000);
  const seconds = Math.floor(ms / 1000) % 60;
  const text = `${days < 0 ? "-" : ""}${pad(hours)}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(seconds)}`;
  return ms % 1000 === 0 ? text : `${text}.${pad(ms % 1000, 3)}`;
}

/** A date as the CSV copy holds it: "2025-02-06" at midnight, "2025-02-03 09:15:00", "… 10:00:00.250". */
export function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  const iso = date.toISOString();
  if (iso.endsWith("T00:00:00.000Z")) return iso.slice(0, 10);
  return iso.slice(0, iso.endsWith(".000Z") ? 19 : 23).replace("T", " ");
}
