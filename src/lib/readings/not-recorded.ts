/**
 * What an export does not record, in one sentence for the data-quality page. The profile's own notes say why (a
 * Salesforce export has no Task objects); this says what is missing whatever the notes say, so that an export without
 * notes is never described as complete. Times and calendar dates are the times note's (components/times-note.ts).
 */
import type {DatasetLimits} from "../core/dataset.js";
import {formatList} from "../i18n/format.js";
import {currentLanguage, t, type Language} from "../i18n/i18n.js";

/** The limits this sentence names, in the order it names them. */
const named = ["handoffTimestamp", "lostOutcome", "evidence", "salesHours", "amounts"] as const;

/** The sentence, or null when the data records all of them. */
export function notRecordedText(limits: DatasetLimits, language: Language = currentLanguage()): string | null {
  // Without any times the times note already says there is no handoff timestamp either.
  const missing = named.filter((d) => !limits[d] && !(d === "handoffTimestamp" && !limits.eventTimes));
  if (missing.length === 0) return null;
  const items = formatList(
    missing.map((d) => t(`quality.missing.${d}`, {}, language)),
    "conjunction",
    language
  );
  return t("quality.notRecorded", {items}, language);
}

/** Whether the data records everything the dashboard uses, times and calendar dates included. */
export function recordsEverything(limits: DatasetLimits): boolean {
  return Object.values(limits).every(Boolean);
}
