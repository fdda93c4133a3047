/**
 * The simulator page of a built site measured in headless Chromium, as a reader meets it: time from navigation to
 * its first chart, time to decode its three Parquet files in the page, and time from a ladder edit to the page's
 * updated policy table. Used by `npm run bench` on a site built from a million generated leads.
 */
import {serveStatic} from "../static-server.js";
import {builtFile, builtModule, firstChartScript, launchChromium} from "./chromium.js";

/** What the bench reports for the simulator page (milliseconds; NaN when a step never finished). */
export interface SimulatorTimings {
  firstChart: number;
  decodeHandoffs: number;
  decodeNurture: number;
  decodeLater: number;
  /** Ladder edit → level mix redrawn (the re-classification), each of the edits made. */
  reclassified: number[];
  /** Ladder edit → policy table redrawn (the simulator's estimate for the new ladder), each of the edits made. */
  edits: number[];
  /** What the page logged as errors (a page that breaks must not pass for a slow one). */
  errors: string[];
}

// Scripts run in the page, passed as text: tsx would wrap named functions in a helper the page does not have.
const decodeScript = (files: Record<string, string>) => `(async () => {
  const {decodeExtract} = await import(${JSON.stringify(files.extractModule)});
  const {decodeNurture} = await import(${JSON.stringify(files.nurtureModule)});
  const {decodeLaterEvidence} = await import(${JSON.stringify(files.ownPathsModule)});
  const handoffs = await (await fetch(${JSON.stringify(files.handoffs)})).arrayBuffer();
  const nurture = await (await fetch(${JSON.stringify(files.nurture)})).arrayBuffer();
  const later = await (await fetch(${JSON.stringify(files.later)})).arrayBuffer();
  const started = performance.now();
  const extract = await decodeExtract(handoffs);
  const decoded = performance.now();
  await decodeNurture(nurture, extract);
  const nurtured = performance.now();
  await decodeLaterEvidence(later, extract);
  return [decoded - started, nurtured - decoded, performance.now() - nurtured];
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

/** Serves `site`, opens its simulator page in Chromium and measures it. */
export async function measureSimulator(site: string, edits = 5): Promise<SimulatorTimings> {
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
  try {
    const page = await browser.newPage({viewport: {width: 1400, height: 1000}});
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text().split("\n")[0]);
    });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${server.url}/simulator`, {waitUntil: "commit"});
    const firstChart = (await page.evaluate(firstChartScript)) as number;
    const ready = await page
      .waitForSelector("#policies table", {timeout: 300_000})
      .then(() => true)
      .catch(() => false);
    const edited = ready ? ((await page.evaluate(editScript(edits))) as [number, number][]) : [];
    // Decoding is timed away from the simulator page, on the site's lightest page (the data quality page reads the
    // overview only): the simulator's worker, still resampling for the last edit, would take one of the machine's
    // two cores from it. (A plain file of the site made Chromium ask for a /favicon.ico the site does not have.)
    await page.goto(`${server.url}/quality`, {waitUntil: "load"});
    const [decodeHandoffs, decodeNurture, decodeLater] = (await page.evaluate(decodeScript(files))) as number[];
    return {
      firstChart,
      decodeHandoffs,
      decodeNurture,
      decodeLater,
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
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
  const decode = timings.decodeHandoffs + timings.decodeNurture + timings.decodeLater;
  const ms = (x: number) => `${Math.round(x).toLocaleString("en-US")} ms`;
  const errors = timings.errors.length
    ? [`- The page logged errors: ${timings.errors.join("; ").replaceAll("|", "/")}: NOT met`]
    : [];
  return [
    ...errors,
    `- First chart ${ms(timings.firstChart)} after navigation (target ≤ 1,500 ms): ${met(timings.firstChart <= 1500)}`,
    `- Decoding in the page: handoffs.parquet ${ms(timings.decodeHandoffs)} + nurture.parquet ${ms(timings.decodeNurture)} + later-evidence.parquet ${ms(timings.decodeLater)} = ${ms(decode)} (target ≤ 1,000 ms): ${met(decode <= 1000)}`,
    `- Ladder edit → level mix redrawn (the re-classification): median ${ms(median(timings.reclassified))} of ${timings.reclassified.length} edits (${timings.reclassified.map(ms).join(", ")}; target ≤ 200 ms): ${met(median(timings.reclassified) <= 200)}`,
    `- Ladder edit → policy table redrawn for the new ladder: median ${ms(median(timings.edits))} of ${timings.edits.length} edits (${timings.edits.map(ms).join(", ")}; target ≤ 200 ms): ${met(median(timings.edits) <= 200)}`
  ];
}
