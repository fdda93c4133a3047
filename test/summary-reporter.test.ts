import {execFileSync} from "node:child_process";
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import type {TestModule} from "vitest/node";
import {runTotals} from "./summary-reporter.js";
import {temporaryDirectory} from "./helpers/temporary.js";

/** A stand-in for a test module with the given test states. */
function module(states: string[], {errors = 0, state = "passed"} = {}): TestModule {
  return {
    children: {allTests: () => states.map((s) => ({result: () => ({state: s})}))},
    errors: () => Array.from({length: errors}),
    state: () => state
  } as unknown as TestModule;
}

describe("runTotals", () => {
  it("counts passed and failed tests", () => {
    expect(runTotals([module(["passed", "failed", "passed"])], [], "failed")).toEqual({passed: 2, failed: 1});
  });

  it("counts a file that failed to load, and each unhandled error", () => {
    expect(runTotals([module([], {errors: 1, state: "failed"}), module(["passed"])], ["x", "y"], "failed")).toEqual({
      passed: 1,
      failed: 3
    });
  });

  it("never reports a run that failed, or ran nothing, as free of failures (a global setup that threw)", () => {
    expect(runTotals([], [], "failed")).toEqual({passed: 0, failed: 1});
    expect(runTotals([], [], "passed")).toEqual({passed: 0, failed: 1});
    expect(runTotals([module(["passed"])], [], "interrupted")).toEqual({passed: 1, failed: 1});
  });

  it("counts a file whose beforeAll threw (its tests skipped) though another file's test failed too", () => {
    const hookFailed = module(["skipped", "skipped"], {state: "failed"});
    expect(runTotals([hookFailed, module(["failed", "passed"], {state: "failed"})], [], "failed")).toEqual({
      passed: 1,
      failed: 2
    });
  });
});

describe("the closing line of a real run", () => {
  it("reports a file whose beforeAll threw as a failure beside another file's failed test", () => {
    const directory = temporaryDirectory();
    const reporter = join(import.meta.dirname, "summary-reporter.ts");
    const config = {test: {globals: true, reporters: [reporter], include: ["*.test.js"]}};
    writeFileSync(join(directory, "vitest.config.mjs"), `export default ${JSON.stringify(config)};`);
    writeFileSync(
      join(directory, "hook.test.js"),
      `beforeAll(() => { throw new Error("no browser"); });\nit("a", () => {});\n`
    );
    writeFileSync(join(directory, "plain.test.js"), `it("ok", () => {});\nit("bad", () => expect(1).toBe(2));\n`);
    let output = "";
    try {
      execFileSync(
        "node_modules/.bin/vitest",
        ["run", "--root", directory, "--config", join(directory, "vitest.config.mjs")],
        {
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
          env: {...process.env, VITEST: undefined, VITEST_POOL_ID: undefined, VITEST_WORKER_ID: undefined}
        }
      );
    } catch (error) {
      output = (error as {stdout: string}).stdout;
    }
    expect(output.trimEnd().split("\n").at(-1)).toBe("1 passed, 2 failed");
  });
});
