import {describe, expect, it} from "vitest";
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {runScript} from "../../helpers/cli.js";
import {temporaryDirectory} from "../../helpers/temporary.js";

const validate = (...args: string[]) => runScript("validate-simulator", args);

describe("npm run validate-simulator", () => {
  it("writes the report of the scenarios and seeds asked for: the command, each scenario's table, the overall share", () => {
    const out = join(temporaryDirectory("validate-cli"), "report.md");
    const run = validate(
      "--seeds",
      "1",
      "--leads",
      "600",
      "--replicates",
      "2",
      "--scenarios",
      "waiting-helps",
      "--out",
      out
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`validate: written to ${out}`);
    const report = readFileSync(out, "utf8");
    expect(report).toMatch(/^# The policy simulator against ground truth\n/);
    expect(report).toContain("`npm run validate-simulator -- --seeds 1 --leads 600 --replicates 2`");
    expect(report).toMatch(/## waiting-helps \(seed 1: [\d,]+ handoffs\)/);
    // Five policies, three figures each, in the first seed's table.
    expect(report.match(/^\| [1-5] \| /gm)).toHaveLength(15);
    expect(report).toMatch(/## Overall\n\n\d+ \/ 15 \([\d.]+%\) of 15 intervals \(1 scenarios × 1 seeds/);
  }, 120_000);

  it("stops at once, with one line and exit code 2, for a scenario it does not know or a number that is none", () => {
    const out = join(temporaryDirectory("validate-cli-bad"), "report.md");
    const unknown = validate("--scenarios", "waiting-helps,nope", "--out", out);
    expect([unknown.status, unknown.stderr.trim().split("\n")]).toEqual([
      2,
      [
        'validate-simulator: no scenario "nope" (there are waiting-helps, waiting-hurts, leakage, teams-differ, ' +
          "teams-reversed, leaky-teams)"
      ]
    ]);
    // It once ran no seed at all and failed on undefined, or wrote a table of NaN.
    for (const [option, text] of [
      ["seeds", "abc"],
      ["replicates", "x"],
      ["leads", "0"]
    ]) {
      const run = validate(`--${option}`, text, "--scenarios", "waiting-helps", "--out", out);
      expect([run.status, run.stderr]).toEqual([
        2,
        `validate-simulator: --${option} must be a whole number ≥ 1, got "${text}"\n`
      ]);
    }
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
