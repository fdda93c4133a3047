/**
 * Mutation fuzzing of the importer. Seeded mutations (import-mutations.ts) of the fixture (as CSV, Parquet, JSON
 * Lines, an old Excel 97 .xls, an HTML table saved as .xls and a Numbers document), a slice of the bundled sample, a
 * slice of the real Olist export and the worked example of every other built-in profile go through the same path as
 * a build (the canonical loader) or an import (the profile and its checks, a dry run). Every case must end in one of
 * two ways: one clear error (an InputError on one line, naming the file) or a model where every file's rows read =
 * used + rejected (+ rows the profile maps to no event). Anything else, a stack trace, a reconciliation that does not
 * add up or a case over the time bound, is a finding.
 */
import {mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {basename, join} from "node:path";
import {randomLcg} from "d3-random";
import {csvParseRows} from "d3-dsv";
import * as XLSX from "@e965/xlsx";
import numbersTemplate from "@e965/xlsx/dist/xlsx.zahl.mjs";
import {Database, sqlString, withDatabase} from "../pipeline/duckdb.js";
import {buildHandoffModel, type HandoffModelSummary} from "../pipeline/handoff-model.js";
import {loadProfile} from "../import/importer.js";
import {InputError, locateInput} from "../pipeline/input.js";
import {handoffLadder} from "../../src/lib/core/ladder.js";
import {mutationNames, mutations} from "./import-mutations.js";

/** A base input: a name, its files' bytes by file name, and how to read them. */
export interface FuzzBase {
  name: string;
  files: Record<string, Buffer>;
  /** "canonical": leads.csv + events.csv as a build reads them; else the name of an import profile. */
  reader: "canonical" | string;
}

/** One case: which base, which file, which mutations, and the mutated bytes. */
export interface FuzzCase {
  index: number;
  base: string;
  file: string;
  mutations: string[];
}

/** How a case ended. "error" and "model" are the two good endings. */
export type FuzzOutcome = "error" | "model" | "crash" | "unreconciled" | "timeout";

/** A case and how it ended. */
export interface FuzzResult extends FuzzCase {
  outcome: FuzzOutcome;
  detail: string;
  milliseconds: number;
}

/**
 * The fixture (also as Parquet, JSON Lines, an old .xls and an HTML .xls), the sample's first leads and their events, the first rows of both
 * Olist files, the profiles' examples.
 */
export async function fuzzBases(
  shared = "../shared/data/olist-marketing-funnel",
  sampleLeads = 150
): Promise<FuzzBase[]> {
  const fixture = "test/fixtures/small";
  const read = (path: string) => readFileSync(path);
  const sample = await withDatabase(async (db) => {
    const leads = `(SELECT * FROM read_parquet('data/sample/leads.parquet') ORDER BY lead_id LIMIT ${sampleLeads})`;
    const events = `(SELECT e.* FROM read_parquet('data/sample/events.parquet') e JOIN ${leads} l USING (lead_id) ORDER BY e.lead_id, e."at")`;
    return {"leads.csv": await csvOf(db, leads), "events.csv": await csvOf(db, events)};
  });
  // The fixture again as Parquet and as JSON Lines, the other two formats a build reads (a damaged Parquet page
  // surfaced as DuckDB's "TProtocolException" without a file's name).
  const asFormat = (format: "parquet" | "json") =>
    withDatabase(async (db) => {
      const files: Record<string, Buffer> = {};
      for (const table of ["leads", "events"]) {
        const name = `${table}.${format === "json" ? "jsonl" : "parquet"}`;
        const source = `read_csv(${sqlString(`${fixture}/${table}.csv`)}, all_varchar = true)`;
        files[name] = await copyOf(db, `(SELECT * FROM ${source})`, name, `FORMAT ${format}`);
      }
      return files;
    });
  const head = (path: string, count: number) =>
    Buffer.from(
      readFileSync(path, "utf8")
        .split("\n")
        .slice(0, count + 1)
        .join("\n") + "\n"
    );
  return [
    {
      name: "fixture",
      reader: "canonical",
      files: {"leads.csv": read(`${fixture}/leads.csv`), "events.csv": read(`${fixture}/events.csv`)}
    },
    {name: "fixture-parquet", reader: "canonical", files: await asFormat("parquet")},
    {name: "fixture-jsonl", reader: "canonical", files: await asFormat("json")},
    {name: "fixture-xls", reader: "canonical", files: asWorkbooks(fixture, "biff8")},
    {name: "fixture-html", reader: "canonical", files: asWorkbooks(fixture, "html")},
    {name: "fixture-numbers", reader: "canonical", files: asWorkbooks(fixture, "numbers")},
    {name: "sample", reader: "canonical", files: sample},
    {
      name: "olist",
      reader: "olist",
      files: {
        "olist_marketing_qualified_leads_dataset.csv": head(
          join(shared, "olist_marketing_qualified_leads_dataset.csv"),
          200
        ),
        "olist_closed_deals_dataset.csv": head(join(shared, "olist_closed_deals_dataset.csv"), 40)
      }
    },
    ...exampleBases()
  ];
}

/**
 * The fixture's two files as old Excel 97 workbooks or Numbers documents (every cell text, as a CRM writes an export)
 * or as the HTML table a web CRM's "Export to Excel" writes, one row a line (so that line mutations drop or repeat
 * rows).
 */
function asWorkbooks(fixture: string, format: "biff8" | "html" | "numbers"): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (const table of ["leads", "events"]) {
    const rows = csvParseRows(readFileSync(`${fixture}/${table}.csv`, "utf8"));
    if (format === "html") {
      const escape = (d: string) => d.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
      const lines = rows.map((row) => `<tr>${row.map((d) => `<td>${escape(d)}</td>`).join("")}</tr>`);
      const html = `<html><head><meta charset="utf-8"></head><body><table>\n${lines.join("\n")}\n</table></body></html>\n`;
      files[`${table}.xls`] = Buffer.from(html);
    } else {
      const book = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), table);
      // SheetJS writes a Numbers document into a template Numbers saved (its "zahl" payload).
      const name = `${table}.${format === "numbers" ? "numbers" : "xls"}`;
      files[name] = XLSX.write(book, {bookType: format, type: "buffer", numbers: numbersTemplate}) as Buffer;
    }
  }
  return files;
}

