/**
 * npm run build, atomic: Framework builds into a fresh folder beside the output (dist/, or LEADSTAGE_OUTPUT), the
 * finishing step runs there, and only when both succeed does that folder replace the output. A failed build leaves
 * the previous site byte for byte, and its last line says so and why (the input problem the loader named), so the
 * person who runs the nightly build reads one line: a new correct site, or the old one and the reason.
 */
import {spawnSync} from "node:child_process";
import {existsSync, renameSync, rmSync} from "node:fs";
import {join} from "node:path";
import {InputError} from "../pipeline/input.js";
import {finishBuild} from "../site/finish-build.js";
import {writeAllPageData} from "../site/page-data.js";

const output = process.env.LEADSTAGE_OUTPUT ?? "dist";
const staging = `${output}.building-${process.pid}`;
const env = {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", LEADSTAGE_OUTPUT: staging};

/** Runs a step, passing its output through; returns what it printed and whether it succeeded. */
function step(command: string, args: string[]): {ok: boolean; text: string} {
  const result = spawnSync(command, args, {env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024});
  process.stdout.write(result.stdout ?? "");
  process.stderr.write(result.stderr ?? "");
  return {ok: result.status === 0, text: `${result.stdout ?? ""}\n${result.stderr ?? ""}`};
}

/** Stops with the old site in place: the last line names why. */
function fail(text: string): never {
  rmSync(staging, {recursive: true, force: true});
  // The loaders say what is wrong with the input in one line starting "leadstage:"; Framework's own tips follow it.
  const reason =
    text
      .split("\n")
      .filter((line) => line.startsWith("leadstage: "))
      .pop() ?? "see the messages above";
  const kept = existsSync(output) ? `the previous site in ${output}/ is unchanged` : `no site was written`;
  process.stderr.write(`\nbuild failed, ${kept}: ${reason.replace(/^leadstage: /, "")}\n`);
  process.exit(1);
}

rmSync(staging, {recursive: true, force: true});
// Every page-data file at once, in this process and into Framework's loader cache, where the build finds them fresh:
// one model build instead of seven loader processes (see loaders/site/page-data.ts).
try {
  await writeAllPageData(join("src", ".observablehq", "cache", "data"));
} catch (error) {
  const message = error instanceof InputError ? error.message : ((error as Error).stack ?? String(error));
  process.stderr.write(`leadstage: ${message}\n`);
  fail(`leadstage: ${message}`);
}
const build = step("npx", ["observable", "build"]);
if (!build.ok) fail(build.text);
try {
  const pages = finishBuild(staging);
  process.stderr.write(`finish-build: ${pages} pages made reproducible and accessible\n`);
} catch (error) {
  process.stderr.write(`finish-build: ${(error as Error).message}\n`);
  fail(`leadstage: ${(error as Error).message}`);
}
const previous = `${output}.previous-${process.pid}`;
if (existsSync(output)) renameSync(output, previous);
renameSync(staging, output);
rmSync(previous, {recursive: true, force: true});
process.stderr.write(`build: the new site is in ${output}/\n`);
