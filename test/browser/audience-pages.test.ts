import {describe, expect, inject, it} from "vitest";
import {cleanLoad, openAndCapture, openPage, problemsOf, screenshot, useBrowser} from "../helpers/browser.js";

const pages = [
  {path: "/timing", ready: "#chart-level-mix svg", name: "timing"},
  {path: "/campaigns", ready: "#group-table table", name: "campaigns"},
  {path: "/conversion", ready: "#chart-funnel svg", name: "conversion"}
];

const browser = useBrowser();

describe.each(["fixture", "sample", "olist"] as const)("the audience pages on the %s build", (site) => {
  it.each(pages)("$path renders its charts without errors or requests off loopback", async ({path, ready, name}) => {
    const watched = await openAndCapture(browser(), inject("sites")[site].url, path, ready, `${site}-${name}`);
    expect(problemsOf(watched)).toEqual(cleanLoad);
    expect(await watched.page.locator("svg[class^='plot']").count()).toBeGreaterThan(0);
    await watched.page.close();
  });
});

describe("the campaign table on the sample, one month", () => {
  it("says a group without a closed handoff has no rate, n = 0, instead of leaving the cell empty", async () => {
    const url = inject("sites").sample.url;
    const watched = await openAndCapture(
      browser(),
      url,
      "/campaigns?from=2025-12&to=2025-12",
      "#group-table table",
      "campaigns-one-month"
    );
    const headers = await watched.page.locator("#group-table thead th").allInnerTexts();
    const column = (name: string) => headers.findIndex((d) => d.trim().startsWith(name));
    const rows = await watched.page.locator("#group-table tbody tr").allInnerTexts();
    const empty = rows.filter((d) => d.includes("n = 0"));
    expect(empty.length).toBeGreaterThan(0);
    for (const row of empty) expect(row.split("\t")[column("Win rate")]).toBe("– (–, n = 0)");
    // No win, no hours per win: the cell says so instead of staying empty (the level mix is a picture, no text).
    for (const row of rows) {
      const cells = row.split("\t");
      expect(cells.filter((d, i) => i > 0 && i !== column("Level mix") && d.trim() === "")).toEqual([]);
    }
    for (const row of empty) expect(row.split("\t")[column("Sales hours / win")]).toBe("–");
    // The rates come right after the name: at laptop widths the later columns are out of sight.
    expect(column("Win rate")).toBe(column("Campaign") + 1);
    expect(problemsOf(watched)).toEqual(cleanLoad);
    await watched.page.close();
  });
});

describe("the conversion page on the sample's last month alone", () => {
  it("says no cohort can be drawn yet instead of an empty chart with one tick, 0.000000", async () => {
    const url = inject("sites").sample.url;
    const watched = await openAndCapture(
      browser(),
      url,
      "/conversion?from=2025-12&to=2025-12",
      "#chart-funnel svg",
      "conversion-one-month"
    );
    const card = watched.page.locator("#chart-cohorts");
    await expect(card.locator(".unavailable").innerText()).resolves.toMatch(/^No cohort can be drawn yet/);
    expect(await card.locator("svg").count()).toBe(0);
    expect(problemsOf(watched)).toEqual(cleanLoad);
    await watched.page.close();
  });
});

