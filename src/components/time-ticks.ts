/**
 * Tick labels of a time axis in German: Plot writes English month names. A month tick reads "Mär", the first tick
 * of a year and January also carry the year ("Jan 2025"); a tick inside a month reads "5. Mär".
 */
import {timeFormatLocale} from "d3-time-format";

const german = timeFormatLocale({
  dateTime: "%A, %e. %B %Y, %X",
  date: "%d.%m.%Y",
  time: "%H:%M:%S",
  periods: ["AM", "PM"],
  days: ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"],
  shortDays: ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"],
  months: [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember"
  ],
  shortMonths: ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"]
});

/** A tick format for a "utc" (or local "time") scale in German. */
export function localTimeTicks(type: "utc" | "time"): (d: unknown, i: number) => string {
  const format = type === "utc" ? german.utcFormat : german.format;
  const year = format("%Y");
  const month = format("%b");
  const monthYear = format("%b %Y");
  const day = format("%-d. %b");
  return (value, i) => {
    const d = value as Date;
    const [m, date] = type === "utc" ? [d.getUTCMonth(), d.getUTCDate()] : [d.getMonth(), d.getDate()];
    if (date !== 1) return day(d);
    if (m === 0) return i === 0 ? monthYear(d) : year(d);
    return i === 0 ? monthYear(d) : month(d);
  };
}
