/**
 * The period comparison on the sample build: a chosen quarter against the one before (and a year earlier), pinned;
 * the overview (from per-month counts) and the timing page (from the per-handoff files) must agree.
 */
import {describe, expect, inject, it} from "vitest";
import {openPage, useBrowser} from "../helpers/browser.js";

const browser = useBrowser();

async function comparisonOf(path: string) {
  const watched = await openPage(browser(), inject("sites").sample.url, path);
  const card = watched.page.locator("#period-comparison");
  await card.locator("table.compare-table tbody tr").first().waitFor();
  const rows = (await card.locator("table.compare-table tbody tr").allInnerTexts()).map((d) => d.split("\t"));
  const sentence = await card.locator(".compare-sentence").innerText();
  expect(watched.consoleErrors).toEqual([]);
  await watched.page.close();
  return {rows, sentence};
}

describe("comparing periods on the sample", () => {
  const q3 = [
    ["Handoffs", "2,939", "2,549", "+15.3%"],
    ["Win rate", "15.8% (n = 2,685)", "15.2% (n = 2,513)", "+0.7 (−1.3 to +2.6)"]
  ];

  it("timing: 2025-Q3 against Q2, within noise", async () => {
    const {rows, sentence} = await comparisonOf("/timing?from=2025-07&to=2025-09");
    expect(rows.slice(0, 2)).toEqual(q3);
    // The page's other headline rate, first contact within the 24-hour SLA, with its own interval.
    expect(rows[2][0]).toBe("First touch within 24 h");
    expect(rows[2][3]).toMatch(/^[+−±]\d+\.\d \([+−±]\d+\.\d to [+−±]\d+\.\d\)$/);
    expect(rows).toHaveLength(3 + 5);
    expect(sentence).toContain("within noise");
  });

  it("overview: the same quarter gives the same figures from its per-month counts", async () => {
    const {rows} = await comparisonOf("/?from=2025-07&to=2025-09");
    expect(rows.slice(0, 2)).toEqual(q3);
  });

  it("overview: 2025-Q2 against a year earlier, beyond noise", async () => {
    const {rows, sentence} = await comparisonOf("/?from=2025-04&to=2025-06&compare=year");
    expect(rows[1]).toEqual(["Win rate", "15.2% (n = 2,513)", "10.4% (n = 588)", "+4.8 (+1.7 to +7.4)"]);
    expect(sentence).toBe(
      "Win rate: up by 4.8 points (95% CI +1.7 to +7.4): beyond noise, the whole interval lies above zero."
    );
  });

  it("campaigns: compares under the page's other filters; no card when no comparison is chosen", async () => {
    const {rows} = await comparisonOf("/campaigns?from=2025-07&to=2025-09");
    expect(rows[0]).toEqual(q3[0]);
    const watched = await openPage(browser(), inject("sites").sample.url, "/campaigns?compare=none");
    await watched.page.locator("#group-table table").waitFor();
    expect(await watched.page.locator("#period-comparison").count()).toBe(0);
    await watched.page.close();
  });

  it("reads in German", async () => {
    const {rows, sentence} = await comparisonOf("/?from=2025-07&to=2025-09&lang=de");
    // German puts a no-break space between a number and its per cent sign.
    expect(rows[1]).toEqual([
      "Gewinnrate",
      "15,8\u00a0% (n = 2.685)",
      "15,2\u00a0% (n = 2.513)",
      "+0,7 (−1,3 bis +2,6)"
    ]);
    expect(sentence).toContain("im Rauschen");
  });
});
