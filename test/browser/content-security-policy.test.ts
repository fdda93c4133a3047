import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import type {Browser} from "playwright-core";
import {launchChromium, openPage} from "../helpers/browser.js";

describe("the Content-Security-Policy of the built site", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("is in every built page of every build, first in the head", () => {
    for (const site of Object.values(inject("sites"))) {
      const pages = readdirSync(site.directory).filter((d) => d.endsWith(".html"));
      expect(pages.length).toBeGreaterThanOrEqual(8);
      for (const name of pages) {
        const html = readFileSync(join(site.directory, name), "utf8");
        const head = html.slice(0, html.indexOf("<link"));
        expect(head, `${site.directory}/${name}`).toMatch(
          /<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-/
        );
      }
    }
  });

  it("blocks a script from another origin and an injected inline script, and reports both", async () => {
    const watched = await openPage(browser, inject("sites").fixture.url, "/");
    await watched.page.waitForSelector("svg");
    const outcome = await watched.page.evaluate(async () => {
      const seen: string[] = [];
      const allSeen = new Promise((resolve) =>
        document.addEventListener("securitypolicyviolation", (e) => {
          seen.push(`${e.violatedDirective} ${e.blockedURI}`);
          if (seen.length === 3) resolve(seen);
        })
      );
      const external = document.createElement("script");
      external.src = "https://cdn.example.com/evil.js";
      const loaded = new Promise((resolve) => {
        external.onload = () => resolve("loaded");
        external.onerror = () => resolve("blocked");
      });
      document.head.append(external);
      const inline = document.createElement("script");
      inline.textContent = "window.injected = true;";
      document.body.append(inline);
      const handler = document.createElement("img");
      handler.setAttribute("onerror", "window.injected = true;");
      handler.src = "data:image/png;base64,AA==";
      document.body.append(handler);
      const external_ = await loaded;
      await allSeen;
      return {external: external_, injected: (window as {injected?: boolean}).injected ?? false, seen};
    });
    expect(outcome.external).toBe("blocked");
    expect(outcome.injected).toBe(false);
    expect(outcome.seen).toContain("script-src-elem https://cdn.example.com/evil.js");
    expect(outcome.seen).toContain("script-src-elem inline");
    expect(outcome.seen).toContain("script-src-attr inline");
    // The helper logs every violation as a console error, which is how every other browser test fails on one.
    expect(watched.consoleErrors.filter((d) => d.startsWith("CSP violation"))).toHaveLength(3);
    expect(watched.externalRequests).toEqual([]);
    await watched.page.close();
  });
});
