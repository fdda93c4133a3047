/**
 * Compiles the ladder definition into a DuckDB SQL expression. The expression must say exactly what the TypeScript
 * classifier `stageAtHandoff` says; test/loaders/pipeline/ladder-sql.test.ts feeds both the same random handoffs.
 */
import {sqlIdentifier} from "./duckdb.js";
import {evidenceTypes, type EvidenceType, type HandoffLadder} from "../../src/lib/core/ladder.js";

/** Names the column that holds one evidence type's offset from the handoff (evidence time minus handoff time). */
export type EvidenceColumn = (type: EvidenceType) => string;

/** The handoffs table's naming: `ev_<type>` holds microseconds from the handoff to the evidence, null if never. */
export const evidenceOffsetColumn: EvidenceColumn = (type) => `ev_${type}`;

/** The same naming as a regular expression for DuckDB's COLUMNS(…), the evidence type its first group. */
export const evidenceOffsetPattern = "^ev_(.+)$";

/**
 * A SQL expression giving the stage at handoff for one row: a CASE that walks the rungs upwards and stops at the
 * first one whose evidence is not all known at the handoff instant (offset ≤ 0), mirroring the cumulative rule.
 */
export function stageAtHandoffSql(ladder: HandoffLadder, column: EvidenceColumn = evidenceOffsetColumn): string {
  const [floor, ...rungs] = ladder.levels;
  if (rungs.length === 0) return String(floor.level);
  const branches = rungs.map((rung, i) => {
    const below = i === 0 ? floor.level : rungs[i - 1].level;
    const known = rung.requires.map((type) => `coalesce(${sqlIdentifier(column(type))} <= 0, false)`).join(" AND ");
    return `WHEN NOT (${known}) THEN ${below}`;
  });
  return `(CASE ${branches.join(" ")} ELSE ${rungs[rungs.length - 1].level} END)`;
}

/** The evidence bitmask whose bit i says `condition` holds of evidence type i's offset column. */
export function evidenceMaskSql(condition: (column: string) => string): string {
  return evidenceTypes
    .map((type, i) => `(CASE WHEN ${condition(sqlIdentifier(evidenceOffsetColumn(type)))} THEN ${1 << i} ELSE 0 END)`)
    .join(" + ");
}
