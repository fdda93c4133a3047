import {describe, expect, it} from "vitest";
import {spawnSync} from "node:child_process";
import {temporaryDirectory} from "../../helpers/model.js";

// Its own store, so that a build running beside the tests (which clears .leadstage-cache) cannot interfere.
const store = temporaryDirectory();

/** Runs the Framework data loader as Framework does (tsx, stdout = the file), with the given settings. */
function runLoader(env: Record<string, string>) {
  const result = spawnSync("npx", ["tsx", "src/data/overview.json.ts"], {
    env: {...process.env, LEADSTAGE_DATA: "", LEADSTAGE_LADDER: "", LEADSTAGE_CACHE: store, ...env},
    encoding: "utf8"
  });
  return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

describe("src/data/overview.json.ts", () => {
  it("writes the overview as JSON to stdout and the reconciliation to stderr", () => {
    const {status, stdout, stderr} = runLoader({LEADSTAGE_DATA: "test/fixtures/small"});
    expect(status).toBe(0);
    const data = JSON.parse(stdout);
    expect(data.totals.handoffs).toBe(10);
    expect(data.levels).toHaveLength(5);
    expect(stderr).toContain("leads.csv: 13 rows read = 10 used + 3 rejected");
    expect(stderr).toContain("events.csv: 73 rows read = 64 used + 9 rejected");
    // A second loader over the same input and ladder reads the materialised handoffs instead of rebuilding them.
    const again = runLoader({LEADSTAGE_DATA: "test/fixtures/small"});
    expect(again.stderr).toContain("(materialised handoffs reused)");
    // The reconciliation is printed once per build, by the loader that built the model.
    expect(again.stderr).not.toContain("rows read");
    expect(JSON.parse(again.stdout)).toEqual(data);
  });

  it("fails with one clear line naming the path when the input is missing", () => {
    const {status, stdout, stderr} = runLoader({LEADSTAGE_DATA: "test/fixtures/nowhere"});
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toEqual([
      "leadstage: input folder test/fixtures/nowhere not found (set LEADSTAGE_DATA to a folder with leads and events)"
    ]);
  });

  it("classifies with the ladder named by LEADSTAGE_LADDER, and names a broken one", () => {
    const six = runLoader({LEADSTAGE_DATA: "test/fixtures/small", LEADSTAGE_LADDER: "data/ladders/six-levels.json"});
    expect(six.status).toBe(0);
    const data = JSON.parse(six.stdout);
    expect(data.ladder.id).toBe("six-levels");
    expect(data.levels.map((d: {handoffs: number}) => d.handoffs)).toEqual([2, 3, 2, 1, 0, 2]);
    const broken = runLoader({LEADSTAGE_DATA: "test/fixtures/small", LEADSTAGE_LADDER: "package.json"});
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/^leadstage: package\.json: id: expected a non-empty string/);
  });
});
