/**
 * What every measurement in Chromium shares: the launch (Debian's chromium, no sandbox as root, no background calls
 * to Google), finding a built file by name, and the time to a page's first chart.
 */
import {readdirSync} from "node:fs";
import {join} from "node:path";
import {chromium, type Browser, type Page} from "playwright-core";

/** Launches headless Chromium as every browser test and measurement does. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"]
  });
}

/**
 * A page in a browser context of its own (nothing cached: a reader's first visit), 1400 × 1000, whose console errors
 * and uncaught exceptions are added to `errors` (each line after `prefix`). Close its context when done.
 */
export async function freshPage(browser: Browser, errors: string[], prefix = ""): Promise<Page> {
  const page = await (await browser.newContext({viewport: {width: 1400, height: 1000}})).newPage();
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(prefix + message.text().split("\n")[0]);
  });
  page.on("pageerror", (error) => errors.push(prefix + error.message));
  return page;
}

/** The path (from the site's root) of the built file in `folder` whose name matches `pattern` (Framework hashes names). */
export function builtFile(site: string, folder: string, pattern: RegExp): string {
  const name = readdirSync(join(site, folder)).find((d) => pattern.test(d));
  if (!name) throw new Error(`no ${pattern} in ${join(site, folder)}`);
  return `/${folder}/${name}`;
}

/** A built module of the site's src/lib (e.g. "core/reclassify"): its path from the site's root. */
export function builtModule(site: string, module: string): string {
  const slash = module.lastIndexOf("/");
  const folder = `_import/lib${slash < 0 ? "" : `/${module.slice(0, slash)}`}`;
  return builtFile(site, folder, new RegExp(`^${module.slice(slash + 1)}\\.[0-9a-f]+\\.js$`));
}

/** The src/lib modules the bench imports in a page: a test checks that every built site has them. */
export const benchModules = [
  "core/reclassify",
  "core/extract",
  "core/ladder",
  "simulator/nurture",
  "simulator/own-paths"
] as const;

/**
 * Evaluated in a page (as text: tsx would wrap named functions in a helper the page does not have): the
 * performance.now() at which the first Plot chart is in the document, or NaN after five minutes.
 */
export const firstChartScript = `new Promise((resolve) => {
  setTimeout(() => resolve(NaN), 300000);
  const check = () => (document.querySelector("svg[class^='plot']") ? resolve(performance.now()) : requestAnimationFrame(check));
  check();
})`;
