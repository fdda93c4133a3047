// The ladders the simulator offers as starting points: the build's own, the default five levels, and the examples
// in data/ladders/ (checked like any configured ladder).
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {loadLadder} from "../../loaders/pipeline/input.js";
import {handoffLadder, validateLadder} from "../lib/core/ladder.js";

try {
  const directory = "data/ladders";
  const examples = readdirSync(directory)
    .filter((d) => d.endsWith(".json"))
    .sort()
    .map((d) => validateLadder(JSON.parse(readFileSync(join(directory, d), "utf8")), join(directory, d)));
  const build = loadLadder();
  const ladders = [build, handoffLadder, ...examples].filter((d, i, all) => all.findIndex((e) => e.id === d.id) === i);
  process.stderr.write(`ladders.json: ${ladders.map((d) => d.id).join(", ")}\n`);
  process.stdout.write(JSON.stringify(ladders));
} catch (error) {
  process.stderr.write(`leadstage: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
