// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {timesNote} from "../../src/components/times-note.js";
import {fullLimits} from "../../src/lib/core/dataset.js";

const dataset = (limits: Partial<typeof fullLimits>) => ({profile: "crm", limits: {...fullLimits, ...limits}});
const text = (note: HTMLElement | "") => (note === "" ? "" : note.textContent!.replace(/\s+/g, " ").trim());

describe("timesNote", () => {
  it("is empty where the data has its times and calendar dates", () => {
    expect(timesNote(dataset({}), "overview")).toBe("");
  });

  it("says once what a snapshot leaves out, with the leakage warning where levels meet wins", () => {
    const snapshot = dataset({eventTimes: false, calendar: false});
    const conversion = text(timesNote(snapshot, "conversion"));
    expect(conversion).toContain("No times in this export");
    expect(conversion).toContain("This export records no times (crm profile)");
    expect(conversion).toContain("Not shown here: wins within 30, 90 and 180 days");
    expect(conversion).toContain("leakage");
    expect(text(timesNote(snapshot, "timing"))).not.toContain("leakage");
  });

  it("names only the calendar's figures for durations without dates, and nothing on a page that needs none", () => {
    const durations = dataset({calendar: false});
    expect(text(timesNote(durations, "conversion"))).toContain("Not shown here: the cohorts by handoff month.");
    expect(text(timesNote(durations, "overview"))).toContain("No calendar dates in this export");
    expect(text(timesNote(durations, "overview"))).not.toContain("leakage");
    expect(timesNote(durations, "leadCheck")).toBe("");
  });
});
