import {describe, expect, it} from "vitest";
import {spawnSync} from "node:child_process";
import {UsageError, wholeNumberOption} from "../../../loaders/tools/cli-options.js";

describe("wholeNumberOption", () => {
  it("reads a whole number at least the minimum, and names the option and the text otherwise", () => {
    expect(wholeNumberOption("seeds", "20")).toBe(20);
    expect(wholeNumberOption("first-seed", "0", 0)).toBe(0);
    for (const text of ["abc", "", " ", "2.5", "0", "-1", "1e400"]) {
      expect(() => wholeNumberOption("seeds", text)).toThrow(UsageError);
    }
    expect(() => wholeNumberOption("cases", "x")).toThrow('--cases must be a whole number ≥ 1, got "x"');
  });
});

describe("checkedOptions", () => {
  const run = (check: string) =>
    spawnSync(
      "npx",
      [
        "tsx",
        "-e",
        `import {checkedOptions, UsageError} from "./loaders/tools/cli-options.ts";
         const value = checkedOptions("demo", () => { ${check} });
         console.log("went on with", value);`
      ],
      {encoding: "utf8"}
    );

  it("ends a command with one line and exit code 2 for bad usage, before any work", () => {
    const bad = run(`throw new UsageError("--leads must be a whole number ≥ 1, got \\"x\\"");`);
    expect([bad.status, bad.stderr, bad.stdout]).toEqual([
      2,
      'demo: --leads must be a whole number ≥ 1, got "x"\n',
      ""
    ]);
    const good = run("return 7;");
    expect([good.status, good.stdout]).toEqual([0, "went on with 7\n"]);
  });

  it("lets any other error through as the failure it is", () => {
    const other = run(`throw new TypeError("not a usage error");`);
    expect(other.status).toBe(1);
    expect(other.stderr).toContain("TypeError: not a usage error");
  });
});
