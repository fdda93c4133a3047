import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {Database} from "../../../loaders/pipeline/duckdb.js";
import {evidenceOffsetColumn, evidenceOffsetPattern, stageAtHandoffSql} from "../../../loaders/pipeline/ladder-sql.js";
import {Random} from "../../../loaders/tools/sample-generator.js";
import {
  evidenceTypes,
  handoffLadder,
  stageAtHandoff,
  validateLadder,
  type EvidenceOffsets,
  type HandoffLadder
} from "../../../src/lib/core/ladder.js";

const ladders: HandoffLadder[] = [
  handoffLadder,
  validateLadder(JSON.parse(readFileSync("data/ladders/four-levels.json", "utf8"))),
  validateLadder(JSON.parse(readFileSync("data/ladders/six-levels.json", "utf8")))
];

/**
 * Random handoffs that hit the edges: evidence at the same instant as the handoff, a microsecond before or after,
 * never known, known only later, and rungs skipped. Half climb the ladder to a chosen level and then get disturbed,
 * so every level occurs often; the other half are pure noise.
 */
function randomHandoffs(ladder: HandoffLadder, count: number, seed: number): EvidenceOffsets[] {
  const random = new Random(seed);
  const offset = (): number | null => {
    const x = random.next();
    if (x < 0.25) return null;
    if (x < 0.4) return 0;
    if (x < 0.45) return -1;
    if (x < 0.5) return 1;
    if (x < 0.8) return -Math.floor(random.uniform(1, 1e12));
    return Math.floor(random.uniform(1, 1e12));
  };
  return Array.from({length: count}, (_, i) => {
    if (i % 2 === 1) return Object.fromEntries(evidenceTypes.map((type) => [type, offset()]));
    const target = 1 + Math.floor(random.next() * ladder.levels.length);
    const offsets: EvidenceOffsets = {};
    for (const rung of ladder.levels) {
      for (const type of rung.requires) offsets[type] = rung.level <= target ? (random.chance(0.2) ? 0 : -60) : null;
    }
    const disturbed = random.pick(evidenceTypes);
    offsets[disturbed] = offset();
    return offsets;
  });
}

describe("stageAtHandoffSql", () => {
  let db: Database;
  beforeAll(async () => {
    db = await Database.open();
  });
  afterAll(() => db.close());

  it.each(ladders.map((ladder, i) => [ladder.id, ladder, i] as const))(
    "agrees with the TypeScript classifier on 12,000 random handoffs (%s ladder)",
    async (_, ladder, i) => {
      const handoffs = randomHandoffs(ladder, 12_000, 20_251_127 + i);
      await db.run(
        `CREATE OR REPLACE TABLE random_handoffs (id BIGINT, ${evidenceTypes
          .map((type) => `${evidenceOffsetColumn(type)} BIGINT`)
          .join(", ")})`
      );
      await db.append(
        "random_handoffs",
        handoffs.map((d, id) => [
          BigInt(id),
          ...evidenceTypes.map((type) => (d[type] == null ? null : BigInt(d[type] as number)))
        ])
      );
      const rows = await db.all<{id: number; stage: number}>(
        `SELECT id, ${stageAtHandoffSql(ladder)} AS stage FROM random_handoffs ORDER BY id`
      );
      expect(rows).toHaveLength(handoffs.length);
      const disagreements = rows.filter((row) => row.stage !== stageAtHandoff(handoffs[row.id], ladder));
      expect(disagreements).toEqual([]);
      // Every level occurs often enough that the agreement means something for each.
      const counts = new Map<number, number>();
      for (const row of rows) counts.set(row.stage, (counts.get(row.stage) ?? 0) + 1);
      for (const level of ladder.levels) expect(counts.get(level.level) ?? 0).toBeGreaterThan(300);
    }
  );

  it("compiles a rung's requirements into one condition each, the floor into the fallback", () => {
    const sql = stageAtHandoffSql(handoffLadder);
    expect(sql.match(/WHEN NOT/g)).toHaveLength(4);
    expect(sql).toContain(`coalesce("ev_icp_fit" <= 0, false)`);
    expect(sql.endsWith("ELSE 5 END)")).toBe(true);
  });
});

describe("evidenceOffsetPattern", () => {
  it("matches every evidence type's offset column, the type its group (the extract's COLUMNS() rely on it)", () => {
    for (const type of evidenceTypes)
      expect(new RegExp(evidenceOffsetPattern).exec(evidenceOffsetColumn(type))?.[1]).toBe(type);
  });
});
