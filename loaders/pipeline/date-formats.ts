/**
 * Date formats an import profile may name, compiled to DuckDB SQL that turns a text cell into a UTC timestamp or
 * NULL. Exports write dates every which way (a spreadsheet turned Olist's into DD-MM-YYYY); DuckDB parses them all,
 * so no date is parsed in JavaScript.
 *
 * Formats: "ISO 8601" (2025-03-31, 2025-03-31 14:05, 2025-03-31T14:05:00Z, …+02:00); patterns built from DD, MM, YYYY,
 * HH, mm, ss and the separators - . / : , space T (e.g. "DD.MM.YYYY HH:mm", "MM/DD/YYYY"), with MMM or MMMM for a
 * month's name in English or German (Feb, February, Februar, Mär., März; any case), and hh with A for a 12-hour clock
 * (US spreadsheets' "1/15/2025 10:32 PM"); "epoch s" and "epoch ms" (seconds or milliseconds since 1970, always UTC);
 * "Excel serial" (days since 1899-12-30 with the time as a fraction, as a spreadsheet stores a date and a converted
 * sheet writes it: 45678.5 is 2025-01-21 12:00, local time). Day, month and hour may have one digit or two.
 */
import {sqlString} from "./duckdb.js";

// Longer tokens first: MMMM, then MMM, then MM.
const tokens: [string, string][] = [
  ["YYYY", "%Y"],
  ["MMMM", "%B"],
  ["MMM", "%b"],
  ["MM", "%m"],
  ["DD", "%d"],
  ["HH", "%H"],
  ["hh", "%I"],
  ["mm", "%M"],
  ["ss", "%S"],
  ["A", "%p"]
];

/** Why a format is not usable, or null when it is. */
export function checkDateFormat(format: string): string | null {
  if (["ISO 8601", "epoch s", "epoch ms", "Excel serial"].includes(format)) return null;
  const rest = tokens.reduce((text, [token]) => text.replace(token, ""), format);
  if (!/^[-./:, T]*$/.test(rest) || !format.includes("YYYY") || !format.includes("MM") || !format.includes("DD")) {
    return `unknown date format "${format}" (use ISO 8601, epoch s, epoch ms, Excel serial, or a pattern of DD MM YYYY HH mm ss such as DD.MM.YYYY HH:mm; MMM for Feb, hh:mm A for 10:32 PM)`;
  }
  // A 12-hour clock needs its AM/PM, and AM/PM a 12-hour clock: "HH:mm A" or "hh:mm" would read the wrong hour.
  if (format.includes("hh") !== format.includes("A")) {
    return `date format "${format}": a 12-hour clock (hh) goes with AM/PM (A), e.g. MM/DD/YYYY hh:mm A`;
  }
  return null;
}

/**
 * German month names and abbreviations where they differ from the English ones, with Austria's Jänner; the period
 * after an abbreviation before a space ("15. Jan. 2025", but "15. Mai 2025") is dropped (englishMonthsSql).
 */
const germanMonths: [string, string][] = [
  ["J(ä|ae)nner|Januar", "January"],
  ["Februar", "February"],
  ["M(ä|ae)rz", "March"],
  ["Mai", "May"],
  ["Juni", "June"],
  ["Juli", "July"],
  ["Oktober", "October"],
  ["Dezember", "December"],
  ["J(ä|ae)n", "Jan"],
  ["M(ä|ae)r|Mrz", "Mar"],
  ["Okt", "Oct"],
  ["Dez", "Dec"],
  ["Sept", "Sep"]
];

/** SQL giving the text `text` with German month names in English; a name only where it stands as a word. */
function englishMonthsSql(text: string): string {
  // RE2 has no lookaround and its \b knows no ä: a name is a word where no letter touches it on either side.
  const replaced = germanMonths.reduce(
    (sql, [german, english]) =>
      `regexp_replace(${sql}, '(^|[^\\p{L}])(?i:${german})([^\\p{L}]|$)', '\\1${english}\\${german.split("(").length + 1}')`,
    text
  );
  return `regexp_replace(${replaced}, '(^|[^\\p{L}])(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\.(\\s)', '\\1\\2\\3', 'i')`;
}

/** The strptime pattern of a DD/MM/YYYY-style format. */
export function strptimePattern(format: string): string {
  return tokens.reduce((text, [token, directive]) => text.replace(token, directive), format);
}

/**
 * Text that ends in a UTC offset, Z, or UTC or GMT (BigQuery's "2025-01-15 10:32:00 UTC"): already an instant, not
 * local time. DuckDB's TIMESTAMP cast reads " UTC" and drops it, so such a time was taken as local and moved by the
 * profile's zone.
 */
const offsetPattern = "(Z|z|[+-][0-9]{2}(:?[0-9]{2})?| ?(UTC|GMT|utc|gmt))$";

/**
 * SQL turning the text expression `text` into a UTC TIMESTAMP (NULL when no format fits). Local times (everything
 * without an offset, except epochs) are converted from `timezone` with the offset table of {@link utcOffsetSql}.
 */
