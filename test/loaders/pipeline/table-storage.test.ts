// The model's tables go to a database file when they would outgrow DuckDB's memory limit in memory; the model is the
// same row for row wherever its tables live.
import {existsSync} from "node:fs";
import {join} from "node:path";
import {afterEach, describe, expect, it, vi} from "vitest";
import {withDatabase, type Database} from "../../../loaders/pipeline/duckdb.js";
import {buildHandoffModel} from "../../../loaders/pipeline/handoff-model.js";
import {locateInput} from "../../../loaders/pipeline/input.js";
import {placeModelTables, tablesOnDisk} from "../../../loaders/pipeline/table-storage.js";
import type {SourceTable} from "../../../loaders/pipeline/ingest.js";
import {overviewData} from "../../../loaders/site/overview-data.js";
import {handoffLadder} from "../../../src/lib/core/ladder.js";

const gib = 2 ** 30;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("tablesOnDisk", () => {
  it("keeps up to two million generated leads in memory under 4 GiB and sends five and ten million to disk", () => {
    // Input rows (leads and events) of 1M, 2M, 5M and 10M generated leads.
    expect(tablesOnDisk(12_804_153, 4 * gib)).toBe(false);
    expect(tablesOnDisk(25_598_372, 4 * gib)).toBe(false);
    expect(tablesOnDisk(63_989_890, 4 * gib)).toBe(true);
    expect(tablesOnDisk(127_991_890, 4 * gib)).toBe(true);
    // A smaller limit moves the line: a million leads need 2.3 GB, over 2.5 times 0.8 GiB.
    expect(tablesOnDisk(12_804_153, 0.8 * gib)).toBe(true);
  });
});

const source = (rows: number) => ({leads: {rows} as SourceTable});

const catalogOf = async (db: Database, table: string) =>
  (
    await db.one<{database_name: string}>(
      `SELECT database_name FROM duckdb_tables() WHERE table_name = '${table}' AND NOT temporary`
    )
  ).database_name;

describe("placeModelTables", () => {
  it("leaves the tables in memory when they fit", async () => {
    await withDatabase(async (db) => {
      expect(await placeModelTables(db, source(1000), gib)).toBe(false);
      await db.run("CREATE TABLE t AS SELECT 1 AS a");
      expect(await catalogOf(db, "t")).toBe("leadstage");
    });
  });

  it("creates later tables in a file of the spill folder, still finding what was made before, and removes it", async () => {
    let file = "";
    await withDatabase(async (db) => {
      await db.run("CREATE VIEW before_view AS SELECT 41 AS a");
      expect(await placeModelTables(db, source(1000), 1000)).toBe(true);
      await db.run("CREATE TABLE t AS SELECT a + 1 AS a FROM before_view");
      expect(await catalogOf(db, "t")).toBe("leadstage_disk");
      // The file's text columns are written without DuckDB's FSST trial (dictionary encoding won every time).
      expect(await db.one("SELECT current_setting('disabled_compression_methods') AS s")).toEqual({s: "FSST"});
      expect(await db.one("SELECT a FROM t")).toEqual({a: 42});
      file = join(db.spillDirectory, "tables.duckdb");
      expect(existsSync(file)).toBe(true);
    });
    expect(existsSync(file)).toBe(false);
  });
});

/**
 * The fixture's model: handoffs, rejects and overview, with the tables in memory, in a file from the start, or moved
 * there by the pipeline itself after reading the input (as a large input is: its text then staged as Parquet).
 */
async function fixtureModel(tables: "memory" | "disk" | "placed") {
  return withDatabase(async (db) => {
    if (tables === "disk") await db.keepTablesOnDisk();
    // The database is open with the machine's limit; the pipeline then compares the input with a limit of 1 KB.
    if (tables === "placed") vi.stubEnv("LEADSTAGE_MEMORY_LIMIT", "1KB");
    const input = locateInput("test/fixtures/small");
    const summary = await buildHandoffModel(db, input, handoffLadder);
    return {
      catalog: await catalogOf(db, "handoffs"),
      overview: await overviewData(db, handoffLadder, summary, input.dataset),
      handoffs: await db.all("SELECT * FROM handoffs ORDER BY lead_id, handoff_seq"),
      rejects: await db.all("SELECT * FROM rejects ORDER BY file, row")
    };
  });
}

describe("the model with its tables on disk", () => {
  it("is the model in memory, row for row", async () => {
    const memory = await fixtureModel("memory");
    expect(memory.catalog).toBe("leadstage");
    expect(memory.handoffs.length).toBeGreaterThan(0);
    for (const tables of ["disk", "placed"] as const) {
      const disk = await fixtureModel(tables);
      vi.unstubAllEnvs();
      expect(disk.catalog).toBe("leadstage_disk");
      expect(disk.handoffs).toEqual(memory.handoffs);
      expect(disk.rejects).toEqual(memory.rejects);
      expect(disk.overview).toEqual(memory.overview);
    }
  });
});
