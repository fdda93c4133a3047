/**
 * What an export knows of time, in a profile: dates, durations since each lead's creation, or none (a snapshot). The
 * profile's check of it, and the SQL that places an undated lead or event and adds a duration to a creation date.
 */
import {sqlString} from "../pipeline/duckdb.js";
import {columnSpec, type ImportProfile, type MilestoneTime} from "./profile-types.js";
import {numberSql, type DecimalSeparator} from "./number-format.js";

/** The instant a lead without a creation date is placed at: every time of such an export is relative to it. */
export const undatedBase = "2000-01-01 00:00:00";

/** A milestone's time, with the profile's default filled in. */
export function milestoneTime(profile: Pick<ImportProfile, "times">, milestone: {time?: MilestoneTime}): MilestoneTime {
  return milestone.time ?? ({dates: "date", durations: "days", none: "none"} as const)[profile.times ?? "dates"];
}

/**
 * Times fit the profile's kind of export: a creation date where events are dated, a date column for every long
 * section unless the export has no times, and a time taken from the lead's creation only on the leads file's own row
 * (or where no lead has a creation date, so all share one base).
 */
export function checkTimes(profile: ImportProfile, fail: (key: string, message: string) => never): void {
  const times = profile.times ?? "dates";
  const created = profile.leads.fields.created_at;
  if (times === "dates" && created === undefined) {
    fail("leads.fields.created_at", 'required (or say "times": "durations" or "none" when the export has no dates)');
  }
  if (times === "none" && created !== undefined) {
    fail("leads.fields.created_at", 'an export with "times": "none" has no dates: remove it or change times');
  }
  profile.events.forEach((section, i) => {
    if (section.shape === "long") {
      if (times !== "none" && section.at === undefined) fail(`events[${i}].at`, `required when times are ${times}`);
      if (times === "none" && section.at !== undefined) fail(`events[${i}].at`, 'not read when "times" is "none"');
      return;
    }
    section.milestones.forEach((milestone, j) => {
      const key = `events[${i}].milestones[${j}]`;
      const time = milestoneTime(profile, milestone);
      if (times === "none" && time !== "none") fail(`${key}.time`, `"${time}" in an export whose times are "none"`);
      if (times === "durations" && time === "date")
        fail(`${key}.time`, 'a date in an export whose times are "durations": say "dates"');
      if (milestone.formats && time !== "date")
        fail(`${key}.formats`, `only date columns take formats (time is "${time}")`);
      const timedFromCreation = time !== "date";
      const ownRow =
        section.file === profile.leads.file &&
        columnSpec(section.leadId).column === columnSpec(profile.leads.fields.lead_id).column;
      if (timedFromCreation && created !== undefined && (!ownRow || columnSpec(created).file !== undefined)) {
        fail(
          `${key}.time`,
          `a time from the lead's creation needs the milestone on the leads file's own row (${profile.leads.file}, keyed by its lead_id)`
        );
      }
    });
  });
}

/** Microseconds per unit of a duration column. */
const durationMicros = {days: 86_400e6, hours: 3_600e6} as const;

/** The base instant as SQL. */
export const undatedInstant = `TIMESTAMP '${undatedBase}'`;

/** Hours (up to 8 digits: 11,000 years), minutes and seconds of a span, "36:00:00" or "0:45:30.5". */
const clockPattern = String.raw`\d{1,8}:[0-5]\d:[0-5]\d(\.\d{1,6})?`;

/** The longest duration added to a date, in microseconds (a million days): longer ones are past any date's range. */
const longestDuration = 86_400e6 * 1e6;

/**
 * The instant `creation` plus the duration in `column` (exact to the microsecond of what the export wrote: 3.5 days
 * is 3 days 12 hours), or plus hours, minutes and seconds written as "36:00:00", whatever the unit (Excel's elapsed
 * time, "[h]:mm:ss", as a workbook's copy writes it); NULL for a negative or non-numeric duration, which the event
 * checks reject naming the column.
 * A duration longer than a million days is an infinitely late instant, which they reject as after the export date
 * (1e308 days overflowed the cast to microseconds and stopped the import with DuckDB's error).
 */
export function durationSql(
  creation: string,
  column: string,
  unit: "days" | "hours",
  separator?: DecimalSeparator
): string {
  const value = numberSql(column, separator);
  const micros = `${value} * ${durationMicros[unit]}`;
  return `CASE WHEN regexp_full_match(${column}, ${sqlString(clockPattern)}) THEN ${creation} + CAST(${column} AS INTERVAL)
    WHEN ${value} >= 0 AND isfinite(${value})
    THEN CASE WHEN ${micros} <= ${longestDuration} THEN ${creation} + to_microseconds(CAST(round(${micros}) AS BIGINT))
      ELSE 'infinity'::TIMESTAMP END END`;
}

/** A time field: its text, its value as read (a typed column, else NULL), and its instant from the outer pass. */
export interface TimeField {
  text: string;
  typed: string;
  at: (textColumn: string) => string;
}

/** The time of a lead or event an export does not date: the one base instant. */
export const undatedTime: TimeField = {
  text: sqlString(undatedBase),
  typed: "NULL::TIMESTAMP",
  at: () => undatedInstant
};

/** A wide milestone's instant: the time field, inner columns its outer pass reads, what a reject says was expected. */
export interface MilestoneInstant {
  time: TimeField;
  inner?: Record<string, string>;
  /** A SQL string literal. */
  formats: string;
}

/**
 * A milestone timed from the lead's creation: the creation itself ("none": the column only says it was reached), or
 * the creation plus the column's duration. `created` is the leads file's creation cell on the same row (its text
 * and typed value become inner columns), or absent where no lead has one and the base instant stands in.
 */
export function fromCreation(
  kind: "none" | "days" | "hours",
  text: string,
  created?: TimeField,
  separator?: DecimalSeparator
): MilestoneInstant {
  const inner = created ? {at_created_text: created.text, at_created_typed: created.typed} : undefined;
  const creation = created ? created.at("at_created_text") : undatedInstant;
  if (kind === "none") {
    return {time: {text, typed: "NULL::TIMESTAMP", at: () => creation}, inner, formats: sqlString("any value")};
  }
  return {
    time: {text, typed: "NULL::TIMESTAMP", at: (column) => durationSql(creation, column, kind, separator)},
    inner,
    formats: sqlString(`a number of ${kind} since the lead's creation, e.g. 12 or 3.5, or hours:minutes:seconds`)
  };
}
