/**
 * Number formats used on every page, through Intl so that English and German get their own separators.
 */
import {currentLanguage, type Language} from "./i18n.js";
import type {Proportion} from "../core/stats.js";

export type {Language};

const locales: Record<Language, string> = {en: "en-US", de: "de-DE"};

/** A whole count with thousands separators: 12,345 / 12.345. */
export function formatCount(value: number, language: Language = currentLanguage()): string {
  return new Intl.NumberFormat(locales[language], {maximumFractionDigits: 0}).format(value);
}

/** A number with a fixed number of decimals: 1.25 / 1,25. */
export function formatNumber(value: number, digits: number, language: Language = currentLanguage()): string {
  return new Intl.NumberFormat(locales[language], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits
  }).format(value);
}

/** A difference of two shares in percentage points, signed: "+2.3" / "+2,3"; "±0.0" where it rounds to zero. */
export function formatPoints(x: number | null, language: Language = currentLanguage()): string {
  if (x === null) return "–";
  const value = formatNumber(Math.abs(x) * 100, 1, language);
  // A change that rounds to zero has no sign: "−0.0" would read as a fall.
  if (Math.abs(x) * 100 < 0.05) return `±${value}`;
  return `${x > 0 ? "+" : "−"}${value}`;
}

/** A share as a percentage: 12.3% / 12,3 %. */
export function formatPercent(value: number | null, language: Language = currentLanguage(), digits = 1): string {
  if (value === null || !Number.isFinite(value)) return "–";
  return new Intl.NumberFormat(locales[language], {
    style: "percent",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits
  }).format(value);
}

/** A proportion's interval: 10.2–14.8%. */
export function formatInterval(
  p: Pick<Proportion, "lo" | "hi">,
  language: Language = currentLanguage(),
  digits = 1
): string {
  if (p.lo === null || p.hi === null) return "–";
  const number = new Intl.NumberFormat(locales[language], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits
  });
  return `${number.format(p.lo * 100)}–${formatPercent(p.hi, language, digits)}`;
}

/** A number of days with one decimal below ten: 4.5 days, 37 days. */
export function formatDays(value: number | null, language: Language = currentLanguage()): string {
  if (value === null || !Number.isFinite(value)) return "–";
  const digits = Math.abs(value) < 10 ? 1 : 0;
  const number = new Intl.NumberFormat(locales[language], {maximumFractionDigits: digits}).format(value);
  return `${number} ${dayUnit(value, language)}`;
}

/** A span of days from `lo` to `hi` ("13–17 days"), or a dash where there is none (too few values for an interval). */
export function formatDayInterval(
  interval: {lo: number | null; hi: number | null},
  language: Language = currentLanguage()
): string {
  const {lo, hi} = interval;
  if (lo === null || hi === null) return "–";
  // The unit once, after the upper end, as the percentages do ("30–77 days", not "30 days–77 days").
  const shown = (digits: number) => new Intl.NumberFormat(locales[language], {maximumFractionDigits: digits});
  const usual = Math.abs(lo) < 10 ? 1 : 0;
  let digits = usual;
  // A decimal more where both ends would read alike: "13.6–14.4 days", not "14–14 days".
  while (digits < 2 && lo !== hi && shown(digits).format(lo) === shown(digits).format(hi)) digits += 1;
  if (digits === usual) return `${shown(digits).format(lo)}–${formatDays(hi, language)}`;
  return `${shown(digits).format(lo)}–${shown(digits).format(hi)} ${dayUnit(hi, language)}`;
}

/** "day" or "days" as the language says it for `value`. */
function dayUnit(value: number, language: Language): string {
  return language === "de" ? (value === 1 ? "Tag" : "Tage") : value === 1 ? "day" : "days";
}

/** An amount in `currency` (ISO 4217), whole units, the sign as the language writes it: €12,345 / -12.345 € / $1,200. */
export function formatMoney(
  value: number | null,
  currency: string,
  {language = currentLanguage(), compact = false}: {language?: Language; compact?: boolean} = {}
): string {
  if (value === null || !Number.isFinite(value)) return "–";
  return new Intl.NumberFormat(locales[language], {
    style: "currency",
    currency,
    maximumFractionDigits: compact ? 1 : 0,
    minimumFractionDigits: 0,
    ...(compact ? {notation: "compact"} : {})
  }).format(value);
}

/** The currency's symbol as the language writes it: € / $ / CHF. */
export function currencySymbol(currency: string, language: Language = currentLanguage()): string {
  const parts = new Intl.NumberFormat(locales[language], {style: "currency", currency}).formatToParts(0);
  return parts.find((d) => d.type === "currency")?.value ?? currency;
}

/** Items as a list in words: "a, b, or c" / "a, b oder c" (`or`), or with "and" / "und". */
export function formatList(
  items: string[],
  type: "conjunction" | "disjunction" = "conjunction",
  language: Language = currentLanguage()
): string {
  return new Intl.ListFormat(locales[language], {style: "long", type}).format(items);
}
