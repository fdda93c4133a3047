// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {comparisonSentence, percentChange, periodComparison} from "../../src/components/period-comparison.js";
import {comparePeriods, type PeriodFigures} from "../../src/lib/analysis/periods.js";

/** A period's figures from its handoffs, wins and closed handoffs per level. */
function figures(from: string, to: string, byLevel: [number, number, number][]): PeriodFigures {
  const sum = (i: number) => byLevel.reduce((s, d) => s + d[i], 0);
  return {
    period: {from, to},
    handoffs: sum(0),
    won: sum(1),
    closed: sum(2),
    byLevel: byLevel.map(([handoffs, won, closed]) => ({handoffs, won, closed}))
  };
}

const options = {levelLabel: (level: number) => `L${level}`, rateName: "Win rate", width: 640};
const cells = (card: Element) =>
  [...card.querySelectorAll("tbody tr")].map((tr) =>
    [...tr.querySelectorAll("td")].map((td) => td.textContent!.replace(/\s+/g, " ").trim())
  );

describe("periodComparison", () => {
  it("compares handoffs, win rate and level shares of both periods, each with its n, and charts the mix", () => {
    const current = figures("2025-10", "2025-12", [
      [60, 6, 50],
      [40, 10, 30]
    ]);
    const earlier = figures("2025-07", "2025-09", [
      [50, 5, 45],
      [50, 10, 40]
    ]);
    const card = periodComparison(comparePeriods(current, earlier), options) as HTMLElement;
    const rows = cells(card);
    expect(rows.map((d) => d[0])).toEqual(["Handoffs", "Win rate", "Share at L1", "Share at L2"]);
    expect(rows[0].slice(1, 3)).toEqual(["100", "100"]);
    expect(rows[1][1]).toBe("20.0% (n = 80)");
    expect(rows[1][2]).toBe("17.6% (n = 85)");
    expect(rows[1][3]).toBe("+2.4 (−9.6 to +14.4)");
    expect(card.querySelector("svg")).not.toBeNull();
    expect(card.querySelector(".compare-sentence")!.textContent).toBe(
      "Win rate: changed by +2.4 points, but the 95% interval (−9.6 to +14.4) includes zero: within noise, the data " +
        "cannot tell the change from chance."
    );
  });

  it("writes the handoffs' change in each language's percent format: '+18.6%' in English (it had '+18.6 %')", () => {
    const current = figures("2025-10", "2025-12", [[3487, 10, 20]]);
    const earlier = figures("2025-07", "2025-09", [[2939, 10, 20]]);
    expect(cells(periodComparison(comparePeriods(current, earlier), options) as HTMLElement)[0][3]).toBe("+18.6%");
    expect(percentChange(-0.186, "de")).toBe("−18,6\u00a0%");
    expect(percentChange(0.0001)).toBe("±0.0%");
  });

  it("says there is nothing to compare, without an empty table or chart, when the earlier period has no handoff", () => {
    const current = figures("2024-01", "2025-12", [[100, 10, 80]]);
    const earlier = figures("2022-01", "2023-12", [[0, 0, 0]]);
    const comparison = comparePeriods(current, earlier);
    const card = periodComparison(comparison, options) as HTMLElement;
    expect(card.querySelector("table")).toBeNull();
    expect(card.querySelector("svg")).toBeNull();
    expect(card.textContent!.trim()).toBe(comparisonSentence(comparison, "Win rate"));
    expect(card.textContent).toContain("The data has no handoffs in 2022-01 – 2023-12");
  });

  it("tells how to compare when the earlier period lies before the data (the default view: all of the data)", () => {
    const comparison = comparePeriods(
      figures("2024-01", "2025-12", [[100, 10, 80]]),
      figures("2022-01", "2023-12", [[0, 0, 0]])
    );
    const card = periodComparison(comparison, {...options, firstMonth: "2024-01"}) as HTMLElement;
    expect(card.textContent!.trim()).toBe(
      "The data begins in 2024-01, so nothing before 2024-01 – 2025-12 can be compared with it. Choose a later or " +
        "shorter period under From and To (the last quarter, say) to compare it with the one before or a year earlier."
    );
    // An earlier period inside the data that merely holds no handoff is still said to be empty.
    expect(comparisonSentence(comparison, "Win rate", "2021-06")).toContain("The data has no handoffs in 2022-01");
  });

  it("names a single month once: 'in 2025-01', not 'from 2025-01 to 2025-01'", () => {
    const comparison = comparePeriods(
      figures("2025-02", "2025-02", [[5, 1, 4]]),
      figures("2025-01", "2025-01", [[0, 0, 0]])
    );
    expect(comparisonSentence(comparison, "Win rate")).toBe(
      "The data has no handoffs in 2025-01: there is nothing to compare with."
    );
  });
});