describe("the campaign table on a laptop (the sample at 1024 px, sidebar open)", () => {
  it("shows rank, name and both rates without scrolling, and keeps the name in place when scrolled sideways", async () => {
    const url = inject("sites").sample.url;
    const watched = await openPage(browser(), url, "/campaigns", {width: 1024, height: 900}, "open");
    const page = watched.page;
    await page.waitForSelector("#group-table tbody tr");
    const form = page.locator("#group-table form");
    const box = (await form.boundingBox())!;
    const headers = page.locator("#group-table thead th");
    const texts = await headers.allInnerTexts();
    const header = (name: string) => headers.nth(texts.findIndex((d) => d.replace(/\s+/g, " ").startsWith(name)));
    const right = async (name: string) => {
      const b = (await header(name).boundingBox())!;
      return b.x + b.width;
    };
    // The table is wider than its card: it scrolls, but what it ranks by is in sight without scrolling.
    expect(await form.evaluate((d) => d.scrollWidth > d.clientWidth)).toBe(true);
    expect(await right("Shrunk rate")).toBeLessThanOrEqual(box.x + box.width);
    const name = page.locator("#group-table tbody tr").first().locator("td").nth(2);
    // Scrolling anyway, the name keeps room to be read ("Partner referral · Consulting 2025-…"): at 150 px it was cut
    // to "Partner referral · Consu…", its quarter lost.
    expect((await name.boundingBox())!.width).toBeGreaterThanOrEqual(210);
    const before = (await name.boundingBox())!.x;
    const lastBefore = (await headers.last().boundingBox())!.x;
    await form.evaluate((d) => (d.scrollLeft = d.scrollWidth));
    // Scrolled to the end: the last column moved into sight, the name did not move.
    expect((await headers.last().boundingBox())!.x).toBeLessThan(lastBefore - 100);
    expect((await name.boundingBox())!.x).toBe(before);
    expect(await right("Sales hours / win")).toBeLessThanOrEqual(box.x + box.width + 1);
    // The cells scrolled under the name do not show through it: it has the card's opaque background.
    expect(await name.evaluate((d) => getComputedStyle(d).backgroundColor)).toMatch(/^rgb\(/);
    expect(problemsOf(watched)).toEqual(cleanLoad);
    await page.close();
  });

  it("fits a 1280-px laptop without scrolling, in English and German, a long name cut with its tooltip", async () => {
    for (const lang of ["en", "de"]) {
      const url = inject("sites").sample.url;
      const watched = await openPage(browser(), url, `/campaigns?lang=${lang}`, {width: 1280, height: 900}, "open");
      const form = watched.page.locator("#group-table form");
      await watched.page.waitForSelector("#group-table tbody tr");
      // Ten columns and a 220-px name: before, 1,032 px (English) and 1,129 px (German) in an 878-px card.
      expect(await form.evaluate((d) => d.scrollWidth - d.clientWidth), lang).toBeLessThanOrEqual(0);
      const names = watched.page.locator("#group-table tbody .group-name > span:first-child");
      const cut = await names.evaluateAll((spans) =>
        spans.filter((d) => d.scrollWidth > d.clientWidth).map((d) => [d.textContent, d.getAttribute("title")])
      );
      expect(cut.length, lang).toBeGreaterThan(0);
      for (const [text, title] of cut) expect(title).toBe(text);
      expect(problemsOf(watched)).toEqual(cleanLoad);
      await watched.page.close();
    }
  });
});

describe("the period comparison in the default view (the sample: all of its data in the filters)", () => {
  it("says how to compare a shorter period instead of 'nothing to compare with'", async () => {
    const watched = await openPage(browser(), inject("sites").sample.url, "/timing");
    await watched.page.waitForSelector("#period-comparison .compare-sentence");
    const text = await watched.page.locator("#period-comparison").innerText();
    expect(text).toContain("The data begins in 2024-01, so nothing before 2024-01 – 2025-12 can be compared with it.");
    expect(text).not.toContain("nothing to compare with");
    expect(problemsOf(watched)).toEqual(cleanLoad);
    await watched.page.close();
  });
});

describe("filters, the URL and drill-down on the fixture", () => {
  const base = () => inject("sites").fixture.url;

  it("a filter changes the numbers and lands in the URL; opening that URL restores the view", async () => {
    const watched = await openAndCapture(browser(), base(), "/timing", "#chart-sales-time svg", "timing-before-filter");
    const page = watched.page;
    expect(await page.locator("#kpi-handoffs .big").innerText()).toBe("10");
    await page
      .locator("form.filter-bar form", {has: page.locator("label", {hasText: /^Source$/})})
      .locator("select")
      .selectOption({label: "Events"});
    await page.waitForFunction(() => document.querySelector("#kpi-handoffs .big")?.textContent === "4");
    expect(page.url()).toContain("source=Events");
    const flows = await page.locator("#flows tbody tr").first().innerText();
    expect(flows.split("\t").slice(0, 2)).toEqual(["1 · Any contact", "1"]);
    const restored = await openAndCapture(browser(), page.url(), "", "#chart-sales-time svg", "timing-restored");
    expect(await restored.page.locator("#kpi-handoffs .big").innerText()).toBe("4");
    const restoredSource = restored.page
      .locator("form.filter-bar form", {has: restored.page.locator("label", {hasText: /^Source$/})})
      .locator("select");
    expect(await restoredSource.inputValue()).not.toBe("0");
    expect(problemsOf(watched)).toEqual(cleanLoad);
    await page.close();
    await restored.page.close();
  });

  it("the filters work from the keyboard alone", async () => {
    const watched = await openAndCapture(browser(), base(), "/conversion", "#chart-funnel svg", "conversion-keyboard");
    const page = watched.page;
    const source = page.locator("form.filter-bar select").nth(3);
    await source.focus();
    await page.keyboard.press("ArrowDown"); // the first source after "All"
    await page.waitForFunction(() => location.search.includes("source="));
    expect(page.url()).toMatch(/source=[^&]+/);
    await page.close();
  });

  it("clicking a row of the campaign table opens its detail and lists its handoffs with pseudonyms", async () => {
    const watched = await openAndCapture(browser(), base(), "/campaigns", "#group-table table", "campaigns-detail");
    const page = watched.page;
    await page.locator("#group-table tbody tr", {hasText: "Webinar Q1"}).locator("input").check();
    await page.waitForSelector("#detail svg");
    expect(await page.locator("#detail h2").innerText()).toBe("Campaign: Webinar Q1");
    expect(await page.locator("#detail").innerText()).toContain(
      "4 handoffs: 2 won, 1 lost, 0 rejected, 1 recycled, 0 open"
    );
    await page.locator("#detail input[type=checkbox]").check();
    await page.waitForSelector("#detail .drilldown table");
    const leads = await page.locator("#detail .drilldown tbody tr td:first-child").allInnerTexts();
    expect(leads).toHaveLength(4);
    for (const lead of leads) expect(lead).toMatch(/^P-[0-9a-f]{20}$/);
    expect(await page.locator("#detail .drilldown a[download]").getAttribute("download")).toBe("handoffs-campaign.csv");
    await screenshot(page, "campaigns-drilldown");
    expect(problemsOf(watched)).toEqual(cleanLoad);
    await page.close();
  });

  it("clicking a funnel bar lists the handoffs behind it", async () => {
    const watched = await openAndCapture(browser(), base(), "/conversion", "#chart-funnel svg", "conversion-drill");
    const page = watched.page;
    await page.locator("#drilldown select").selectOption({label: "3 · Need: won"});
    await page.waitForSelector("#drilldown .drilldown table");
    expect(await page.locator("#drilldown .drilldown p").innerText()).toContain(": 1 handoff.");
    // Hover a bar, then click it: Plot's pointer picks the bar under the mouse.
    const bar = page.locator("#chart-funnel g[data-mark='bar'] rect").first();
    await bar.hover();
    await bar.click();
    await page.waitForFunction(() =>
      document.querySelector("#drilldown .drilldown p")?.textContent?.includes("1 · Any contact")
    );
    expect(await page.locator("#drilldown .drilldown p").innerText()).toMatch(
      /1 · Any contact, reached “handed off” \(in-order\): 2 handoffs/
    );
    expect(problemsOf(watched)).toEqual(cleanLoad);
    await page.close();
  });
});

describe("the handoff timing page in German", () => {
  it("reads in German, bins and reading included, and the drill-down still works", async () => {
    const watched = await openAndCapture(
      browser(),
      inject("sites").fixture.url,
      "/timing?lang=de",
      "#chart-sales-time svg",
      "timing-de"
    );
    const page = watched.page;
    expect(await page.locator("h1").first().innerText()).toBe("Übergabe-Timing");
    expect(await page.locator("#reading").innerText()).toMatch(/Vertriebsstunden auf abgeschlossenen Übergaben/);
    expect((await page.locator("#chart-win-by-days svg text").allTextContents()).join(" ")).toContain("1–3 Tage");
    await page
      .locator("#drilldown select")
      .selectOption({label: "1 · Jeder Kontakt: verloren, abgelehnt oder zurückgegeben"});
    await page.waitForSelector("#drilldown .drilldown table");
    expect(await page.locator("#drilldown .drilldown tbody tr").count()).toBe(2);
    expect(problemsOf(watched)).toEqual(cleanLoad);
    await page.close();
  });
});

describe("the hourly rate box on the fixture's German timing page", () => {
  it("never shows a rate the page does not use: a decimal is marked, then replaced when the box is left", async () => {
    const url = inject("sites").fixture.url;
    const watched = await openAndCapture(browser(), url, "/timing?lang=de", "#chart-sales-time svg", "timing-rate");
    const page = watched.page;
    const box = page.locator("form.filter-bar form", {
      has: page.locator("label", {hasText: /^Kosten je Vertriebsstunde/})
    });
    const input = box.locator("input[type=number]");
    const costNote = page.locator("#kpi-cost p");
    expect(await costNote.innerText()).toContain("120");
    // Any whole number (the rate went in steps of 5: 123 was shown and 120 used).
    await input.fill("123");
    await page.waitForFunction(() => document.querySelector("#kpi-cost p")?.textContent?.includes("123"));
    expect(page.url()).toContain("rate=123");
    await input.fill("85.5");
    expect(await input.evaluate((d: HTMLInputElement) => d.matches(":invalid"))).toBe(true);
    await input.press("Tab");
    expect(await input.inputValue()).toBe("123");
    expect(await costNote.innerText()).toContain("123");
    expect(await input.getAttribute("title")).toBe("Eine ganze Zahl von 0 bis 1.000");
    expect(problemsOf(watched)).toEqual(cleanLoad);
    await page.close();
  });
});

describe("the conversion page in German", () => {
  it("reads in German, and a click on a funnel bar lists its handoffs under a German title", async () => {
    const watched = await openAndCapture(
      browser(),
      inject("sites").fixture.url,
      "/conversion?lang=de",
      "#chart-funnel svg",
      "conversion-de"
    );
    const page = watched.page;
    expect(await page.locator("h1").first().innerText()).toBe("Konversion bis zum Abschluss");
    expect(await page.locator("#chart-funnel").innerText()).toContain("angenommen");
    const bar = page.locator("#chart-funnel g[data-mark='bar'] rect").first();
    await bar.hover();
    await bar.click();
    await expect
      .poll(() => page.locator("#drilldown .drilldown p").innerText())
      .toMatch(/1 · Jeder Kontakt, „übergeben“ erreicht \(in-order\): 2 Übergaben/);
    expect(problemsOf(watched)).toEqual(cleanLoad);
    await page.close();
  });
});
