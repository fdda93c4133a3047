import {describe, expect, it} from "vitest";
import {fullLimits, timesSinceHandoff} from "../../../src/lib/core/dataset.js";

describe("timesSinceHandoff", () => {
  it("allows times from the handoff only when the export records times and when the handoff happened", () => {
    expect(timesSinceHandoff(fullLimits)).toBe(true);
    // Olist: dates, but the handoff's instant is the first contact date standing in for it.
    expect(timesSinceHandoff({...fullLimits, handoffTimestamp: false})).toBe(false);
    // A snapshot: no times at all.
    expect(timesSinceHandoff({...fullLimits, eventTimes: false, calendar: false})).toBe(false);
  });
});
