// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {flowsTable} from "../../src/components/flows-table.js";
import type {LevelFlow} from "../../src/lib/analysis/timing.js";

const flow: LevelFlow = {
  level: 2,
  handoffs: 12,
  accepted: 9,
  rejected: 3,
  recycled: 1,
  lost: 4,
  won: 5,
  open: 2,
  rejectionRate: {k: 3, n: 12, rate: 0.25, lo: 0.09, hi: 0.53},
  reasons: [{outcome: "rejected", reason: "<b>no budget</b>", count: 3}]
};

describe("flowsTable", () => {
  it("writes one row per level, marks a small n, and renders the export's reasons as text", () => {
    const table = flowsTable([flow], {levelLabel: (d) => `L${d}`, minN: 30});
    const cells = [...table.querySelectorAll("tbody td")].map((d) => d.textContent!.replace(/\s+/g, " ").trim());
    expect(cells[0]).toBe("L2");
    expect(cells.slice(1, 3)).toEqual(["12", "9"]);
    expect(cells[3]).toMatch(/^3 \(25\.0%, .*\) small n$/);
    expect(cells.slice(4, 8)).toEqual(["1", "4", "5", "2"]);
    expect(cells[8]).toBe("rejected: <b>no budget</b> (3)");
    expect(table.querySelector("b")).toBeNull();
    expect(table.querySelectorAll("thead th")).toHaveLength(9);
    // Scrolled sideways to the reasons, the level stays in sight.
    expect(table.querySelector("table")!.classList.contains("sticky-1")).toBe(true);
  });
});
