/**
 * The one note a page shows when its data has no times (a snapshot) or no calendar dates (durations alone): what it
 * leaves out, said once and plainly, instead of zeros, 1970 or "per quarter" over a made-up span; and, for a
 * snapshot, that its qualification fields may have been filled in after the handoff.
 */
import {html} from "htl";
import type {DatasetDescription} from "../lib/core/dataset.js";
import {t} from "../lib/i18n/i18n.js";
import type {MessageKey} from "../lib/i18n/en.js";

/** The pages that leave something out without times. */
export type TimesPage = "overview" | "timing" | "conversion" | "campaigns" | "leadCheck" | "quality" | "simulator";

/** Pages whose "without calendar" list differs from their "without times" one (the others lose nothing more). */
const calendarLists: Partial<Record<TimesPage, MessageKey>> = {
  overview: "times.what.overviewCalendar",
  timing: "times.what.timingCalendar",
  campaigns: "times.what.campaignsCalendar",
  conversion: "times.what.conversionCalendar",
  quality: "times.what.quality",
  simulator: "times.what.simulatorCalendar"
};

/** Pages that show how the win rate changes with the level, where a snapshot's leakage matters. */
const levelPages = new Set<TimesPage>(["overview", "conversion", "leadCheck", "simulator"]);

/** The note for `page` ("" when the data has its times and dates, or the page loses nothing without them). */
export function timesNote(dataset: Pick<DatasetDescription, "limits" | "profile">, page: TimesPage): HTMLElement | "" {
  const {eventTimes, calendar} = dataset.limits;
  if (eventTimes && calendar) return "";
  const list = eventTimes ? calendarLists[page] : (`times.what.${page}` as MessageKey);
  if (!list) return "";
  return html`<div class="card times-note" id="times-note">
    <h2>${t(eventTimes ? "times.titleCalendar" : "times.title")}</h2>
    <p>${t(eventTimes ? "times.noCalendar" : "times.none", {profile: dataset.profile, what: t(list)})}</p>
    ${!eventTimes && levelPages.has(page) ? html`<p>${t("times.leakage")}</p>` : ""}
  </div>`;
}
