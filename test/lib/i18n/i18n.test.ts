import {describe, expect, it} from "vitest";
import {de} from "../../../src/lib/i18n/de.js";
import {en} from "../../../src/lib/i18n/en.js";
import {t} from "../../../src/lib/i18n/i18n.js";
import {formatCount, formatInterval, formatPercent} from "../../../src/lib/i18n/format.js";

describe("the dictionaries", () => {
  it("have the same keys and the same placeholders in English and German", () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    // A name once plain and once as a plural choice ("{n} {n|was|were}") counts once: languages word it differently.
    const placeholders = (text: string) =>
      [...new Set([...text.matchAll(/\{(\w+)(?:\|[^{}]*)?\}/g)].map((m) => m[1]))].sort();
    for (const key of Object.keys(en) as (keyof typeof en)[])
      expect(placeholders(de[key]), key).toEqual(placeholders(en[key]));
  });

  it("start a message that ends as a sentence with a capital: it may open a paragraph", () => {
    // An abbreviation ("cum.") and a message that opens with the threshold's symbol ("k = 3 is best …") are not.
    const exempt = new Set(["conversion.cumulative", "simulator.undecidedNoiseDetail"]);
    for (const dictionary of [en, de]) {
      const lowercase = Object.entries(dictionary).filter(
        ([key, text]) => !exempt.has(key) && /^\p{Ll}/u.test(text) && /[.!?]$/.test(text)
      );
      expect(lowercase).toEqual([]);
    }
  });

  it("fill placeholders in the language asked for, English by default outside the browser", () => {
    expect(t("leadCheck.of", {max: 20})).toBe("of 20");
    expect(t("leadCheck.of", {max: 20}, "de")).toBe("von 20");
    expect(t("scorecard.readingBand", {band: "5–8", rate: "8,1 %", n: "2.773"}, "de")).toBe(
      "Punkte 5–8: 8,1 % gewonnen (n = 2.773)"
    );
  });
});

/** Placeholders that name something rather than count it: a level, a campaign, a dimension. */
const notCounts = /^(level|levels|best|worst|name|dimension|label|key|profile|period|month|from|to)$/;

/** What a message is filled with to test agreement: every count one, a rate a percentage, a name a name. */
function oneOf(name: string): string {
  if (notCounts.test(name)) return "Webinar";
  return /rate|share|interval|loss|ours|survey|control|treatment|comparison/i.test(name) ? "10%" : "1";
}

/**
 * Every message filled with ones (oneOf: a rate or share stays a percentage, "10% were won" is right) that matches its
 * language's pattern, as "language key: text". Reasons are left out: they are matched against the pipeline's English,
 * never filled.
 */
function filledMatching(wrong: Record<"en" | "de", RegExp>): string[] {
  return (["en", "de"] as const).flatMap((language) =>
    Object.entries(language === "en" ? en : de)
      .filter(([key]) => !key.startsWith("reason."))
      .map(([key, template]) => {
        const names = [...new Set([...template.matchAll(/\{(\w+)(?:\|[^{}]*)?\}/g)].map((m) => m[1]))];
        const text = t(key as keyof typeof en, Object.fromEntries(names.map((name) => [name, oneOf(name)])), language);
        return `${language} ${key}: ${text}`;
      })
      .filter((line) => wrong[language].test(line.slice(line.indexOf(": ") + 2)))
  );
}

describe("plural choices", () => {
  it("give a count its singular for one and its plural otherwise, in both languages", () => {
    for (const [n, text] of [
      ["1", "n = 1 handoff"],
      ["0", "n = 0 handoffs"],
      ["2", "n = 2 handoffs"],
      ["1,234", "n = 1,234 handoffs"],
      ["1.0", "n = 1.0 handoffs"]
    ])
      expect(t("chart.nHandoffs", {n}), n).toBe(text);
    expect(t("chart.nHandoffs", {n: 1})).toBe("n = 1 handoff");
    expect(t("chart.nHandoffs", {n: "1"}, "de")).toBe("n = 1 Übergabe");
    expect(t("chart.nHandoffs", {n: "1.234"}, "de")).toBe("n = 1.234 Übergaben");
  });

  it("leave a choice whose value is missing as it is written, like a plain placeholder", () => {
    expect(t("chart.nHandoffs")).toBe("n = {n|# handoff|# handoffs}");
  });

  it("agree verbs and nouns in every message that counts: no '1 handoffs' or '1 were' in either language", () => {
    const wrong = {
      // One adjective may stand between ("1 closed handoffs", "1 nicht gewonnenen Übergaben").
      en: /(?<!level |levels |Levels |k = )\b1 (?:(?:closed|open|scored|won|lost|input|not won) )?(handoffs|leads|rows|cases|values|groups|campaigns|wins|quarters|months|days|hours|were|rest|are|have)\b/,
      de: /(?<!Stufe |Stufen |k = )\b1 (?:(?:(?:nicht )?[a-zäöüß]+en )?(?:Übergaben|Leads|Zeilen|Eingabezeilen|Fälle|Fällen|Werte|Gruppen|Kampagnen|Gewinne|Quartale|Monate|Tage|Tagen|Stunden)|wurden|beruhen|sind|haben)\b/
    };
    expect(filledMatching(wrong)).toEqual([]);
  });

  it("put the verb that follows a counted noun in the choice too: no '1 handoff match' or '1 Übergabe entsprechen'", () => {
    const wrong = {
      en: /(?<!level |level-|levels |Levels |than |k = )\b1 (?:[a-z]+ ){0,2}(match|are|stand|do|have)\b/,
      de: /(?<!Stufe |Stufen |als |k = )\b1 (?:[A-Za-zäöüÄÖÜ]+ ){0,2}(entsprechen|sind|brachten|stehen|haben|zählen)\b/
    };
    expect(filledMatching(wrong)).toEqual([]);
  });

  it("choose forms only by counts, never by a level, a name or a label ('level-1 handoff')", () => {
    const misused = (["en", "de"] as const).flatMap((language) =>
      Object.entries(language === "en" ? en : de).flatMap(([key, text]) =>
        [...text.matchAll(/\{(\w+)\|/g)].filter((m) => notCounts.test(m[1])).map(() => `${language} ${key}`)
      )
    );
    expect(misused).toEqual([]);
  });
});

describe("numbers through Intl", () => {
  it("format counts, shares and intervals in each language", () => {
    expect(formatCount(14250, "en")).toBe("14,250");
    expect(formatCount(14250, "de")).toBe("14.250");
    expect(formatPercent(0.608, "de")).toBe("60,8\u00a0%");
    expect(formatInterval({lo: 0.094, hi: 0.906}, "de")).toBe("9,4–90,6\u00a0%");
  });
});
