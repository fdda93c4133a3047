/** The npm scripts as a user runs them, for the tests of their entry points (loaders/cli/). */
import {spawnSync} from "node:child_process";

/** Runs `loaders/cli/<script>.ts` with `args` (progress lines off, `env` on top) and returns its exit and output. */
export function runScript(script: string, args: string[] = [], env: Record<string, string> = {}) {
  return spawnSync("npx", ["tsx", `loaders/cli/${script}.ts`, ...args], {
    encoding: "utf8",
    env: {...process.env, LEADSTAGE_PROGRESS: "0", ...env}
  });
}
