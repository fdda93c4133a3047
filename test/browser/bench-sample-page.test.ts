// The bench's measurement of the sample site, run on the fixture site: the overview's first chart and the shared
// classifier re-classifying 100,000 handoffs in the page, both timed, or the report would print a broken page's time.
import {describe, expect, inject, it} from "vitest";
import {measureSamplePage} from "../../loaders/tools/bench/sample-page.js";

describe("the bench's sample page measurement", () => {
  it("times the first chart and a re-classification in the page", async () => {
    const {firstChart, reclassify} = await measureSamplePage(inject("sites").fixture.directory);
    expect(firstChart).toBeGreaterThan(0);
    expect(firstChart).toBeLessThan(60_000);
    // Nine runs over 100,000 handoffs in the page's own modules: a median of at least some work, never NaN.
    expect(reclassify).toBeGreaterThan(0);
    expect(reclassify).toBeLessThan(10_000);
  });
});
