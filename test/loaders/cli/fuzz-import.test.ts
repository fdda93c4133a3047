import {describe, expect, it} from "vitest";
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {runScript} from "../../helpers/cli.js";
import {temporaryDirectory} from "../../helpers/temporary.js";

const fuzz = (...args: string[]) => runScript("fuzz-import", args);

describe("npm run fuzz", () => {
  it("runs the cases asked for and writes their report, formatted as committed, exit code 0 when none failed", () => {
    const out = join(temporaryDirectory("fuzz-cli"), "fuzz.md");
    const run = fuzz("--seed", "1", "--cases", "6", "--out", out);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/fuzz: seed 1: 6 cases in \d+ s: \{.*\}; report in /);
    const report = readFileSync(out, "utf8");
    expect(report).toMatch(/^# Mutation fuzzing of the importer\n/);
    expect(report).toContain("`npm run fuzz -- --seed 1 --cases 6`");
    expect(report).toContain("## Failures: 0");
  }, 120_000);

  it("refuses a number of cases that is none with one line and exit code 2, writing nothing", () => {
    const out = join(temporaryDirectory("fuzz-cli-bad"), "fuzz.md");
    // It once ran "NaN cases", wrote an empty report and exited 0.
    const run = fuzz("--cases", "x", "--out", out);
    expect([run.status, run.stderr]).toEqual([2, 'fuzz: --cases must be a whole number ≥ 1, got "x"\n']);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
