/**
 * The scorecard definition as a DuckDB table, scorecard_options, so that the loaders' SQL validates answers, derives
 * the evidence a top answer proves, and scores each handoff from the same definition the lead check page uses.
 */
import {sqlString} from "./duckdb.js";
import {scorecard, topOption, type ScorecardQuestion} from "../../src/lib/core/scorecard.js";

/** CREATE scorecard_options: one row per question and option, answer = "question=option". */
export function scorecardOptionsSql(questions: ScorecardQuestion[] = scorecard): string {
  const rows = questions.flatMap((q, qi) =>
    q.options.map((o, oi) => {
      const proves = q.proves !== null && o.key === topOption(q).key ? sqlString(q.proves) : "NULL";
      return `(${sqlString(`${q.key}=${o.key}`)}, ${sqlString(q.key)}, ${qi}, ${sqlString(o.key)}, ${oi}, ${o.points}, ${proves})`;
    })
  );
  return `CREATE OR REPLACE TABLE scorecard_options (answer VARCHAR, question VARCHAR, question_index INTEGER,
    option VARCHAR, option_index INTEGER, points INTEGER, proves VARCHAR);
    INSERT INTO scorecard_options VALUES ${rows.join(",\n    ")};`;
}
