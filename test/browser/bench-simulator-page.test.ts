// The bench's measurement of the simulator page, run on the fixture site: a measurement that breaks the page (or
// counts its own navigation as the page's error, as a 404 once did) must fail here, not in a report.
import {describe, expect, inject, it} from "vitest";
import {measureSimulator, simulatorLines} from "../../loaders/tools/bench/simulator-page.js";

describe("the bench's simulator page measurement", () => {
  it("measures every step as often as asked, on a working page, and reports no error", async () => {
    const timings = await measureSimulator(inject("sites").fixture.directory, {navigations: 2, edits: 2, decodes: 3});
    expect(timings.errors).toEqual([]);
    expect(timings.firstChart).toHaveLength(2);
    expect(timings.decodes).toHaveLength(3);
    expect(timings.edits).toHaveLength(2);
    expect(timings.reclassified).toHaveLength(2);
    for (const ms of [...timings.firstChart, ...timings.reclassified, ...timings.edits]) {
      expect(ms).toBeGreaterThan(0);
      expect(ms).toBeLessThan(60_000);
    }
    // The fixture's files decode within Chromium's timer step (0.1 ms): 0 is a measurement, NaN (never done) is not.
    for (const ms of timings.decodes.flat()) expect(ms).toBeGreaterThanOrEqual(0);
    expect(timings.decodes.flat().some((ms) => ms > 0)).toBe(true);
    expect(simulatorLines(timings).join("\n")).not.toMatch(/logged errors/);
  });
});
