/**
 * Every page at 1024, 1280 and 1920 pixels, in English and German, with the sidebar open and closed: no overlapping
 * chart labels, nothing wider than its card without a scroll container, no control whose label touches it.
 * Screenshots of each view are kept under test-output/screenshots/layout/.
 */
import {describe, expect, inject, it} from "vitest";
import {openPage, screenshot, useBrowser} from "../helpers/browser.js";
import {layoutProblems} from "../helpers/layout.js";
import {pageName, sitePages} from "../helpers/pages.js";

const browser = useBrowser();
const views = [1024, 1280, 1920].flatMap((width) =>
  (["en", "de"] as const).flatMap((language) =>
    (["open", "closed"] as const).map((sidebar) => ({width, language, sidebar}))
  )
);

describe.each(views)("at $width px in $language, sidebar $sidebar", ({width, language, sidebar}) => {
  it.each(sitePages)("$path lays out cleanly", async ({path, ready}) => {
    const watched = await openPage(
      browser(),
      inject("sites").sample.url,
      `${path}?lang=${language}`,
      {width, height: 900},
      sidebar
    );
    await watched.page.waitForSelector(ready);
    const sidebarRight = await watched.page.evaluate<number>(
      `document.querySelector("#observablehq-sidebar").getBoundingClientRect().right`
    );
    // The state under test really is the one on screen: a closed sidebar is off the left edge.
    expect(sidebarRight <= 0).toBe(sidebar === "closed");
    await watched.page.waitForFunction(
      () =>
        document.querySelectorAll("observablehq-loading").length === 0 &&
        [...document.querySelectorAll("svg[class^='plot']")].every((svg) => svg.hasAttribute("data-decluttered"))
    );
    await screenshot(watched.page, `layout/${pageName(path)}-${width}-${language}-sidebar-${sidebar}`);
    expect(await layoutProblems(watched.page)).toEqual([]);
    expect(watched.consoleErrors).toEqual([]);
    await watched.page.close();
  });
});
