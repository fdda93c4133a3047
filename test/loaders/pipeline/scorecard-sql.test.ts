import {describe, expect, it} from "vitest";
import {withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {latestAnswersSql, scorecardOptionsSql} from "../../../loaders/pipeline/scorecard-sql.js";
import {maxScore, scorecard, scoreOf} from "../../../src/lib/core/scorecard.js";

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

describe("latestAnswersSql", () => {
  it("scores each handoff by its latest answer per question, as the browser's scoreOf does, ties by the order key", async () => {
    // handoff, question, option, order key (larger = later); handoff 1 changes its mind on question 0 and ties on 2.
    const answers = [
      [1, 0, 0, 10],
      [1, 0, 2, 20],
      [1, 2, 1, 5],
      [1, 2, 2, 4],
      [1, 9, 2, 1],
      [2, 3, 1, 7]
    ];
    const sql = latestAnswersSql();
    const rows = await withDatabase((db) =>
      db.all<{handoff_id: number; score: number; answers: number}>(
        `SELECT handoff_id, ${sql.score} AS score, ${sql.answers} AS answers
         FROM (SELECT handoff_id, ${sql.latest} FROM (VALUES ${answers.map((d) => `(${d.join(", ")})`).join(", ")})
           t(handoff_id, question_index, option_index, latest_first) GROUP BY handoff_id)
         ORDER BY handoff_id`
      )
    );
    const option = (q: number, o: number) => ({[scorecard[q].key]: scorecard[q].options[o].key});
    expect(rows).toEqual([
      {
        handoff_id: 1,
        score: scoreOf({...option(0, 2), ...option(2, 1), ...option(9, 2)}),
        answers: 3 + (2 << 4) + (3 << 18)
      },
      {handoff_id: 2, score: scoreOf(option(3, 1)), answers: 2 << 6}
    ]);
  });
});
