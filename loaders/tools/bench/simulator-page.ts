/**
 * The simulator page of a built site measured in headless Chromium, as a reader meets it: time from navigation to
 * its first chart, time to decode its three Parquet files in the page, and time from a ladder edit to the page's
 * updated policy table. Used by `npm run bench` on a site built from a million generated leads. Each is measured
 * more than once and reported as the median with every run: on a shared machine one run of the decoding took
 * 637 ms and the next, of the same code, 1,417 (docs/benchmarks.md).
 */
import {serveStatic} from "../static-server.js";
import {builtFile, builtModule, firstChartScript, freshPage, launchChromium} from "./chromium.js";
import {median} from "./report.js";

/** What the bench reports for the simulator page (milliseconds; NaN when a step never finished). */
export interface SimulatorTimings {
  /** Navigation → first chart, each of the navigations made. */
  firstChart: number[];
  /** Each decoding of the three files, one after the other: [handoffs.parquet, nurture.parquet, later-evidence]. */
  decodes: [number, number, number][];
  /** Ladder edit → level mix redrawn (the re-classification), each of the edits made. */
  reclassified: number[];
  /** Ladder edit → policy table redrawn (the simulator's estimate for the new ladder), each of the edits made. */
  edits: number[];
  /** What the page logged as errors (a page that breaks must not pass for a slow one). */
  errors: string[];
}

// Scripts run in the page, passed as text: tsx would wrap named functions in a helper the page does not have.
const decodeScript = (files: Record<string, string>, rounds: number) => `(async () => {
  const {decodeExtract} = await import(${JSON.stringify(files.extractModule)});
  const {decodeNurture} = await import(${JSON.stringify(files.nurtureModule)});
  const {decodeLaterEvidence} = await import(${JSON.stringify(files.ownPathsModule)});
  const handoffs = await (await fetch(${JSON.stringify(files.handoffs)})).arrayBuffer();
  const nurture = await (await fetch(${JSON.stringify(files.nurture)})).arrayBuffer();
  const later = await (await fetch(${JSON.stringify(files.later)})).arrayBuffer();
  const times = [];
  for (let round = 0; round < ${rounds}; ++round) {
    const started = performance.now();
    const extract = await decodeExtract(handoffs);
    const decoded = performance.now();
    await decodeNurture(nurture, extract);
    const nurtured = performance.now();
    await decodeLaterEvidence(later, extract);
    times.push([decoded - started, nurtured - decoded, performance.now() - nurtured]);
  }
  return times;
})()`;

/**
 * Flips one evidence of the ladder editor between two levels `edits` times; each time, the milliseconds from the
 * click until the level mix chart shows the re-classified handoffs and until the policy table has been replaced by
 * one for the new ladder, or NaN after 60 s.
 */
const editScript = (edits: number) => `(async () => {
  const group = document.querySelector("#ladder-editor input[type=radio]").name;
  const radios = [...document.querySelectorAll("#ladder-editor input[name='" + group + "']")];
  const start = radios.findIndex((d) => d.checked);
  const other = start === 0 ? 1 : 0;
  const times = [];
  // The first time after the click that a node matching \`test\` is added inside \`card\`.
  const added = (card, test) => new Promise((resolve) => {
    const timer = setTimeout(() => resolve(NaN), 60000);
    const observer = new MutationObserver((records) => {
      if (!records.some((r) => r.target.closest?.(card) && [...r.addedNodes].some(test))) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(performance.now());
    });
    observer.observe(document.querySelector("main"), {childList: true, subtree: true});
  });
  for (let i = 0; i < ${edits}; ++i) {
    const target = radios[i % 2 === 0 ? other : start];
    const chart = added("#level-mix", (n) => n.nodeName === "svg" || n.querySelector?.("svg"));
    // The policy table itself replaced (its heading, which follows the ladder at once, does not count), watched from
    // the re-classification on: by then the old ladder's resampling, which also redraws it, has stopped.
    const table = chart.then(() => added("#policies", (n) => n.nodeName === "TABLE" || n.querySelector?.("table")));
    const clicked = performance.now();
    target.click();
    times.push([(await chart) - clicked, (await table) - clicked]);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return times;
})()`;

