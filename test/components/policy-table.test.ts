// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {policyTable} from "../../src/components/policy-table.js";
import type {PolicyResult} from "../../src/lib/simulator/decision.js";
import type {PolicyFigures} from "../../src/lib/simulator/simulator.js";

/** Five thresholds whose every figure is k under "bar" and 2k under "self", with an interval around them. */
const policies: PolicyResult[] = [1, 2, 3, 4, 5].map((k) => {
  const figures = (x: number) =>
    Object.fromEntries(
      ["handoffsToSales", "deferred", "reached", "wins", "salesHours", "revenue", "netValue"].map((f) => [f, x])
    ) as unknown as PolicyFigures;
  const interval = {lo: k - 1, hi: 2 * k + 1};
  const all = Object.fromEntries(Object.keys(figures(0)).map((f) => [f, interval])) as PolicyResult["intervals"];
  return {
    k,
    bar: figures(k),
    self: figures(2 * k),
    barMissing: false,
    intervals: all,
    changes: all,
    best: {bar: 0.2, self: 0.2, both: 0.2}
  };
});

/** The table's body as text, cell by cell. */
const cells = (table: HTMLTableElement) =>
  [...table.querySelectorAll("tbody tr")].map((row) => [...row.querySelectorAll("td")].map((d) => d.textContent));

describe("policyTable", () => {
  it("gives each threshold its row, k = 1 marked as what actually happened, the best share in the last cell", () => {
    const rows = cells(policyTable(policies, {levelName: (k) => `L${k}`}) as HTMLTableElement);
    expect(rows.map((d) => d[0])).toEqual(["1 · L1 (actual)", "2 · L2", "3 · L3", "4 · L4", "5 · L5"]);
    expect(rows.every((d) => d.length === 9 && /%$/.test(d[8] ?? ""))).toBe(true);
  });

  it("keeps the policy's column in place when the table scrolls sideways", () => {
    expect(policyTable(policies).classList.contains("sticky-1")).toBe(true);
  });

  it("says 'not recorded' instead of zeros for what the data lacks, and ranks nothing then", () => {
    const table = policyTable(policies, {unmeasured: ["amounts"]}) as HTMLTableElement;
    const rows = cells(table);
    // Revenue and the net value rest on the amounts; sales hours and wins are still measured.
    for (const row of rows) {
      expect([row[5], row[6]]).toEqual(["not recorded", "not recorded"]);
      expect([row[7], row[8]]).toEqual(["–", "–"]);
      expect(row[3]).not.toBe("not recorded");
    }
    const noHours = cells(policyTable(policies, {unmeasured: ["salesHours"]}) as HTMLTableElement);
    expect(noHours.map((d) => [d[3], d[5] === "not recorded", d[6]])).toEqual(
      policies.map(() => ["not recorded", false, "not recorded"])
    );
  });
});
