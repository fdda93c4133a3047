import {describe, expect, it} from "vitest";
import {existsSync} from "node:fs";
import {join} from "node:path";
import {runScript} from "../../helpers/cli.js";
import {temporaryDirectory} from "../../helpers/temporary.js";

// What it writes is checked against the committed sample (test/loaders/tools/sample-data.test.ts); here, its usage.
describe("npm run generate", () => {
  it("refuses a count, seed or format that is none with one line and exit code 2, writing nothing", () => {
    const out = join(temporaryDirectory("generate-cli"), "data");
    const generate = (...args: string[]) => runScript("generate", ["--out", out, ...args]);
    expect(generate("--leads", "0")).toMatchObject({
      status: 2,
      stderr: 'generate: --leads must be a whole number ≥ 1, got "0"\n'
    });
    expect(generate("--seed", "1.5")).toMatchObject({
      status: 2,
      stderr: 'generate: --seed must be a whole number ≥ 0, got "1.5"\n'
    });
    expect(generate("--format", "xml")).toMatchObject({
      status: 2,
      stderr: 'generate: --format must be parquet, csv or jsonl, got "xml"\n'
    });
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
