/**
 * Why a row was rejected or flagged, in the page's language. The pipeline writes its reasons in English (dataset.json,
 * overview.json, rejects.csv and the logs keep that text, for tools and for grep); every form of reason is a
 * `reason.*` message whose English text is the pipeline's own, with placeholders where it writes a value (a limit, a
 * date, a file). A reason is recognised by matching it against those English texts, and its values are carried into
 * the other language: gettext's way, the English text is the key. The hostile-input tests check that every reason the
 * pipeline gives is recognised, so a new one without a translation fails there, not on a German page.
 */
import {en, type MessageKey} from "./en.js";
import {currentLanguage, t, type Language} from "./i18n.js";

/** A reason recognised: its message and the values the pipeline wrote into it. */
export interface ReasonForm {
  key: MessageKey;
  values: Record<string, string>;
}

interface Pattern {
  key: MessageKey;
  pattern: RegExp;
  names: string[];
  /** Characters of fixed text: where two forms match, the more specific one wins. */
  fixed: number;
}

const placeholder = /\{(\w+)\}/g;

/** The messages under `prefix` as patterns over their English text, most specific first. */
function patterns(prefix: string): Pattern[] {
  return (Object.keys(en) as MessageKey[])
    .filter((key) => key.startsWith(prefix))
    .map((key) => {
      const text: string = en[key];
      const names = [...text.matchAll(placeholder)].map((m) => m[1]);
      const source = text
        .split(placeholder)
        // split() with a capturing group alternates fixed text and placeholder names.
        .map((part, i) => (i % 2 === 1 ? "(.+?)" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
        .join("");
      return {key, pattern: new RegExp(`^${source}$`, "s"), names, fixed: text.replace(placeholder, "").length};
    })
    .sort((a, b) => b.fixed - a.fixed);
}

const reasons = patterns("reason.");
const fields = patterns("field.");

function recognise(text: string, forms: Pattern[]): ReasonForm | undefined {
  for (const {key, pattern, names} of forms) {
    const match = pattern.exec(text);
    if (match) return {key, values: Object.fromEntries(names.map((name, i) => [name, match[i + 1]]))};
  }
  return undefined;
}

/** The message a reason of the pipeline is written from, with its values; undefined for a text it never writes. */
export function reasonForm(reason: string): ReasonForm | undefined {
  return recognise(reason, reasons);
}

/** A reason of the pipeline in `language`; a text it does not recognise is shown as it is. */
export function reasonText(reason: string, language: Language = currentLanguage()): string {
  const form = reasonForm(reason);
  if (!form) return reason;
  // The formats an unparseable date should have had are a list joined by the pipeline's English "or".
  const values = {...form.values};
  if (form.key === "reason.unparseableDate") values.formats = formatsText(values.formats, language);
  return t(form.key, values, language);
}

/** The date formats in the pipeline's English (core/date-formats-text.ts) as the same list in `language`. */
export function formatsText(formats: string, language: Language = currentLanguage()): string {
  const [iso] = patterns("dateFormats.iso");
  // Inside the list, not the whole text: no anchors, and each example one word (a lazy group would take one letter).
  const isoSource = iso.pattern.source.slice(1, -1).replaceAll("(.+?)", "(\\S+)");
  const or = ` ${en["dateFormats.or"]} `;
  // The ISO name carries an "or" of its own: its examples are taken out before the list is split at the others.
  const examples: Record<string, string>[] = [];
  const marked = formats.replace(new RegExp(isoSource, "gs"), (_, date: string, dateTime: string) => {
    examples.push({date, dateTime});
    return `\u0000${examples.length - 1}\u0000`;
  });
  return marked
    .split(or)
    .map((part) => part.replace(/\u0000(\d+)\u0000/g, (_, i: string) => t("dateFormats.iso", examples[+i], language)))
    .join(` ${t("dateFormats.or", {}, language)} `);
}

/** The column a reject names, in `language`: a file's own column name as it is, the pipeline's descriptions translated. */
export function fieldText(field: string, language: Language = currentLanguage()): string {
  const form = recognise(field, fields);
  return form ? t(form.key, form.values, language) : field;
}
