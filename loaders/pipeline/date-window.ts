/**
 * The instants the model accepts. Dates after the export cannot be real (a typo, a placeholder such as 2099-12-31, a
 * clock set wrong): kept, one would move the data end, where every open handoff is censored. Dates too far back
 * would not fit the extract, which stores each span as 32-bit seconds (68 years): the window is at most 60 years.
 */
import {InputError} from "./input.js";

/** The accepted window, as SQL timestamps ('YYYY-MM-DD HH:MM:SS', UTC), and where its end comes from. */
export interface DateWindow {
  earliest: string;
  latest: string;
  /** "export": the dataset's exportedAt; "build": the build's clock, for data that does not say when it was exported. */
  latestFrom: "export" | "build";
}

/** The first instant any lead history can hold: no CRM export starts before 1970. */
const epoch = Date.UTC(1970, 0, 1);

/** The window ending at the export (`exportedAt`, ISO 8601) or, without one, at `now`. */
export function dateWindow(exportedAt: string | undefined, now: number = Date.now()): DateWindow {
  let end = now;
  if (exportedAt !== undefined) {
    end = Date.parse(exportedAt);
    if (!Number.isFinite(end))
      throw new InputError(`dataset.json: exportedAt: "${exportedAt}" is not an ISO 8601 date`);
    if (end > now) throw new InputError(`dataset.json: exportedAt: ${exportedAt} is in the future`);
  }
  const start = new Date(end);
  start.setUTCFullYear(start.getUTCFullYear() - 60);
  return {
    earliest: sqlTimestamp(Math.max(epoch, start.getTime())),
    latest: sqlTimestamp(end),
    latestFrom: exportedAt === undefined ? "build" : "export"
  };
}

function sqlTimestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}