/**
 * The worked example of every other built-in profile (data/profiles/examples/<profile>/, whole: they are small): wide
 * milestones in a time zone with a joined file (HubSpot), six related objects (Salesforce), durations, a snapshot.
 */
function exampleBases(examples = "data/profiles/examples"): FuzzBase[] {
  return readdirSync(examples)
    .sort()
    .map((name) => ({
      name,
      reader: name,
      files: Object.fromEntries(
        readdirSync(join(examples, name)).map((file) => [file, readFileSync(join(examples, name, file))])
      )
    }));
}

async function csvOf(db: Database, query: string): Promise<Buffer> {
  return copyOf(db, query, "slice.csv", "FORMAT csv, HEADER");
}

/** The bytes DuckDB writes for `query` with the COPY options given (the file itself removed). */
async function copyOf(db: Database, query: string, name: string, options: string): Promise<Buffer> {
  const folder = temporaryFolder();
  try {
    const path = join(folder, name);
    await db.run(`COPY ${query} TO ${sqlString(path)} (${options})`);
    return readFileSync(path);
  } finally {
    rmSync(folder, {recursive: true, force: true});
  }
}

/**
 * A new folder in the temporary directory, for its caller to remove: each write removes its own, so that nothing is
 * left behind whichever function a caller runs (a case run on its own left a shared folder behind).
 */
function temporaryFolder(): string {
  return mkdtempSync(join(tmpdir(), "leadstage-fuzz-"));
}

/** The cases of a run: the same seed always gives the same cases. One or two mutations each. */
export function fuzzCases(bases: FuzzBase[], seed: number, count: number): FuzzCase[] {
  const random = randomLcg(seed);
  return Array.from({length: count}, (_, index) => {
    const base = bases[index % bases.length];
    const files = Object.keys(base.files);
    const file = files[Math.floor(random() * files.length)];
    const chosen = Array.from(
      {length: 1 + Math.floor(random() * 2)},
      () => mutationNames[Math.floor(random() * mutationNames.length)]
    );
    return {index, base: base.name, file, mutations: chosen};
  });
}

