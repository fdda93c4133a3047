import {describe, expect, it} from "vitest";
import {
  currencySymbol,
  formatCount,
  formatDayInterval,
  formatDays,
  formatInterval,
  formatList,
  formatMoney,
  formatNumber,
  formatPercent
} from "../../../src/lib/i18n/format.js";
import {wilson} from "../../../src/lib/core/stats.js";

describe("number formats", () => {
  it("write counts, decimals, shares, intervals and days in each language", () => {
    expect([formatCount(12345, "en"), formatCount(12345, "de")]).toEqual(["12,345", "12.345"]);
    expect([formatNumber(1.25, 1, "en"), formatNumber(1.25, 2, "de")]).toEqual(["1.3", "1,25"]);
    expect(formatPercent(0.123, "en")).toBe("12.3%");
    expect(formatPercent(null, "en")).toBe("–");
    expect(formatInterval(wilson(1, 2), "en")).toMatch(/^\d+\.\d–\d+\.\d%$/);
    expect([formatDays(1, "en"), formatDays(4.5, "de"), formatDays(37, "en")]).toEqual([
      "1 day",
      "4,5 Tage",
      "37 days"
    ]);
  });

  it("write a span of days with the unit once, like an interval of shares", () => {
    expect(formatDayInterval({lo: 30, hi: 77}, "en")).toBe("30–77 days");
    expect(formatDayInterval({lo: 4.5, hi: 12}, "de")).toBe("4,5–12 Tage");
    expect(formatDayInterval({lo: null, hi: 12}, "en")).toBe("–");
    // Both ends would read "14": a decimal more, for both.
    expect(formatDayInterval({lo: 13.6, hi: 14.4}, "en")).toBe("13.6–14.4 days");
    expect(formatDayInterval({lo: 14.01, hi: 14.04}, "de")).toBe("14,01–14,04 Tage");
  });
});

describe("formatMoney", () => {
  it("writes an amount in the data's currency, as each language writes it", () => {
    expect(formatMoney(12345.4, "EUR", {language: "en"})).toBe("€12,345");
    // German puts a no-break space between the amount and the sign.
    expect(formatMoney(12345.4, "EUR", {language: "de"})).toBe("12.345\u00a0€");
    expect(formatMoney(2855, "USD", {language: "en"})).toBe("$2,855");
    expect(formatMoney(2855, "USD", {language: "de"})).toBe("2.855\u00a0$");
    expect(formatMoney(-1200, "CHF", {language: "en"})).toBe("-CHF\u00a01,200");
  });

  it("shortens large amounts when asked, and writes a dash for none", () => {
    expect(formatMoney(1_234_000, "USD", {language: "en", compact: true})).toBe("$1.2M");
    expect(formatMoney(null, "USD", {language: "en"})).toBe("–");
    expect(formatMoney(NaN, "USD", {language: "en"})).toBe("–");
  });

  it("names the currency's symbol for labels", () => {
    expect([currencySymbol("EUR", "en"), currencySymbol("USD", "en"), currencySymbol("BRL", "en")]).toEqual([
      "€",
      "$",
      "R$"
    ]);
  });
});

describe("formatList", () => {
  it("joins items with the language's own 'and' or 'or'", () => {
    expect(formatList(["a", "b", "c"], "disjunction", "en")).toBe("a, b, or c");
    expect(formatList(["a", "b", "c"], "disjunction", "de")).toBe("a, b oder c");
    expect(formatList(["a", "b"], "conjunction", "de")).toBe("a und b");
    expect(formatList(["a"], "disjunction", "en")).toBe("a");
  });
});
