/**
 * Where the lead histories come from: one setting, LEADSTAGE_DATA, names a folder holding a leads file and an events
 * file in CSV, Parquet, JSON Lines or an Excel workbook (its first sheet). A missing folder or file is one clear line
 * naming the path.
 */
import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import {Ajv} from "ajv";
import {canonicalDataset, fullLimits, type DatasetDescription} from "../../src/lib/core/dataset.js";
import {handoffLadder, validateLadder, type HandoffLadder} from "../../src/lib/core/ladder.js";

/** An error in the user's input or configuration: printed as one line, without a stack trace. */
export class InputError extends Error {
  override name = "InputError";
}

/** The folder used when LEADSTAGE_DATA is not set: the bundled sample. */
export const defaultDataDirectory = "data/sample";

/** The folder the build reads: LEADSTAGE_DATA, or the bundled sample. */
export function dataDirectory(): string {
  return process.env.LEADSTAGE_DATA || defaultDataDirectory;
}

/** File endings read for each table, in the order they are looked for. */
export const inputExtensions = [
  ".parquet",
  ".csv",
  ".csv.gz",
  ".tsv",
  ".jsonl",
  ".jsonl.gz",
  ".ndjson",
  ".json",
  ".xlsx",
  ".xlsm",
  ".xlsb",
  ".xls",
  ".ods",
  ".numbers"
] as const;

/** The two input files of a lead history, and what the data can tell (from dataset.json, written by imports). */
export interface LeadHistoryInput {
  directory: string;
  leads: string;
  events: string;
  dataset: DatasetDescription;
}

/** Finds leads.* and events.* in the folder named by LEADSTAGE_DATA (or the given one). */
export function locateInput(directory: string = dataDirectory()): LeadHistoryInput {
  if (!existsSync(directory) || !statSync(directory).isDirectory()) {
    throw new InputError(`input folder ${directory} not found (set LEADSTAGE_DATA to a folder with leads and events)`);
  }
  return {
    directory,
    leads: locateTable(directory, "leads"),
    events: locateTable(directory, "events"),
    dataset: readDataset(join(directory, "dataset.json"))
  };
}

/** dataset.json's shape, a JSON Schema anyone can check a hand-written file against (pipeline/dataset.schema.json). */
const validateDataset = new Ajv({allErrors: false, allowUnionTypes: true}).compile(
  JSON.parse(readFileSync(new URL("./dataset.schema.json", import.meta.url), "utf8"))
);

function readDataset(path: string): DatasetDescription {
  if (!existsSync(path)) return canonicalDataset();
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new InputError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (!validateDataset(json)) {
    const [error] = validateDataset.errors!;
    const where = error.instancePath === "" ? "the top level" : error.instancePath.slice(1).replaceAll("/", ".");
    const extra = "additionalProperty" in error.params ? ` ("${String(error.params.additionalProperty)}")` : "";
    throw new InputError(`${path}: ${where}: ${error.message}${extra} (see loaders/pipeline/dataset.schema.json)`);
  }
  const dataset = json as Partial<DatasetDescription>;
  return {...canonicalDataset(), ...dataset, limits: {...fullLimits, ...dataset.limits}};
}

function locateTable(directory: string, table: string): string {
  const found = inputExtensions.map((ext) => join(directory, table + ext)).filter((path) => existsSync(path));
  if (found.length === 0) {
    // A file of the right name in another format (a workbook, say) is named, with what would be read instead.
    const other = existsSync(directory) ? readdirSync(directory).find((d) => d.startsWith(`${table}.`)) : undefined;
    throw new InputError(
      `no ${table} file in ${directory} (expected ${table}.csv, ${table}.parquet, ${table}.jsonl, ${table}.xlsx or ` +
        `${table}.xls` +
        (other ? `; ${other} is not one of those: save it as CSV UTF-8 or .xlsx)` : ")")
    );
  }
  if (found.length > 1) throw new InputError(`more than one ${table} file in ${directory}: ${found.join(", ")}`);
  const [path] = found;
  if (statSync(path).size === 0) throw new InputError(`${path} is empty`);
  return path;
}

/** The ladder to classify with: the JSON file named by LEADSTAGE_LADDER, checked, or the default five levels. */
export function loadLadder(path: string | undefined = process.env.LEADSTAGE_LADDER || undefined): HandoffLadder {
  if (!path) return handoffLadder;
  if (!existsSync(path)) throw new InputError(`ladder file ${path} not found (LEADSTAGE_LADDER)`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new InputError(`ladder file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  try {
    return validateLadder(json, path);
  } catch (error) {
    throw new InputError((error as Error).message);
  }
}