export function parseDateSql(text: string, formats: string[], timezone = "UTC"): string {
  const local: string[] = [];
  const instant: string[] = [];
  for (const format of formats) {
    if (format === "ISO 8601") {
      // The common shapes (2025-03-31, 2025-03-31 14:05, 2025-03-31 14:05:09, with T or a space) first, with cheap
      // checks instead of regular expressions: most exports write nothing else, and this runs for every cell.
      local.push(`CASE WHEN ${isoShape(text, "'0'", "':'")} THEN try_cast(${text} AS TIMESTAMP) END`);
      // Digits first: DuckDB also casts words such as "epoch" and "infinity", which no export means as a date.
      local.push(
        `CASE WHEN regexp_matches(${text}, '^[0-9]') AND NOT regexp_matches(${text}, '${offsetPattern}') THEN try_cast(${text} AS TIMESTAMP) END`
      );
      // DuckDB wants seconds before an offset: 2025-01-01T10:00Z becomes 2025-01-01T10:00:00Z.
      const seconds = `regexp_replace(${text}, '^([0-9]{4}-[0-9]{1,2}-[0-9]{1,2}[T ][0-9]{2}:[0-9]{2})(Z|z|[+-][0-9]{2}:?[0-9]{2}| ?(UTC|GMT|utc|gmt))$', '\\1:00\\2')`;
      instant.push(
        `CASE WHEN regexp_matches(${text}, '^[0-9].*${offsetPattern}') THEN try_cast(${seconds} AS TIMESTAMPTZ)::TIMESTAMP END`
      );
    } else if (format === "epoch s") {
      // TRY_CAST: a number too large for microseconds (a stray ID in the column) is no date, not an error.
      instant.push(
        `CASE WHEN regexp_matches(${text}, '^-?[0-9]+(\\.[0-9]+)?$') THEN make_timestamp(TRY_CAST(round(CAST(${text} AS DOUBLE) * 1e6) AS BIGINT)) END`
      );
    } else if (format === "epoch ms") {
      instant.push(
        `CASE WHEN regexp_matches(${text}, '^-?[0-9]+(\\.[0-9]+)?$') THEN make_timestamp(TRY_CAST(round(CAST(${text} AS DOUBLE) * 1e3) AS BIGINT)) END`
      );
    } else if (format === "Excel serial") {
      // Day 1 is 1900-01-01, and Excel counts a 29 February 1900 that never was: from March 1900, day 0 is 1899-12-30.
      local.push(
        `CASE WHEN regexp_matches(${text}, '^[0-9]+(\\.[0-9]+)?$') THEN TIMESTAMP '1899-12-30' + to_microseconds(TRY_CAST(round(CAST(${text} AS DOUBLE) * 86400e6) AS BIGINT)) END`
      );
    } else {
      // A month's name in German is read as its English one, which is all DuckDB's strptime knows.
      const cell = format.includes("MMM") ? englishMonthsSql(text) : text;
      // DuckDB's strptime turns "infinity" or "epoch" into 1900-01-01 whatever the pattern: a digit first here too,
      // or, for a format that starts with the month's name, three letters that are not one of those words.
      const start = format.startsWith("MMM")
        ? `regexp_matches(${cell}, '^[A-Za-z]{3}') AND NOT regexp_matches(${cell}, '^(-?infinity|epoch)', 'i')`
        : `regexp_matches(${cell}, '^[0-9]')`;
      // Its period before a space goes too, from the text (above) and from the format: "DD. MMM. YYYY" reads "Mai".
      const pattern = strptimePattern(format.replace(/MMM\.(?=\s)/, "MMM"));
      local.push(`CASE WHEN ${start} THEN try_strptime(${cell}, ${sqlString(pattern)}) END`);
    }
  }
  const localSql = local.length === 0 ? "NULL::TIMESTAMP" : `coalesce(${local.join(", ")})`;
  // The readings are named once (a lambda over a one-element list): the offset's search below repeats its argument.
  const fromLocal =
    timezone === "UTC" ? localSql : `list_transform([${localSql}], local -> ${localToUtcSql("local", timezone)})[1]`;
  // Local and instant readings exclude each other (an offset or not), so their order only decides speed.
  // A one-element list lets the lambda name the parsed value once instead of repeating its expression.
  const parsed = `list_filter([coalesce(${[fromLocal, ...instant].join(", ")})],
    t -> t >= TIMESTAMP '1900-01-01' AND t < TIMESTAMP '2100-01-01')[1]`;
  return formats[0] === "ISO 8601" ? `coalesce(${isoFastPath(text, timezone)}, ${parsed})` : parsed;
}

/**
 * The reading of the commonest cell (2025-03-31, …14:05, …14:05:09) without the list and lambda that every other
 * reading goes through: at a million leads those cost more than the cast itself. It is the first local reading
 * when ISO 8601 is the first format, so wherever it gives a time the full parse gives the same one; years 1901 to
 * 2098 are inside the accepted range in any time zone, the rest take the full parse (NULL here).
 */
