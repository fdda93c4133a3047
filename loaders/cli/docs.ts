// Regenerates what the docs show from the code's own definitions: the ladder tables in docs/ladder.md.
import {readFileSync, writeFileSync} from "node:fs";
import {documentedLadders, withLadderTables} from "../tools/ladder-docs.js";

const path = "docs/ladder.md";
const before = readFileSync(path, "utf8");
const after = withLadderTables(before, documentedLadders());
if (after !== before) writeFileSync(path, after);
process.stderr.write(`docs: ${path} ${after === before ? "already up to date" : "regenerated"}\n`);
