import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import type {Browser} from "playwright-core";
import {launchChromium, openPage, screenshot, type WatchedPage} from "../helpers/browser.js";

describe("the data quality page in Chromium, built from the fixture", () => {
  let browser: Browser;
  let quality: WatchedPage;
  beforeAll(async () => {
    browser = await launchChromium();
    quality = await openPage(browser, inject("sites").fixture.url, "/quality");
    await quality.page.waitForSelector("#model-files table");
    await screenshot(quality.page, "quality");
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("loads without console errors, failed requests or any request off loopback", () => {
    expect(quality.consoleErrors).toEqual([]);
    expect(quality.failedRequests).toEqual([]);
    expect(quality.externalRequests).toEqual([]);
  });

  it("reconciles every file: rows read = used + rejected", async () => {
    const rows = await quality.page.locator("#model-files table.reconciliation tbody tr").allInnerTexts();
    expect(rows.map((d) => d.split("\t").slice(0, 4))).toEqual([
      ["leads.csv", "13", "10", "3"],
      ["events.csv", "73", "64", "9"]
    ]);
    expect(rows.every((d) => d.includes("✓ read = used + rejected"))).toBe(true);
  });

  it("lists every reject reason with its count and example rows, lead IDs pseudonymised", async () => {
    const rows = await quality.page.locator("#model-files table.reasons").first().locator("tbody tr").allInnerTexts();
    expect(rows).toHaveLength(12);
    const text = rows.join("\n");
    expect(text).toContain("unknown event type\t1\t72: meeting");
    expect(text).toMatch(/duplicate lead_id\t1\t5: P-[0-9a-f]{20}/);
    expect(text).not.toMatch(/\bL03\b|\bL77\b|\bL99\b/);
  });

  it("gives every reason and the pipeline's column descriptions in German on the German page", async () => {
    const german = await openPage(browser, inject("sites").fixture.url, "/quality?lang=de");
    await german.page.waitForSelector("#model-files table.reasons");
    const cells = (page: WatchedPage, column: number) =>
      page.page.locator(`#model-files table.reasons tbody tr td:nth-child(${column})`).allInnerTexts();
    const [english, deutsch] = [await cells(quality, 3), await cells(german, 3)];
    expect(deutsch).toHaveLength(english.length);
    expect(deutsch).toContain("unbekannter Ereignistyp");
    expect(deutsch).toContain("lead_id doppelt");
    // Not one reason left in English.
    for (const [i, reason] of deutsch.entries()) expect(reason, english[i]).not.toBe(english[i]);
    expect(await cells(german, 2)).not.toContain("(whole row)");
    expect(german.consoleErrors).toEqual([]);
    await german.page.close();
  });

  it("says the data records everything when it is in the canonical model", async () => {
    const card = await quality.page.locator("#dataset").innerText();
    expect(card).toContain("The data records everything the dashboard uses");
    // The heading says it is Leadstage's own model; the built-in English description repeated it, in German too.
    expect(card).not.toContain("Leads and events in Leadstage's own model.");
  });
});
