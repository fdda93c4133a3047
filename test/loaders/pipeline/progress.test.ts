import {afterEach, describe, expect, it, vi} from "vitest";
import {withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {runStep} from "../../../loaders/pipeline/progress.js";

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("runStep", () => {
  it("runs the statement and reports its rows and seconds on stderr", async () => {
    vi.stubEnv("LEADSTAGE_PROGRESS", "");
    const lines: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => lines.push(String(chunk)) > 0);
    const n = await withDatabase(async (db) => {
      await runStep(db, "numbers made", "CREATE TABLE numbers AS SELECT range AS i FROM range(12345)", "numbers");
      return (await db.one<{n: number}>("SELECT count(*) AS n FROM numbers")).n;
    });
    expect(n).toBe(12345);
    expect(lines).toEqual([expect.stringMatching(/^leadstage: numbers made: 12,345 rows in [0-9]+\.[0-9]{2} s\n$/)]);
  });

  it("says nothing with LEADSTAGE_PROGRESS=0", async () => {
    vi.stubEnv("LEADSTAGE_PROGRESS", "0");
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    await withDatabase((db) => runStep(db, "quiet", "CREATE TABLE t AS SELECT 1 AS x", "t"));
    expect(write).not.toHaveBeenCalled();
  });
});
