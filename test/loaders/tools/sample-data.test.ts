import {describe, expect, it} from "vitest";
import {execFileSync} from "node:child_process";
import {withDatabase, sqlString} from "../../../loaders/pipeline/duckdb.js";
import {modelOf, temporaryDirectory} from "../../helpers/model.js";

describe("the bundled sample (data/sample)", () => {
  it("is what `npm run generate -- --leads 20000 --seed 42` writes, so it never goes stale", async () => {
    const out = temporaryDirectory();
    execFileSync("npx", ["tsx", "loaders/cli/generate.ts", "--leads", "20000", "--seed", "42", "--out", out], {
      stdio: "pipe"
    });
    await withDatabase(async (db) => {
      for (const table of ["leads", "events"]) {
        const committed = sqlString(`data/sample/${table}.parquet`);
        const fresh = sqlString(`${out}/${table}.parquet`);
        const diff = await db.one<{n: number}>(
          `SELECT count(*) AS n FROM ((FROM ${committed} EXCEPT ALL FROM ${fresh}) UNION ALL (FROM ${fresh} EXCEPT ALL FROM ${committed}))`
        );
        expect(diff.n, `${table} differs from a fresh generation`).toBe(0);
      }
    });
  });

  it("hands off near the survey's 28/25/25/10/10% mix, with win rates rising by level", async () => {
    const {overview} = await modelOf("data/sample");
    expect(overview.totals.leads).toBe(20_000);
    overview.levels.forEach((d) => expect(Math.abs((d.share ?? 0) - (d.surveyShare ?? 0))).toBeLessThan(0.05));
    const rates = overview.levels.map((d) => d.winRate.rate ?? 0);
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
    expect(overview.totals.open).toBeGreaterThan(500);
    expect(overview.totals.repeatHandoffs).toBeGreaterThan(100);
    // The sample carries broken rows on purpose, and every one is accounted for.
    for (const file of overview.reconciliation) {
      expect(file.rejected).toBeGreaterThan(0);
      expect(file.used + file.rejected).toBe(file.read);
    }
  });
});
