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
  return form ? t(form.key, form.values, language) : reason;
}

/** The column a reject names, in `language`: a file's own column name as it is, the pipeline's descriptions translated. */
export function fieldText(field: string, language: Language = currentLanguage()): string {
  const form = recognise(field, fields);
  return form ? t(form.key, form.values, language) : field;
}
