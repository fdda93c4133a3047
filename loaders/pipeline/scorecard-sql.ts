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

/** SQL pieces that score a handoff from its latest answer per question (see handoffs.sql). */
export interface LatestAnswersSql {
  /** Aggregates over rows of (question_index, option_index, latest_first): the latest option per question, q<i>. */
  latest: string;
  /** The handoff's points, from the q<i> columns. */
  score: string;
  /** The handoff's answers, two bits per question in scorecard order: 0 unanswered, else 1 + the option's index. */
  answers: string;
}

/**
 * One arg_max per question within one grouping by handoff: grouping by handoff and question first, then by handoff,
 * grouped 4.3M rows twice at a million leads (0.8–1.3 s against 0.6–0.8 s, docs/pipeline-speed.md).
 */
export function latestAnswersSql(questions: ScorecardQuestion[] = scorecard): LatestAnswersSql {
  const latest = questions.map(
    (_, i) => `arg_max(option_index, CASE WHEN question_index = ${i} THEN latest_first END) AS q${i}`
  );
  const score = questions.map((q, i) => `coalesce([${q.options.map((o) => o.points).join(", ")}][q${i} + 1], 0)`);
  const answers = questions.map((_, i) => `coalesce((q${i} + 1) << ${2 * i}, 0)`);
  // The types the extract stores them in (extract-details.sql): at five million leads, HUGEINT's 16 bytes each made
  // the handoffs' sort slower (6.3 s against 6.5–6.9 s with the ENUM sort keys alone).
  return {
    latest: latest.join(",\n      "),
    score: `(${score.join(" + ")})::UTINYINT`,
    answers: `(${answers.join(" + ")})::UINTEGER`
  };
}
