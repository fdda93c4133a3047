/**
 * Opens pages of the built site in Debian's Chromium through playwright-core and records everything a page must not
 * do: log an error, fail a request, or reach any host but the loopback server.
 */
import {mkdirSync} from "node:fs";
import {dirname} from "node:path";
import {afterAll, beforeAll} from "vitest";
import type {Browser, Page} from "playwright-core";

import {launchChromium} from "../../loaders/tools/bench/chromium.js";

/** The launch every browser test uses: the same as the bench's measurements. */
export {launchChromium};

/** A page with its problems recorded as they happen. */
export interface WatchedPage {
  page: Page;
  consoleErrors: string[];
  failedRequests: string[];
  externalRequests: string[];
}

/**
 * Opens `path` of the site at `base` and waits until the network is idle. Requests off loopback are blocked. With
 * `sidebar`, the page opens with Framework's sidebar in that state (as if the reader had toggled it before); `init`
 * runs in the page before its own scripts.
 */
export async function openPage(
  browser: Browser,
  base: string,
  path: string,
  viewport = {width: 1400, height: 1000},
  sidebar?: "open" | "closed",
  init?: string
): Promise<WatchedPage> {
  const page = await browser.newPage({viewport});
  const watched: WatchedPage = {page, consoleErrors: [], failedRequests: [], externalRequests: []};
  page.on("console", (message) => {
    // Plot's warnings ("Warning: the implicit z channel has high cardinality…") also draw a ⚠ into the chart.
    const plotWarning = message.type() === "warning" && message.text().startsWith("Warning:");
    if (message.type() === "error" || plotWarning) watched.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => watched.consoleErrors.push(error.message));
  page.on("requestfailed", (request) => watched.failedRequests.push(request.url()));
  page.on("response", (response) => {
    if (response.status() >= 400) watched.failedRequests.push(`${response.status()} ${response.url()}`);
  });
  // A Content-Security-Policy violation is an error like any other: each is logged, so every test that asserts no
  // console errors also asserts that the policy let everything the page needs through and nothing else was tried.
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}`)
    )
  );
  // Framework keeps the reader's sidebar choice in sessionStorage and applies it before the page lays out.
  if (sidebar) await page.addInitScript(`sessionStorage.setItem("observablehq-sidebar", "${sidebar === "open"}")`);
  if (init) await page.addInitScript(init);
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === "data:" || url.hostname === "127.0.0.1" || url.hostname === "localhost")
      return route.continue();
    watched.externalRequests.push(url.href);
    return route.abort();
  });
  await page.goto(base + path, {waitUntil: "networkidle"});
  return watched;
}

/** Saves a full-page screenshot under test-output/screenshots (CI keeps that folder). */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = `test-output/screenshots/${name}.png`;
  mkdirSync(dirname(path), {recursive: true});
  await page.screenshot({path, fullPage: true});
  return path;
}

/** Opens a page of a built site, waits for `ready` to show, saves a screenshot, and returns the watched page. */
export async function openAndCapture(
  browser: Browser,
  base: string,
  path: string,
  ready: string,
  name: string
): Promise<WatchedPage> {
  const watched = await openPage(browser, base, path);
  await watched.page.waitForSelector(ready);
  await screenshot(watched.page, name);
  return watched;
}

/** Asserts-ready summary of what a page did wrong: console errors, failed requests, requests off loopback. */
export function problemsOf(watched: WatchedPage): {
  consoleErrors: string[];
  failedRequests: string[];
  externalRequests: string[];
} {
  return {
    consoleErrors: watched.consoleErrors,
    failedRequests: watched.failedRequests,
    externalRequests: watched.externalRequests
  };
}

/** One accessibility violation as axe-core reports it, reduced to what a failing test should print. */
export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (from node_modules) and returns its serious and critical violations. It is evaluated through the
 * DevTools protocol, not added as a <script>: the site's Content-Security-Policy rightly blocks an injected one.
 */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  const {source} = (await import("axe-core")).default as unknown as {source: string};
  await page.evaluate(`${source}\n;undefined`);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {axe: {run: (context?: unknown, options?: unknown) => Promise<{violations: any[]}>}}
    ).axe;
    const result = await axe.run(document, {resultTypes: ["violations"]});
    return result.violations.map((v) => ({
      id: v.id as string,
      impact: v.impact as string | null,
      help: v.help as string,
      targets: v.nodes.slice(0, 3).map((n: {target: string[]}) => n.target.join(" "))
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** What a clean page load records: nothing. */
export const cleanLoad = {consoleErrors: [], failedRequests: [], externalRequests: []};

/** Launches Chromium before the file's tests and closes it after; returns a getter for the browser. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("the browser is not running yet");
    return browser;
  };
}

/**
 * Lines of a German page, its tooltips and labels for screen readers included, that contain a word of English the
 * dashboard writes (none of them is German, and none occurs in the sample's or Olist's own values): chart
 * tooltips and table headings' tooltips were English on German pages, and a German reader hovers over them too.
 */
export async function englishLines(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const main = document.querySelector("main")!;
    const labelled = [...main.querySelectorAll("[title], [aria-label]")].map(
      (d) => `${d.getAttribute("title") ?? ""} ${d.getAttribute("aria-label") ?? ""}`
    );
    const svg = [...main.querySelectorAll("svg title, svg text")].map((d) => d.textContent ?? "");
    return [main.innerText, ...labelled, ...svg];
  });
  const english =
    /\b(the|of|and|with|from|won|lost|closed|still|handoffs?|level|days?|hours?|rate|shrunk|middle|fewer|than|select|rows|table|filters|mix|small|none|per|median|axis|grid|bar|dot)\b/;
  return texts.flatMap((text) => text.split("\n")).filter((line) => english.test(line));
}
