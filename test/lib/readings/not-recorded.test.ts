import {describe, expect, it} from "vitest";
import {fullLimits} from "../../../src/lib/core/dataset.js";
import {notRecordedText, recordsEverything} from "../../../src/lib/readings/not-recorded.js";

describe("notRecordedText", () => {
  it("names what an export lacks, in either language (the win/loss example has no evidence and no sales hours)", () => {
    const limits = {...fullLimits, evidence: false, salesHours: false, calendar: false};
    expect(notRecordedText(limits, "en")).toBe(
      "Not recorded in this data: qualification evidence (every handoff is at level 1) and sales hours. The views " +
        "that need them say so instead of showing zeros."
    );
    expect(notRecordedText(limits, "de")).toMatch(
      /^In diesen Daten nicht erfasst: Qualifizierungsnachweise \(jede Übergabe steht auf Stufe 1\) und Vertriebsstunden\./
    );
    expect(recordsEverything(limits)).toBe(false);
  });

  it("says nothing for complete data, and leaves a snapshot's missing handoff time to the times note", () => {
    expect(notRecordedText(fullLimits, "en")).toBeNull();
    expect(recordsEverything(fullLimits)).toBe(true);
    expect(notRecordedText({...fullLimits, eventTimes: false, handoffTimestamp: false}, "en")).toBeNull();
    expect(notRecordedText({...fullLimits, handoffTimestamp: false}, "en")).toContain(
      "when a lead was handed to sales"
    );
  });

  it("is not fooled into 'complete' by data that lacks only times", () => {
    expect(recordsEverything({...fullLimits, calendar: false})).toBe(false);
  });
});
