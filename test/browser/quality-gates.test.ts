/**
 * Gates every page passes: marks in every chart, no serious or critical accessibility violation (axe-core), and a
 * build that is byte-for-byte reproducible.
 */
import {describe, expect, inject, it} from "vitest";
import {spawnSync} from "node:child_process";
import type {Page} from "playwright-core";
import {openAndCapture, seriousViolations, useBrowser} from "../helpers/browser.js";
import {filesWithBytes} from "../helpers/files.js";
import {sitePages} from "../helpers/pages.js";

const pages = sitePages;

const browser = useBrowser();

describe.each(pages)("$path on the sample build", ({path, ready}) => {
  it("draws marks in every chart and has no serious or critical accessibility violation", async () => {
    const name = `gates${path === "/" ? "-overview" : path.replace("/", "-")}`;
    const watched = await openAndCapture(browser(), inject("sites").sample.url, path, ready, name);
    const empty = await watched.page.evaluate(() =>
      [...document.querySelectorAll("svg[class^='plot']")]
        .filter((svg) => svg.querySelectorAll("rect, circle, path, line, text").length < 3)
        .map((svg) => svg.closest(".card")?.id ?? "(no card)")
    );
    expect(empty).toEqual([]);
    expect(await seriousViolations(watched.page)).toEqual([]);
    await watched.page.close();
  });
});

describe("reproducible builds", () => {
  it("two builds of the same input are byte-identical", () => {
    const again = "test-output/site-fixture-again";
    const build = spawnSync("npm", ["run", "build"], {
      env: {...process.env, LEADSTAGE_DATA: "test/fixtures/small", LEADSTAGE_OUTPUT: again, LEADSTAGE_LADDER: ""},
      encoding: "utf8"
    });
    expect(build.status, build.stderr).toBe(0);
    const first = filesWithBytes(inject("sites").fixture.directory);
    const second = filesWithBytes(again);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    const different = [...first.keys()].filter((path) => !first.get(path)!.equals(second.get(path)!));
    expect(different).toEqual([]);
  });
});

describe.each(pages)("$path in German on the sample build", ({path, ready}) => {
  it("renders in German without errors and has no serious or critical accessibility violation", async () => {
    const name = `gates-de${path === "/" ? "-overview" : path.replace("/", "-")}`;
    const watched = await openAndCapture(browser(), inject("sites").sample.url, `${path}?lang=de`, ready, name);
    expect(await watched.page.locator("html").getAttribute("lang")).toBe("de");
    expect(await watched.page.locator(".language-switch select").inputValue()).toBe("1");
    expect(watched.consoleErrors).toEqual([]);
    expect(await seriousViolations(watched.page)).toEqual([]);
    expect(await englishLines(watched.page)).toEqual([]);
    await watched.page.close();
  });
});

/**
 * Lines of a German page, its tooltips and labels for screen readers included, that contain a word of English the
 * dashboard writes (none of them is German, and none occurs in the sample's own campaign names or reasons): chart
 * tooltips and table headings' tooltips were English on German pages, and a German reader hovers over them too.
 */
async function englishLines(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const main = document.querySelector("main")!;
    const labelled = [...main.querySelectorAll("[title], [aria-label]")].map(
      (d) => `${d.getAttribute("title") ?? ""} ${d.getAttribute("aria-label") ?? ""}`
    );
    const svg = [...main.querySelectorAll("svg title, svg text")].map((d) => d.textContent ?? "");
    return [main.innerText, ...labelled, ...svg];
  });
  const english =
    /\b(the|of|and|with|from|won|lost|closed|still|handoffs?|level|days?|hours?|rate|shrunk|middle|fewer|than|select|rows|table|filters|mix|small|none|per|median)\b/;
  return texts.flatMap((text) => text.split("\n")).filter((line) => english.test(line));
}
