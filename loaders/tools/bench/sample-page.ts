/**
 * The bench's measurements of the sample site in Chromium: the time to the overview's first chart, and re-classifying
 * 100,000 handoffs with the shared classifier in the page (median of nine).
 */
import {serveStatic} from "../static-server.js";
import {builtFile, builtModule, firstChartScript, launchChromium} from "./chromium.js";

/** Serves `site` and measures it. */
export async function measureSamplePage(site: string): Promise<{firstChart: number; reclassify: number}> {
  const server = await serveStatic(site);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    const firstChart = (await page.evaluate(firstChartScript)) as number;
    const module = builtModule(site, "core/reclassify");
    const decoder = builtModule(site, "core/extract");
    const ladder = builtModule(site, "core/ladder");
    const data = builtFile(site, "_file/data", /^handoffs\.[0-9a-f]+\.parquet$/);
    const reclassify = (await page.evaluate(`(async () => {
      const {reclassify} = await import(${JSON.stringify(module)});
      const {decodeExtract} = await import(${JSON.stringify(decoder)});
      const {handoffLadder} = await import(${JSON.stringify(ladder)});
      const extract = await decodeExtract(await (await fetch(${JSON.stringify(data)})).arrayBuffer());
      const rows = 100000;
      const masks = new Uint16Array(rows);
      for (let i = 0; i < rows; ++i) masks[i] = extract.columns.evidenceAtHandoff[i % extract.rows];
      const big = {...extract, rows, columns: {...extract.columns, evidenceAtHandoff: masks}};
      const times = [];
      for (let run = 0; run < 9; ++run) {
        const start = performance.now();
        reclassify(big, handoffLadder);
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b)[4];
    })()`)) as number;
    return {firstChart, reclassify};
  } finally {
    await browser.close();
    await server.close();
  }
}
