/**
 * The ladders the simulator offers as starting points: the build's own, the default five levels, and the examples
 * in data/ladders/, each checked like any configured ladder.
 */
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {loadLadder} from "../pipeline/input.js";
import {handoffLadder, validateLadder, type HandoffLadder} from "../../src/lib/core/ladder.js";

/** The build's ladder first, then the default and the examples, each id once. */
export function ladderChoices(directory = "data/ladders"): HandoffLadder[] {
  const examples = readdirSync(directory)
    .filter((d) => d.endsWith(".json"))
    .sort()
    .map((d) => validateLadder(JSON.parse(readFileSync(join(directory, d), "utf8")), join(directory, d)));
  const ladders = [loadLadder(), handoffLadder, ...examples];
  return ladders.filter((d, i, all) => all.findIndex((e) => e.id === d.id) === i);
}
