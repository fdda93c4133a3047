// Types and formatting are checked inside the test run, so that the run's closing line counts them: a type error
// or an unformatted file is a failed test, not a CI step that stops before the totals are printed.
import {execFileSync} from "node:child_process";
import {describe, expect, it} from "vitest";

/** The command's output and whether it succeeded. */
function run(command: string, args: string[]): {ok: boolean; output: string} {
  try {
    return {ok: true, output: execFileSync(command, args, {encoding: "utf8", stdio: ["ignore", "pipe", "pipe"]})};
  } catch (error) {
    const {stdout = "", stderr = ""} = error as {stdout?: string; stderr?: string};
    return {ok: false, output: `${stdout}${stderr}`};
  }
}

describe("the code", () => {
  it("type-checks (strict TypeScript, npm run typecheck)", () => {
    const result = run("node_modules/.bin/tsc", ["--noEmit"]);
    expect(result.output).toBe("");
    expect(result.ok).toBe(true);
  });

  it("is formatted with Prettier (npm run format)", () => {
    const result = run("node_modules/.bin/prettier", ["--check", "--log-level", "warn", "."]);
    expect(result.output).toBe("");
    expect(result.ok).toBe(true);
  });
});
