import {describe, expect, inject, it} from "vitest";
import {cleanLoad, openAndCapture, problemsOf, screenshot, useBrowser} from "../helpers/browser.ts";

const browser = useBrowser();

describe("the policy simulator", () => {
  it("classifies the build's ladder in the browser exactly as the loader did, on the sample", async () => {
    const watched = await openAndCapture(
      browser(),
      inject("sites").sample.url,
      "/simulator",
      "#chart-net-value svg",
      "sample-simulator"
    );
    const check = await watched.page.locator("#classifier-check").innerText();
    expect(check).toMatch(/^✓ /);
    const [browserCounts, loaderCounts] = [...check.matchAll(/gives ([\d,/ ]+) handoffs|gave ([\d,/ ]+)\./g)].map((m) =>
      (m[1] ?? m[2]).trim()
    );
    expect(browserCounts).toBe(loaderCounts);
    expect(await watched.page.locator("#recommendation").innerText()).toMatch(/bootstrap samples/);
    expect(await watched.page.locator("#policies tbody tr").count()).toBe(5);
    // The wait to reach k, read from when the evidence came: none for k = 1, weeks with an interval and n above.
    const waits = await watched.page.locator("#policies tbody tr td:nth-child(4)").allInnerTexts();
    expect(waits[0]).toBe("—");
    for (const wait of waits.slice(1)) expect(wait).toMatch(/^\d+(\.\d)? \(\d+ … \d+, n = [\d,]+\)$/);
    expect(problemsOf(watched)).toEqual(cleanLoad);
    await watched.page.close();
  });

  it("re-classifies every chart when the ladder is edited", async () => {
    const watched = await openAndCapture(
      browser(),
      inject("sites").fixture.url,
      "/simulator",
      "#chart-net-value svg",
      "simulator-before-edit"
    );
    const page = watched.page;
    const bars = () => page.locator("#level-mix g[aria-label='text'] text").allTextContents();
    expect(await bars()).toEqual(["2", "3", "2", "1", "2"]);
    // Four levels: MAN-T joins requirements at level 4, so L04 (budget learned after its handoff) drops to level 3.
    await page
      .locator("#ladder-editor label", {hasText: "Levels"})
      .locator("xpath=..")
      .locator("select")
      .selectOption({label: "4"});
    await expect.poll(bars).toEqual(["2", "3", "3", "2"]);
    expect(await page.locator("#policies tbody tr").count()).toBe(4);
    // The six-level example ladder: one more threshold to simulate.
    await page.locator("#ladder-editor select").first().selectOption({label: "Six levels (MAN and T apart)"});
    await expect.poll(() => page.locator("#policies tbody tr").count()).toBe(6);
    await expect.poll(bars).toEqual(["2", "3", "2", "1", "0", "2"]);
    await screenshot(page, "simulator-six-levels");
    // A level left without evidence is not a ladder: the page says so and keeps the last valid one.
    await page
      .locator("#ladder-editor label", {hasText: "budget confirmed"})
      .locator("xpath=..")
      .locator("select")
      .selectOption({label: "level 6"});
    await page
      .locator("#ladder-editor label", {hasText: "authority confirmed"})
      .locator("xpath=..")
      .locator("select")
      .selectOption({label: "level 6"});
    await page.waitForSelector(".ladder-message.error");
    expect(await page.locator(".ladder-message").innerText()).toMatch(
      /^Not a ladder yet: levels\[4\]\.requires: every level above the first requires evidence/
    );
    expect(problemsOf(watched)).toEqual(cleanLoad);
    await page.close();
  });
});

describe("the policy simulator in German", () => {
  it("recommends in German with German numbers, and the ladder editor speaks German", async () => {
    const watched = await openAndCapture(
      browser(),
      inject("sites").sample.url,
      "/simulator?lang=de",
      "#chart-net-value svg",
      "simulator-de"
    );
    const page = watched.page;
    expect(await page.locator("#recommendation").innerText()).toMatch(/Bootstrap-Stichproben/);
    expect(await page.locator("#classifier-check").innerText()).toMatch(
      /^✓ Die Leiter des Builds, in diesem Browser eingestuft, ergibt \d\.\d{3} \//
    );
    expect(await page.locator("#ladder-editor").innerText()).toContain("Budget bestätigt");
    expect(problemsOf(watched)).toEqual(cleanLoad);
    await page.close();
  });
});
