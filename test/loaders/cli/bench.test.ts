import {describe, expect, it} from "vitest";
import {existsSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {runScript} from "../../helpers/cli.js";
import {temporaryDirectory} from "../../helpers/temporary.js";
import {keptMarker} from "../../../loaders/tools/bench/report.js";

/** The bench's own folders for generated histories in the system's temporary folder. */
const benchFolders = () => readdirSync(tmpdir()).filter((d) => d.startsWith("leadstage-bench-"));

// The report's pieces are tested in test/loaders/tools/bench/; here, the command as a user runs it, on a size small
// enough for a test (2,000 leads: about 20 s for three histories and seven contender processes).
describe("npm run bench", () => {
  it("measures every contender on a small size and writes its report where asked, keeping the hand-written part", () => {
    const report = join(temporaryDirectory("bench-cli"), "benchmarks.md");
    const kept = `${keptMarker}\n\nA note written by hand.\n`;
    writeFileSync(report, `# an older run\n\n${kept}`);
    const before = benchFolders();
    const projectReport = readFileSync("docs/benchmarks.md", "utf8");
    const bench = runScript("bench", ["--sizes", "2000", "--rounds", "1", "--no-browser", "--report", report]);
    expect(bench.stderr).toContain(`bench: results written to ${report}\n`);
    expect(bench.status).toBe(0);
    const written = readFileSync(report, "utf8");
    expect(written).not.toContain("an older run");
    expect(written.endsWith(kept)).toBe(true);
    // One row per contender and input, in the order they ran, each with a wall time.
    const rows = written.split("\n").filter((line) => line.startsWith("| 2,000 | "));
    expect(rows.map((line) => line.split(" | ").slice(3, 5).join(" on "))).toEqual([
      "read-floor on parquet",
      "leadstage on parquet",
      "read-floor on csv",
      "leadstage on csv",
      "arquero on csv",
      "typed-arrays on csv",
      "leadstage on csv-broken"
    ]);
    for (const row of rows) expect(row).toMatch(/ \| \d+\.\d\d s \| \d+ MB \| /);
    expect(written).toMatch(/- 2,000 leads, parquet input: pipeline .* the read floor .*: (met|NOT met)\n/);
    expect(written).toContain("## Per-handoff extract, column by column (2,000 leads)");
    // What it generated is gone, and it wrote nothing into the project's own report.
    expect(benchFolders().filter((d) => !before.includes(d))).toEqual([]);
    expect(readFileSync("docs/benchmarks.md", "utf8")).toBe(projectReport);
  }, 240_000);

  it("refuses sizes or rounds that are no whole number with one line and exit code 2, measuring nothing", () => {
    const report = join(temporaryDirectory("bench-cli-usage"), "benchmarks.md");
    const bench = (...args: string[]) => runScript("bench", ["--no-browser", "--report", report, ...args]);
    expect(bench("--sizes", "2000,abc")).toMatchObject({
      status: 2,
      stderr: 'bench: --sizes must be a whole number ≥ 1, got "abc"\n'
    });
    expect(bench("--sizes", "2000", "--rounds", "0")).toMatchObject({
      status: 2,
      stderr: 'bench: --rounds must be a whole number ≥ 1, got "0"\n'
    });
    expect(existsSync(report)).toBe(false);
  }, 60_000);
});
