import {describe, expect, it} from "vitest";
import {dateWindow} from "../../../loaders/pipeline/date-window.js";

const now = Date.parse("2026-11-28T10:15:30Z");

describe("dateWindow", () => {
  it("ends at the build's clock when the data does not say when it was exported", () => {
    expect(dateWindow(undefined, now)).toEqual({
      earliest: "1970-01-01 00:00:00",
      latest: "2026-11-28 10:15:30",
      latestFrom: "build"
    });
  });

  it("ends at the export date when dataset.json gives one", () => {
    expect(dateWindow("2025-03-31T18:00:00+02:00", now)).toEqual({
      earliest: "1970-01-01 00:00:00",
      latest: "2025-03-31 16:00:00",
      latestFrom: "export"
    });
  });

  it("spans at most 60 years, so that every span fits the extract's 32-bit seconds", () => {
    const window = dateWindow(undefined, Date.parse("2041-02-03T04:05:06Z"));
    expect(window.earliest).toBe("1981-02-03 04:05:06");
    const seconds = (Date.parse(window.latest + "Z") - Date.parse(window.earliest + "Z")) / 1000;
    expect(seconds).toBeLessThan(2 ** 31);
  });

  it("refuses an export date that is no date or lies in the future", () => {
    expect(() => dateWindow("yesterday", now)).toThrow('dataset.json: exportedAt: "yesterday" is not an ISO 8601 date');
    expect(() => dateWindow("2027-01-01", now)).toThrow("dataset.json: exportedAt: 2027-01-01 is in the future");
  });
});