function isoFastPath(text: string, timezone: string): string {
  const local = `CASE WHEN ${isoShape(text, "'1901'", "'2099'")} THEN try_cast(${text} AS TIMESTAMP) END`;
  return timezone === "UTC" ? local : localToUtcSql(local, timezone);
}

/**
 * SQL true for text of 10, 16 or 19 characters with "-" as the fifth, between `from` and `below` as bytes: with
 * "'0'" and "':'" it starts with a digit; with "'1901'" and "'2099'" its year (the four characters before the "-") is
 * 1901 to 2098. `LIKE` and byte comparisons instead of `substr` and `left`, which count characters: for 11.8M
 * cells 0.31 s against 0.68 s with the cast (docs/pipeline-speed.md).
 */
function isoShape(text: string, from: string, below: string): string {
  return `length(${text}) IN (10, 16, 19) AND ${text} LIKE '____-%' AND ${text} >= ${from} AND ${text} < ${below}`;
}

/**
 * SQL turning a column read as a TIMESTAMP (or DATE) into a UTC TIMESTAMP, exactly as {@link parseDateSql} with
 * "ISO 8601" turns the column's text (DuckDB prints them as ISO 8601): local time in `timezone`, and NULL outside
 * 1900–2099. Without printing and parsing every value back.
 */
export function typedDateSql(value: string, timezone = "UTC"): string {
  const fromLocal = timezone === "UTC" ? value : localToUtcSql(value, timezone);
  // Years 1901 to 2098 are inside the range in any zone: only the rest need the list (see isoFastPath).
  return `CASE WHEN ${value} >= TIMESTAMP '1901-01-01' AND ${value} < TIMESTAMP '2099-01-01' THEN ${fromLocal}
    ELSE list_filter([${fromLocal}], t -> t >= TIMESTAMP '1900-01-01' AND t < TIMESTAMP '2100-01-01')[1] END`;
}

/**
 * SQL converting a local TIMESTAMP in `timezone` to UTC, with the zone's offsets from 1970 to 2050: the offset in force
 * is the one of the last transition whose local start is not after the value, found by a binary search written as
 * nested CASEs (eight comparisons for Berlin's 160 transitions). `local` is repeated in every comparison: pass a
 * column, a lambda's parameter or a cheap expression. Counting the passed starts in a list with a lambda instead cost
 * 61.9 s for the 11.8M event dates of a million leads, 0.7 s this way (UTC: 0.4 s; docs/pipeline-speed.md).
 */
export function localToUtcSql(local: string, timezone: string): string {
  const transitions = utcOffsets(timezone);
  return `(${local} - to_minutes(${offsetSearchSql(local, transitions, 0, transitions.length - 1)}))`;
}

/** The offset of the last of transitions[lo..hi] whose local start is not after `local` (transitions[lo] if none). */
function offsetSearchSql(local: string, transitions: OffsetTransition[], lo: number, hi: number): string {
  if (lo === hi) return String(transitions[lo].offsetMinutes);
  const mid = (lo + hi + 1) >> 1;
  const before = offsetSearchSql(local, transitions, lo, mid - 1);
  const after = offsetSearchSql(local, transitions, mid, hi);
  return `CASE WHEN ${local} < TIMESTAMP '${formatLocal(transitions[mid].localStart)}' THEN ${before} ELSE ${after} END`;
}

/** A zone's UTC offset changes: from `localStart` (local clock, ms since 1970) on, local = UTC + offsetMinutes. */
export interface OffsetTransition {
  localStart: number;
  offsetMinutes: number;
}

const offsetCache = new Map<string, OffsetTransition[]>();

/** The offsets of an IANA time zone from 1970 to 2050, found with Intl (daily samples, refined to the hour). */
export function utcOffsets(timezone: string): OffsetTransition[] {
  const cached = offsetCache.get(timezone);
  if (cached) return cached;
  const format = new Intl.DateTimeFormat("en-US", {timeZone: timezone, timeZoneName: "longOffset"});
  const offsetAt = (utc: number): number => {
    const name = format.formatToParts(utc).find((d) => d.type === "timeZoneName")?.value ?? "GMT";
    const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
    return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0)) : 0;
  };
  const hour = 3_600_000;
  const start = Date.UTC(1970, 0, 1);
  const end = Date.UTC(2050, 0, 1);
  const transitions: OffsetTransition[] = [{localStart: start, offsetMinutes: offsetAt(start)}];
  let previous = transitions[0].offsetMinutes;
  for (let day = start + 24 * hour; day <= end; day += 24 * hour) {
    const offset = offsetAt(day);
    if (offset === previous) continue;
    let at = day - 24 * hour;
    while (offsetAt(at) === previous) at += hour / 4;
    // The change happens at UTC instant `at`; on the local clock that is `at + old offset`.
    transitions.push({localStart: at + previous * 60_000, offsetMinutes: offset});
    previous = offset;
  }
  offsetCache.set(timezone, transitions);
  return transitions;
}

function formatLocal(ms: number): string {
  return new Date(ms).toISOString().replace("T", " ").slice(0, 19);
}
