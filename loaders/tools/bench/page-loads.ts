/**
 * The bench's measurement of the pages that decode the extract and chart it (timing, campaigns, conversion,
 * scorecard) and of the overview, on a built site: navigation → first chart, each page in fresh browser contexts (a
 * reader's first visit). No issue sets a target for them; they are reported beside the 1.5 s the simulator page is
 * held to, so that a change that slows a page at a million leads shows (docs/page-speed.md).
 */
import {serveStatic} from "../static-server.js";
import {firstChartScript, freshPage, launchChromium} from "./chromium.js";
import {median} from "./report.js";

/** The pages measured, by path: each draws a Plot chart once its data is in. */
export const chartPages = ["/", "/timing", "/campaigns", "/conversion", "/scorecard"] as const;

/** Each page's navigation → first chart times (ms), and what the pages logged as errors. */
export interface PageLoads {
  firstChart: Record<string, number[]>;
  errors: string[];
}

/** Serves `site` and opens each of `pages` `navigations` times, each time in a fresh context. */
export async function measurePageLoads(
  site: string,
  navigations = 3,
  pages: readonly string[] = chartPages
): Promise<PageLoads> {
  const server = await serveStatic(site);
  const browser = await launchChromium();
  const errors: string[] = [];
  const firstChart: Record<string, number[]> = {};
  try {
    for (const path of pages) {
      firstChart[path] = [];
      for (let i = 0; i < navigations; ++i) {
        const page = await freshPage(browser, errors, `${path}: `);
        await page.goto(`${server.url}${path}`, {waitUntil: "commit"});
        firstChart[path].push((await page.evaluate(firstChartScript)) as number);
        await page.context().close();
      }
    }
    return {firstChart, errors: [...new Set(errors)]};
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The report's lines: one per page, its median and every navigation, beside the simulator page's 1.5 s. */
export function pageLoadLines({firstChart, errors}: PageLoads): string[] {
  const ms = (x: number) => `${Math.round(x).toLocaleString("en-US")} ms`;
  const lines = Object.entries(firstChart).map(([path, times]) => {
    const middle = median(times);
    const beside = middle <= 1500 ? "within" : "above";
    return `- ${path}: navigation → first chart median ${ms(middle)} of ${times.length} (${times.map(ms).join(", ")}; ${beside} the simulator page's 1,500 ms)`;
  });
  if (errors.length) lines.unshift(`- The pages logged errors: ${errors.join("; ").replaceAll("|", "/")}`);
  return lines;
}
