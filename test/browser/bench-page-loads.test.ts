// The bench's measurement of the chart pages, run on the fixture site: each page must draw its first chart and log
// no error, or the report's figures would time a broken page.
import {describe, expect, inject, it} from "vitest";
import {chartPages, measurePageLoads} from "../../loaders/tools/bench/page-loads.js";
import {freshPage, launchChromium} from "../../loaders/tools/bench/chromium.js";

describe("the bench's chart pages measurement", () => {
  it("times every chart page's first chart as often as asked, and the pages log no error", async () => {
    // The fixture records no scorecard answers: its scorecard page says so instead of drawing a chart.
    const pages = chartPages.filter((d) => d !== "/scorecard");
    const loads = await measurePageLoads(inject("sites").fixture.directory, 2, pages);
    expect(loads.errors).toEqual([]);
    expect(Object.keys(loads.firstChart)).toEqual(pages);
    for (const times of Object.values(loads.firstChart)) {
      expect(times).toHaveLength(2);
      for (const ms of times) (expect(ms).toBeGreaterThan(0), expect(ms).toBeLessThan(60_000));
    }
  });

  it("records what a page logs as an error and what it throws, each after the page's prefix", async () => {
    const browser = await launchChromium();
    try {
      const errors: string[] = [];
      const page = await freshPage(browser, errors, "/x: ");
      await page.setContent(`<script>console.error("logged\\nsecond line"); throw new Error("thrown")</script>`);
      await expect.poll(() => errors.length).toBe(2);
      expect(errors.sort()).toEqual(["/x: logged", "/x: thrown"]);
    } finally {
      await browser.close();
    }
  });
});
