/**
 * Gates every page passes: marks in every chart, no serious or critical accessibility violation (axe-core), and a
 * build that is byte-for-byte reproducible.
 */
import {describe, expect, inject, it} from "vitest";
import {spawnSync} from "node:child_process";
import {englishLines, openAndCapture, seriousViolations, useBrowser} from "../helpers/browser.js";
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
