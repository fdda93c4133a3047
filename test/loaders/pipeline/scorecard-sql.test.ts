import {describe, expect, it} from "vitest";
import {withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {scorecardOptionsSql} from "../../../loaders/pipeline/scorecard-sql.js";
import {maxScore, scorecard} from "../../../src/lib/core/scorecard.js";

describe("scorecardOptionsSql", () => {
  it("writes one row per question and option, the top answer of a question proving its evidence", async () => {
    const rows = await withDatabase(async (db) => {
      await db.run(scorecardOptionsSql());
      return db.all<{answer: string; points: number; proves: string | null}>(
        "SELECT answer, points, proves FROM scorecard_options ORDER BY question_index, option_index"
      );
    });
    expect(rows).toHaveLength(scorecard.reduce((n, q) => n + q.options.length, 0));
    expect(rows.find((d) => d.answer === "budget=confirmed")).toEqual({
      answer: "budget=confirmed",
      points: 2,
      proves: "budget_confirmed"
    });
    expect(rows.find((d) => d.answer === "budget=partly")?.proves).toBeNull();
    const top = scorecard.map((q) =>
      Math.max(...rows.filter((d) => d.answer.startsWith(`${q.key}=`)).map((d) => d.points))
    );
    expect(top.reduce((a, b) => a + b, 0)).toBe(maxScore);
  });

  it("quotes keys, so that a question named with a quote cannot break out of the SQL", () => {
    const question = {...scorecard[0], key: "o'brien"};
    expect(scorecardOptionsSql([question])).toContain("'o''brien=");
  });
});
