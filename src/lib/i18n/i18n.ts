/**
 * The dashboard's two languages. One dictionary per language (i18n-en.ts, i18n-de.ts); pages and components ask
 * `t(key, values)` and format numbers and dates through Intl (format.ts) in the current language. The language is
 * the URL's `lang` parameter, else the one last chosen in this browser, else the build's default (config:
 * LEADSTAGE_LANGUAGE, written into every page as a meta tag); in node (tests, loaders) it is English.
 */
import {de} from "./de.js";
import {en, type MessageKey} from "./en.js";

/** The dashboard's languages. */
export type Language = "en" | "de";

/** The dictionaries. */
export const dictionaries: Record<Language, Record<MessageKey, string>> = {en, de};

const storageKey = "leadstage-language";

/** The language in force for this page view. */
export function currentLanguage(): Language {
  if (typeof document === "undefined" || typeof location === "undefined") return "en";
  const fromUrl = new URLSearchParams(location.search).get("lang");
  if (fromUrl === "en" || fromUrl === "de") return fromUrl;
  try {
    const stored = localStorage.getItem(storageKey);
    if (stored === "en" || stored === "de") return stored;
  } catch {
    // Storage can be disabled; the default applies.
  }
  const fallback = document.querySelector('meta[name="leadstage-language"]')?.getAttribute("content");
  return fallback === "de" ? "de" : "en";
}

/** Remembers a chosen language for the next pages. */
export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Without storage the URL parameter still carries the choice.
  }
}

/**
 * The message `key` in `language`, with {name} placeholders filled from `values`. A count's noun or verb agrees
 * with it through `{name|one|other}`: the first form for one, the second otherwise, `#` standing for the value
 * ("{n|# handoff|# handoffs}", "{won|# was|# were} won"), so that a filter down to one handoff does not read
 * "1 handoffs".
 */
export function t(
  key: MessageKey,
  values: Record<string, string | number> = {},
  language: Language = currentLanguage()
): string {
  const template = dictionaries[language][key] ?? en[key];
  return template
    .replace(/\{(\w+)\|([^{}|]*)\|([^{}|]*)\}/g, (whole, name: string, one: string, other: string) =>
      name in values ? (isOne(values[name], language) ? one : other).replaceAll("#", String(values[name])) : whole
    )
    .replace(/\{(\w+)\}/g, (_, name: string) => (name in values ? String(values[name]) : `{${name}}`));
}

/**
 * Whether a count takes the singular: a number by the language's plural rules, a formatted count when it reads "1"
 * (pages pass counts formatted, and "1.0" hours or "1,5" days take the plural in both languages).
 */
function isOne(value: string | number, language: Language): boolean {
  if (typeof value === "number") return new Intl.PluralRules(language).select(value) === "one";
  return value.trim() === "1";
}

/**
 * A text in both languages (ladder level names, scorecard questions), in the language in force; a text written in one
 * language only (a profile's description may be) is shown as it is.
 */
export function localized(text: string | {en: string; de: string}, language: Language = currentLanguage()): string {
  return typeof text === "string" ? text : text[language];
}

/** A fixed label from the numbers modules (a bin such as "< 1 day") in the language in force, if the dictionary has it. */
export function label(text: string, language: Language = currentLanguage()): string {
  const key = `label.${text}` as MessageKey;
  return key in dictionaries[language] ? dictionaries[language][key] : text;
}