/** The files of a case: its base with one file mutated (mutations seeded by the run's seed and the case). */
export function caseFiles(base: FuzzBase, c: FuzzCase, seed: number): Record<string, Buffer> {
  const random = randomLcg(((seed * 1_000_003 + c.index) % 2 ** 31) / 2 ** 31);
  let bytes = base.files[c.file];
  for (const name of c.mutations) bytes = mutations[name](bytes, random);
  return {...base.files, [c.file]: bytes};
}

/** Runs one case in a folder of its own, bounded by `timeoutMs`. */
export async function runCase(base: FuzzBase, c: FuzzCase, seed: number, timeoutMs = 20_000): Promise<FuzzResult> {
  // case-<n> in the path: the report leaves such folders out of the errors it quotes (loaders/cli/fuzz-import.ts).
  const root = temporaryFolder();
  const directory = join(root, `case-${c.index}`);
  mkdirSync(directory);
  const files = caseFiles(base, c, seed);
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(directory, name), bytes);
  const started = performance.now();
  const end = (outcome: FuzzOutcome, detail: string): FuzzResult => ({
    ...c,
    outcome,
    detail,
    milliseconds: Math.round(performance.now() - started)
  });
  const db = await Database.open();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => {
        db.interrupt();
        resolve("timeout");
      }, timeoutMs);
    });
    const summary = await Promise.race([build(db, base, directory), timeout]);
    if (summary === "timeout") return end("timeout", `over ${timeoutMs} ms`);
    // A status the profile maps to no event (an open deal's stage) is read and neither used nor rejected.
    const wrong = summary.files.find((d) => d.used + d.rejected + (d.notEvents ?? 0) !== d.read);
    if (wrong) {
      const none = wrong.notEvents ? ` + ${wrong.notEvents} no event` : "";
      return end(
        "unreconciled",
        `${wrong.file}: ${wrong.read} read ≠ ${wrong.used} used + ${wrong.rejected} rejected${none}`
      );
    }
    const counts = (d: (typeof summary.files)[number]) =>
      `${d.file} ${d.read}=${d.used}+${d.rejected}${d.notEvents ? `+${d.notEvents} no event` : ""}`;
    return end("model", summary.files.map(counts).join("; "));
  } catch (error) {
    return end(...judgeError(error, Object.keys(files)));
  } finally {
    clearTimeout(timer);
    db.close();
    rmSync(root, {recursive: true, force: true});
  }
}

function build(db: Database, base: FuzzBase, directory: string): Promise<HandoffModelSummary> {
  if (base.reader === "canonical") return buildHandoffModel(db, locateInput(directory), handoffLadder);
  const profile = loadProfile(base.reader);
  const paths = Object.fromEntries(
    Object.entries(profile.files).map(([name, file]) => [name, join(directory, basename(file.default!))])
  );
  return buildHandoffModel(db, {profile, paths}, handoffLadder);
}

/** A good error is an InputError on one line that names one of the case's files. */
function judgeError(error: unknown, files: string[]): [FuzzOutcome, string] {
  const message = error instanceof Error ? error.message : String(error);
  const clear = error instanceof InputError && !message.includes("\n") && files.some((d) => message.includes(d));
  if (clear) return ["error", message];
  const stack = error instanceof Error ? (error.stack ?? message) : message;
  return ["crash", stack.split("\n").slice(0, 4).join(" | ")];
}

/** Runs `count` cases from `seed`, one after the other, and reports each. */
export async function fuzzImport(
  bases: FuzzBase[],
  seed: number,
  count: number,
  onResult: (result: FuzzResult) => void = () => {}
): Promise<FuzzResult[]> {
  const results: FuzzResult[] = [];
  for (const c of fuzzCases(bases, seed, count)) {
    const result = await runCase(
      bases.find((d) => d.name === c.base)!,
      c,
      seed
    );
    results.push(result);
    onResult(result);
  }
  return results;
}
