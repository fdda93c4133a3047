/**
 * The contenders run in rounds: each round runs every contender once, one after another, each in its own process
 * (loaders/tools/bench/run.ts, for its own peak memory), so that a slow minute of the shared machine falls on all of
 * them alike and every ratio can be taken within a round (report.ts).
 */
import {spawnSync} from "node:child_process";
import {wholeNumberOption} from "../cli-options.js";
import {failure, type Run} from "./report.js";

/**
 * How many rounds a size runs: `given` (--rounds) when set; otherwise three, and one past a million leads, where a
 * round of the five contenders takes about a quarter of an hour (the ten-million-lead run is made once and committed).
 * A `given` that is no whole number ≥ 1 throws a UsageError (cli-options.ts).
 */
export function roundsFor(leads: number, given?: string): number {
  if (given === undefined) return leads > 1_000_000 ? 1 : 3;
  return wholeNumberOption("rounds", given);
}

/** A contender, the input format it reads and the folder of that input. */
export interface ContenderInput {
  contender: string;
  format: string;
  directory: string;
}

/**
 * Every contender's run in each of `rounds` rounds: [round][contender], in the order given. A run that fails or
 * times out is a run with its reason (ms NaN), never a crash of the bench.
 */
export function runInRounds(
  rounds: number,
  inputs: ContenderInput[],
  {leads, timeoutMs}: {leads: number; timeoutMs: number}
): Run[][] {
  return Array.from({length: rounds}, () => inputs.map((input) => runContender(input, leads, timeoutMs)));
}

/** A TypeScript script of the project run in its own process (its output as text, up to 64 MB). */
export function tsx(args: string[], timeout: number) {
  return spawnSync("npx", ["tsx", ...args], {encoding: "utf8", timeout, maxBuffer: 64 * 1024 * 1024});
}

/** One contender's run in its own process. */
function runContender({contender, format, directory}: ContenderInput, leads: number, timeout: number): Run {
  // arquero holds every row as JS objects; past a million leads it only measures swapping.
  if (contender === "arquero" && leads > 1_000_000) {
    return {contender, format, ms: NaN, maxRssMB: NaN, error: "not run above 1M leads"};
  }
  process.stderr.write(`bench: ${leads} leads, ${contender} on ${format}\n`);
  const result = tsx(["loaders/tools/bench/run.ts", contender, directory], timeout);
  if (result.status === 0) return {...(JSON.parse(result.stdout.trim().split("\n").pop()!) as Run), format};
  const error = result.error ? "timed out" : `failed: ${failure(result.stderr)}`;
  return {contender, format, ms: NaN, maxRssMB: NaN, error};
}
