import {describe, expect, it} from "vitest";
import {de} from "../../../src/lib/i18n/de.js";
import {en} from "../../../src/lib/i18n/en.js";
import {t} from "../../../src/lib/i18n/i18n.js";
import {formatCount, formatInterval, formatPercent} from "../../../src/lib/i18n/format.js";

describe("the dictionaries", () => {
  it("have the same keys and the same placeholders in English and German", () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[])
      expect(placeholders(de[key]), key).toEqual(placeholders(en[key]));
  });

  it("fill placeholders in the language asked for, English by default outside the browser", () => {
    expect(t("leadCheck.of", {max: 20})).toBe("of 20");
    expect(t("leadCheck.of", {max: 20}, "de")).toBe("von 20");
    expect(t("scorecard.readingBand", {band: "5–8", rate: "8,1 %", n: "2.773"}, "de")).toBe(
      "Punkte 5–8: 8,1 % gewonnen (n = 2.773)"
    );
  });
});

describe("numbers through Intl", () => {
  it("format counts, shares and intervals in each language", () => {
    expect(formatCount(14250, "en")).toBe("14,250");
    expect(formatCount(14250, "de")).toBe("14.250");
    expect(formatPercent(0.608, "de")).toBe("60,8\u00a0%");
    expect(formatInterval({k: 1, n: 2, rate: 0.5, lo: 0.094, hi: 0.906}, "de")).toBe("9,4–90,6\u00a0%");
  });
});
