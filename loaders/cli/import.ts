/**
 * npm run import -- <profile> [files... | folder | archives.zip...] [--check] [--out DIR] [--max-reject-rate R]
 *
 * Reads an export through an import profile (built-in name from data/profiles/, or a path to a .json profile) and
 * writes canonical lead histories to DIR (default data/imported/<profile>) for the dashboard:
 * `LEADSTAGE_DATA=DIR npm start`. --check reads and validates without writing. Progress and the reconciliation go to
 * stderr; the exit code is 1 when the input is unusable or too many rows are rejected.
 */
import {parseArgs} from "node:util";
import {InputError} from "../pipeline/input.js";
import {loadProfile, resolvePaths, runImport} from "../import/importer.js";
import {areArchives, withUnpackedArchives} from "../import/export-archives.js";

const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {
    check: {type: "boolean", default: false},
    out: {type: "string"},
    "max-reject-rate": {type: "string"}
  }
});

try {
  const [name, ...files] = positionals;
  if (!name)
    throw new InputError(
      "usage: npm run import -- <profile> [files... | folder | archives.zip...] [--check] [--out DIR]"
    );
  const profile = loadProfile(name);
  const rate = values["max-reject-rate"] === undefined ? undefined : Number(values["max-reject-rate"]);
  if (rate !== undefined && !(rate >= 0 && rate <= 1)) throw new InputError("--max-reject-rate must be from 0 to 1");
  const out = values.check ? undefined : (values.out ?? `data/imported/${profile.name}`);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const run = (paths: Record<string, string>) => runImport({profile, paths, out, maxRejectRate: rate, log});
  // Zip archives as the CRM delivers them (Salesforce's data export): the files the profile reads, unpacked.
  if (areArchives(files)) await withUnpackedArchives(profile, files, run);
  else await run(resolvePaths(profile, files));
  if (out) process.stderr.write(`import: open it with LEADSTAGE_DATA=${out} npm start\n`);
} catch (error) {
  process.stderr.write(`import: ${error instanceof InputError ? error.message : ((error as Error).stack ?? error)}\n`);
  process.exitCode = 1;
}
