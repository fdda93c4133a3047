/**
 * The bench's report: what each contender's run returned, the comparisons and the targets of issues 13 and 14 met or
 * not, and the sizes of a built site's files per page.
 */
import {readdirSync, readFileSync, statSync} from "node:fs";
import {join, relative} from "node:path";
import {gzipSync} from "node:zlib";

/** What one contender's run on one input reports. */
export interface Run {
  contender: string;
  format?: string;
  ms: number;
  maxRssMB: number;
  handoffs?: number;
  overviewGzip?: number;
  fileBytes?: Record<string, number>;
  handoffsGzip?: number;
  extractColumns?: {file: string; column: string; bytes: number}[];
  extractMs?: number;
  decodeMs?: number;
  decodeBothMs?: number;
  /** Both files decoded as the pages that do not simulate decode them (without the evidence times). */
  decodeLeanMs?: number;
  /** Every round's time, when the run stands for several (medianRuns). */
  roundsMs?: number[];
  error?: string;
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const met = (ok: boolean) => (ok ? "met" : "NOT met");

/** The middle value (the mean of the two middle ones for an even count; NaN for none). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Each contender's run of one size in every round (rounds[r][i]: contender i in round r, the rounds one after
 * another) as one run: the round that took the median time (the lower middle for an even count), so that its sizes
 * and decoding times are those of a real run, with every round's time and the highest peak memory of all. A
 * contender that failed in any round is that failure.
 */
export function medianRuns(rounds: Run[][]): Run[] {
  return rounds[0].map((_, i) => {
    const runs = rounds.map((round) => round[i]);
    const failed = runs.find((d) => Number.isNaN(d.ms));
    if (failed) return failed;
    const sorted = [...runs].sort((a, b) => a.ms - b.ms);
    const middle = sorted[(sorted.length - 1) >> 1];
    return {...middle, roundsMs: runs.map((d) => d.ms), maxRssMB: Math.max(...runs.map((d) => d.maxRssMB))};
  });
}

/** "2.50 s (2.41–2.66 s)": the median round's time and the range of all rounds. */
export function wallTime(run: Run): string {
  const all = run.roundsMs ?? [run.ms];
  const s = (ms: number) => (ms / 1000).toFixed(2);
  return all.length > 1 ? `${s(run.ms)} s (${s(Math.min(...all))}–${s(Math.max(...all))} s)` : `${s(run.ms)} s`;
}

/** A ratio of two runs' times taken in every round (both runs of a round minutes apart): its median and range. */
export interface RoundRatio {
  median: number;
  low: number;
  high: number;
  rounds: number;
}

/** `pick(round).ms / over(round).ms` in every round; NaN throughout when either failed in any round. */
export function roundRatio(rounds: Run[][], pick: (round: Run[]) => Run, over: (round: Run[]) => Run): RoundRatio {
  const factors = rounds.map((round) => pick(round).ms / over(round).ms);
  if (factors.some(Number.isNaN)) return {median: NaN, low: NaN, high: NaN, rounds: rounds.length};
  return {median: median(factors), low: Math.min(...factors), high: Math.max(...factors), rounds: rounds.length};
}

/** "7.1× (6.8–7.4× over 3 rounds)" with `digits` decimals; the range left out for one round. */
export function factorText({median, low, high, rounds}: RoundRatio, digits = 1): string {
  const range = rounds > 1 ? ` (${low.toFixed(digits)}–${high.toFixed(digits)}× over ${rounds} rounds)` : "";
  return `${median.toFixed(digits)}×${range}`;
}

/**
 * "leadstage 5.2× (…) faster" or "… slower" for a contender that took `factor` times leadstage's time in the rounds,
 * with the range in the same sense.
 */
export function roundRatioText(factor: RoundRatio): string {
  if (factor.median >= 1) return `leadstage ${factorText(factor)} faster`;
  const inverse = {...factor, median: 1 / factor.median, low: 1 / factor.high, high: 1 / factor.low};
  return `leadstage ${factorText(inverse)} slower`;
}

/** The contender's run on `format` among one round's runs. */
export function runOf(round: Run[], contender: string, format: string): Run {
  const run = round.find((d) => d.contender === contender && d.format === format);
  if (!run) throw new Error(`no run of ${contender} on ${format}`);
  return run;
}

/**
 * Issue 14's targets for one size: the pipeline against the read floor, arquero and the typed-array loops, each
 * ratio taken in every round and judged by its median.
 */
export function pipelineTargets(leads: number, rounds: Run[][]): string[] {
  const targets: string[] = [];
  const size = `${leads.toLocaleString("en-US")} leads`;
  const limit = leads >= 10_000_000 ? 4 : 3;
  const runs = medianRuns(rounds);
  for (const format of ["parquet", "csv"]) {
    const run = runOf(runs, "leadstage", format);
    const floor = runOf(runs, "read-floor", format);
    if (Number.isNaN(run.ms) || Number.isNaN(floor.ms)) {
      targets.push(`- ${size}, ${format}: the pipeline did not finish (${run.error ?? floor.error}): NOT met`);
      continue;
    }
    const factor = roundRatio(
      rounds,
      (round) => runOf(round, "leadstage", format),
      (round) => runOf(round, "read-floor", format)
    );
    targets.push(
      `- ${size}, ${format} input: pipeline ${(run.ms / 1000).toFixed(2)} s = ${factorText(factor)} the read floor ${(floor.ms / 1000).toFixed(2)} s (medians; target ≤ ${limit}×): ${met(factor.median <= limit)}`
    );
  }
  const csv = runOf(runs, "leadstage", "csv");
  for (const [contender, need, label] of [
    ["arquero", 5, "≥ 5× faster"],
    ["typed-arrays", 1, "not slower"]
  ] as const) {
    const other = runOf(runs, contender, "csv");
    if (Number.isNaN(other.ms) || Number.isNaN(csv.ms)) {
      targets.push(`- ${size}: against ${contender}: ${other.error ?? csv.error}`);
      continue;
    }
    const factor = roundRatio(
      rounds,
      (round) => runOf(round, contender, "csv"),
      (round) => runOf(round, "leadstage", "csv")
    );
    targets.push(
      `- ${size}: against ${contender} on CSV: ${roundRatioText(factor)} (median; target ${label}): ${met(factor.median >= need)}`
    );
  }
  if (leads >= 10_000_000) {
    const run = runOf(runs, "leadstage", "parquet");
    targets.push(
      `- ${size}: peak memory ${Math.round(run.maxRssMB)} MB (the highest of its rounds; target < 6 GB): ${met(run.maxRssMB < 6 * 1024)}`
    );
  }
  return targets;
}

/**
 * The line of a crashed run that says why (out of memory, a string too long for V8, …): the error's own line
 * ("InputError: …") before any other that mentions an error, since Node first prints the source line that threw.
 */
export function failure(stderr: string): string {
  const lines = stderr.split("\n");
  const line =
    lines.find((d) => /^\s*(Uncaught )?\w*Error( \[\w+\])?: /.test(d)) ??
    lines.find((d) => /error|heap|memory/i.test(d)) ??
    stderr.trim().split("\n").pop() ??
    "";
  return line.replace(/\|/g, "/").trim().slice(0, 120);
}

/** Per page of a built site: how many files it loads, and their size raw and gzipped. */
export function pageSizeLines(site: string): string[] {
  const files = allFiles(site);
  const lines = [`| page | files | raw | gzip |`, `| --- | ---: | ---: | ---: |`];
  for (const page of files.filter((d) => d.endsWith(".html"))) {
    const html = readFileSync(join(site, page), "utf8");
    const referenced = new Set([page, ...[...html.matchAll(/["'(]\.\/(_[^"')?#]+)/g)].map((m) => m[1])]);
    const sizes = [...referenced].filter((d) => files.includes(d)).map((d) => readFileSync(join(site, d)));
    const raw = sizes.reduce((s, d) => s + d.length, 0);
    lines.push(`| ${page} | ${sizes.length} | ${kb(raw)} | ${kb(sizes.reduce((s, d) => s + gzipSync(d).length, 0))} |`);
  }
  lines.push("", `<details><summary>Every file</summary>`, "", `| file | raw | gzip |`, `| --- | ---: | ---: |`);
  for (const file of files) {
    const bytes = readFileSync(join(site, file));
    lines.push(`| ${file} | ${kb(bytes.length)} | ${kb(gzipSync(bytes).length)} |`);
  }
  lines.push("", `</details>`);
  return lines;
}

function allFiles(directory: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(directory, path));
    }
  };
  walk(directory);
  return out;
}

/** The line after which docs/benchmarks.md is written by hand (the ten-million-lead run) and kept by every bench. */
export const keptMarker = "<!-- Below this line: written by hand, kept as it is by npm run bench. -->";

/** The report followed by what the previous report kept below {@link keptMarker} (nothing when it had no marker). */
export function withKeptPart(report: string, previous: string | null): string {
  const at = previous?.indexOf(keptMarker) ?? -1;
  return at < 0 || previous === null ? report : `${report.trimEnd()}\n\n${previous.slice(at)}`;
}