/** How many times each step is measured. */
export interface SimulatorRounds {
  /** Navigations to the page, each in a fresh browser context (nothing cached: a reader's first visit). */
  navigations: number;
  /** Ladder edits on the last of them. */
  edits: number;
  /** Decodings of the three files, one after the other. */
  decodes: number;
}

/** Serves `site`, opens its simulator page in Chromium and measures it, each step `rounds` times. */
export async function measureSimulator(
  site: string,
  rounds: SimulatorRounds = {navigations: 3, edits: 5, decodes: 5}
): Promise<SimulatorTimings> {
  const files = {
    extractModule: builtModule(site, "core/extract"),
    nurtureModule: builtModule(site, "simulator/nurture"),
    ownPathsModule: builtModule(site, "simulator/own-paths"),
    handoffs: builtFile(site, "_file/data", /^handoffs\.[0-9a-f]+\.parquet$/),
    nurture: builtFile(site, "_file/data", /^nurture\.[0-9a-f]+\.parquet$/),
    later: builtFile(site, "_file/data", /^later-evidence\.[0-9a-f]+\.parquet$/)
  };
  const server = await serveStatic(site);
  const browser = await launchChromium();
  const errors: string[] = [];
  try {
    const firstChart: number[] = [];
    let page = await freshPage(browser, errors);
    for (let i = 0; i < rounds.navigations; ++i) {
      if (i > 0) {
        await page.context().close();
        page = await freshPage(browser, errors);
      }
      await page.goto(`${server.url}/simulator`, {waitUntil: "commit"});
      firstChart.push((await page.evaluate(firstChartScript)) as number);
    }
    const ready = await page
      .waitForSelector("#policies table", {timeout: 300_000})
      .then(() => true)
      .catch(() => false);
    const edited = ready ? ((await page.evaluate(editScript(rounds.edits))) as [number, number][]) : [];
    // Decoding is timed away from the simulator page, on the site's lightest page (the data quality page reads the
    // overview only): the simulator's worker, still resampling for the last edit, would take one of the machine's
    // two cores from it. (A plain file of the site made Chromium ask for a /favicon.ico the site does not have.)
    await page.goto(`${server.url}/quality`, {waitUntil: "load"});
    const decodes = (await page.evaluate(decodeScript(files, rounds.decodes))) as [number, number, number][];
    return {
      firstChart,
      decodes,
      reclassified: edited.map((d) => d[0]),
      edits: edited.map((d) => d[1]),
      errors: [...new Set(errors)]
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The report's lines for the measured page, each with its target and whether it is met. */
export function simulatorLines(timings: SimulatorTimings): string[] {
  const met = (ok: boolean) => (ok ? "met" : "NOT met");
  const ms = (x: number) => `${Math.round(x).toLocaleString("en-US")} ms`;
  /** "median 811 ms of 3 (790 ms, 811 ms, 1,020 ms)", and whether the median is within `target`. */
  const measured = (values: number[], what: string, target: number) => {
    const middle = median(values);
    return `median ${ms(middle)} of ${values.length} ${what} (${values.map(ms).join(", ")}; target ≤ ${ms(target)}): ${met(middle <= target)}`;
  };
  const total = timings.decodes.map(([h, n, l]) => h + n + l);
  const part = (i: number) => ms(median(timings.decodes.map((d) => d[i])));
  const errors = timings.errors.length
    ? [`- The page logged errors: ${timings.errors.join("; ").replaceAll("|", "/")}: NOT met`]
    : [];
  return [
    ...errors,
    `- Navigation → first chart: ${measured(timings.firstChart, "navigations", 1500)}`,
    `- Decoding in the page (handoffs.parquet ${part(0)} + nurture.parquet ${part(1)} + later-evidence.parquet ${part(2)}, medians): ${measured(total, "decodings", 1000)}`,
    `- Ladder edit → level mix redrawn (the re-classification): ${measured(timings.reclassified, "edits", 200)}`,
    `- Ladder edit → policy table redrawn for the new ladder: ${measured(timings.edits, "edits", 200)}`
  ];
}
