/**
 * What a sales director takes to a meeting: every chart saved as a standalone SVG or as a PNG at twice its size, with
 * its title, period and n in the picture; and the overview printed to A4 without the sidebar and with its tables
 * whole.
 */
import {readFileSync} from "node:fs";
import {describe, expect, inject, it} from "vitest";
import {extractText} from "unpdf";
import {openPage, useBrowser} from "../helpers/browser.js";

const browser = useBrowser();

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Buffer): {width: number; height: number} {
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return {width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20)};
}

describe("saving a chart for a slide", () => {
  it("gives a standalone SVG with the chart's title, period and n, and a PNG of twice its size", async () => {
    const watched = await openPage(browser(), inject("sites").sample.url, "/");
    const {page} = watched;
    const card = page.locator("#chart-winrate");
    await card.locator(".chart-downloads button", {hasText: "SVG"}).waitFor();
    const [svgDownload] = await Promise.all([
      page.waitForEvent("download"),
      card.locator(".chart-downloads button", {hasText: "SVG"}).click()
    ]);
    expect(svgDownload.suggestedFilename()).toBe("winrate.svg");
    const svg = readFileSync((await svgDownload.path())!, "utf8");
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain("Eventual win rate per level");
    expect(svg).toContain("n = 14,250 handoffs");
    expect(svg).toMatch(/2024-01-0\d – 2025-12-31/);
    // Standalone: its own styles, nothing fetched from elsewhere.
    expect(svg).toContain("<style>");
    expect(svg).not.toMatch(/href=|url\(|@import/);
    const [width, height] = [/width="(\d+)"/.exec(svg)![1], /height="(\d+)"/.exec(svg)![1]].map(Number);

    const [pngDownload] = await Promise.all([
      page.waitForEvent("download"),
      card.locator(".chart-downloads button", {hasText: "PNG"}).click()
    ]);
    expect(pngDownload.suggestedFilename()).toBe("winrate.png");
    expect(pngSize(readFileSync((await pngDownload.path())!))).toEqual({width: 2 * width, height: 2 * height});

    // The SVG opens on its own, as an image in an empty page.
    const blank = await browser().newPage();
    const opened = await blank.evaluate(async (markup) => {
      const image = new Image();
      image.src = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(markup)))}`;
      await image.decode();
      return {width: image.naturalWidth, height: image.naturalHeight};
    }, svg);
    expect(opened).toEqual({width, height});
    await blank.close();
    expect(watched.consoleErrors).toEqual([]);
    await page.close();
  });
});

describe("printing the overview", () => {
  it("puts it on A4 without the sidebar, the controls or a cut table", async () => {
    const watched = await openPage(browser(), inject("sites").sample.url, "/", {width: 1280, height: 900});
    const {page} = watched;
    await page.waitForSelector("#chart-winrate svg");
    await page.emulateMedia({media: "print"});
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll("table")]
        .filter((table) => {
          const box = table.parentElement!;
          return box.scrollWidth > box.clientWidth + 1;
        })
        .map((table) => table.closest("[id]")?.id ?? "(table)")
    );
    expect(overflowing).toEqual([]);
    const pdf = await page.pdf({format: "A4"});
    const {totalPages, text} = await extractText(new Uint8Array(pdf), {mergePages: false});
    expect(totalPages).toBeGreaterThanOrEqual(1);
    const all = text.join("\n");
    // The sidebar's links and the chart buttons are not printed; the level table is, to its last column.
    expect(all).not.toContain("Stage-to-close conversion");
    expect(all).not.toContain("Scorecard analysis");
    expect(all).not.toMatch(/\bPNG\b/);
    expect(all).toContain("Levels in numbers");
    expect(all).toContain("Days to close");
    expect(all).toContain("5 · MAN-T qualified");
    await page.close();
  });
});
