import {describe, expect, it} from "vitest";
import {limitsReport} from "../../../loaders/import/limits-report.js";
import {fullLimits} from "../../../src/lib/core/dataset.js";

describe("limitsReport", () => {
  it("says in one line that a complete export shows every page", () => {
    expect(limitsReport(fullLimits)).toEqual([
      "every page can be shown: the export records times, outcomes, evidence, sales hours and amounts"
    ]);
  });

  it("tells a snapshot what it will and will not see, and warns of leakage", () => {
    const lines = limitsReport({...fullLimits, eventTimes: false, calendar: false, handoffTimestamp: false});
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^no times \(a snapshot\): not shown are days to handoff.*; shown are the level mix/);
    expect(lines[1]).toContain("leakage");
  });

  it("tells durations without a calendar that spans show and periods do not; one line per other gap", () => {
    const lines = limitsReport({...fullLimits, calendar: false, lostOutcome: false, amounts: false});
    expect(lines).toEqual([
      expect.stringMatching(/^durations but no calendar dates: days to handoff and to close are shown/),
      "no lost outcomes: shares won over all handoffs instead of win rates",
      "no deal amounts: revenue and deal size are not shown"
    ]);
  });
});
