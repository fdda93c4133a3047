/**
 * npm run docs [-- --check] [--file docs/ladder.md]
 *
 * Regenerates what the docs show from the code's own definitions: the ladder tables in docs/ladder.md (between its
 * markers, from data/ladders). With --check it writes nothing and exits 1 when the file is out of date, for a CI
 * step or a hook that must not change the tree.
 */
import {readFileSync, writeFileSync} from "node:fs";
import {parseArgs} from "node:util";
import {documentedLadders, withLadderTables} from "../tools/ladder-docs.js";

const {values} = parseArgs({
  options: {check: {type: "boolean", default: false}, file: {type: "string", default: "docs/ladder.md"}}
});
const path = values.file;
const before = readFileSync(path, "utf8");
const after = withLadderTables(before, documentedLadders());
if (after === before) process.stderr.write(`docs: ${path} already up to date\n`);
else if (values.check) {
  process.stderr.write(`docs: ${path} is out of date: run npm run docs\n`);
  process.exitCode = 1;
} else {
  writeFileSync(path, after);
  process.stderr.write(`docs: ${path} regenerated\n`);
}
