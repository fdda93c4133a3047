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
  error?: string;
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const met = (ok: boolean) => (ok ? "met" : "NOT met");

/** "leadstage 5.2× faster" or "… slower" for a contender that took `factor` times leadstage's time. */
export function ratio(factor: number): string {
  return factor >= 1 ? `leadstage ${factor.toFixed(1)}× faster` : `leadstage ${(1 / factor).toFixed(1)}× slower`;
}

/** Issue 14's targets for one size: the pipeline against the read floor, arquero and the typed-array loops. */
export function pipelineTargets(leads: number, runs: Run[]): string[] {
  const targets: string[] = [];
  const find = (contender: string, format: string) =>
    runs.find((d) => d.contender === contender && d.format === format)!;
  const size = `${leads.toLocaleString("en-US")} leads`;
  const limit = leads >= 10_000_000 ? 4 : 3;
  for (const format of ["parquet", "csv"]) {
    const run = find("leadstage", format);
    const floor = find("read-floor", format);
    if (Number.isNaN(run.ms) || Number.isNaN(floor.ms)) {
      targets.push(`- ${size}, ${format}: the pipeline did not finish (${run.error ?? floor.error}): NOT met`);
      continue;
    }
    const factor = run.ms / floor.ms;
    targets.push(
      `- ${size}, ${format} input: pipeline ${(run.ms / 1000).toFixed(2)} s = ${factor.toFixed(1)}× the read floor ${(floor.ms / 1000).toFixed(2)} s (target ≤ ${limit}×): ${met(factor <= limit)}`
    );
  }
  const csv = find("leadstage", "csv");
  for (const [contender, need, label] of [
    ["arquero", 5, "≥ 5× faster"],
    ["typed-arrays", 1, "not slower"]
  ] as const) {
    const other = runs.find((d) => d.contender === contender)!;
    if (Number.isNaN(other.ms) || Number.isNaN(csv.ms)) {
      targets.push(`- ${size}: against ${contender}: ${other.error ?? csv.error}`);
      continue;
    }
    targets.push(
      `- ${size}: against ${contender} on CSV: ${ratio(other.ms / csv.ms)} (target ${label}): ${met(other.ms / csv.ms >= need)}`
    );
  }
  if (leads >= 10_000_000) {
    const run = find("leadstage", "parquet");
    targets.push(
      `- ${size}: peak memory ${Math.round(run.maxRssMB)} MB (target < 6 GB): ${met(run.maxRssMB < 6 * 1024)}`
    );
  }
  return targets;
}

/** The line of a crashed run that says why (out of memory, a string too long for V8, …). */
export function failure(stderr: string): string {
  const line = stderr.split("\n").find((d) => /error|heap|memory/i.test(d)) ?? stderr.trim().split("\n").pop() ?? "";
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
