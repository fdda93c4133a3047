import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {sqlString, withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {InputError} from "../../../loaders/pipeline/input.js";
import {sourceReadError, stageSource} from "../../../loaders/pipeline/source-staging.js";
import {convertFixture, modelOf, temporaryDirectory} from "../../helpers/model.js";

const kind = `SELECT table_type AS kind FROM information_schema.tables WHERE table_name = 'staged'`;

describe("stageSource", () => {
  it("reads a Parquet file where it lies, numbering its rows in file order", async () => {
    const path = join(temporaryDirectory(), "rows.parquet");
    const rows = await withDatabase(async (db) => {
      await db.run(
        `COPY (SELECT 10 * i AS v FROM range(5000) t(i)) TO ${sqlString(path)} (FORMAT parquet, ROW_GROUP_SIZE 1000)`
      );
      const staged = await stageSource(db, path, "staged", "unused");
      expect(staged).toMatchObject({added: ["file_row_number"], inPlace: true});
      expect((await db.one<{kind: string}>(kind)).kind).toBe("VIEW");
      return db.all<{row: number; v: number}>(`SELECT ${staged.rowNumber} AS row, v FROM staged ORDER BY row`);
    });
    expect(rows).toHaveLength(5000);
    expect(rows.every((d) => d.v === 10 * (d.row - 1))).toBe(true);
  });

  it("copies a Parquet file that has a column file_row_number of its own, and keeps that column", async () => {
    const path = join(temporaryDirectory(), "own.parquet");
    const rows = await withDatabase(async (db) => {
      await db.run(`COPY (SELECT 7 - i AS file_row_number FROM range(3) t(i)) TO ${sqlString(path)} (FORMAT parquet)`);
      const staged = await stageSource(db, path, "staged", `read_parquet(${sqlString(path)})`);
      expect(staged).toMatchObject({added: [], inPlace: false});
      expect((await db.one<{kind: string}>(kind)).kind).toBe("BASE TABLE");
      return db.all(`SELECT ${staged.rowNumber} AS row, file_row_number FROM staged ORDER BY row`);
    });
    expect(rows).toEqual([
      {row: 1, file_row_number: 7},
      {row: 2, file_row_number: 6},
      {row: 3, file_row_number: 5}
    ]);
  });
});

describe("sourceReadError", () => {
  it("names the source file DuckDB failed to read, and only a source file", () => {
    const error = new Error(
      'Invalid Input Error: Failed to read file "/data/events.parquet": ZSTD Decompression failure'
    );
    const named = sourceReadError(error, ["/data/leads.parquet", "/data/events.parquet"]);
    expect(named).toBeInstanceOf(InputError);
    expect(named?.message).toBe("/data/events.parquet: cannot be read: ZSTD Decompression failure");
    expect(sourceReadError(error, ["/data/leads.parquet"])).toBeNull();
    expect(sourceReadError(new Error("Binder Error: no such column"), ["/data/events.parquet"])).toBeNull();
  });

  it("turns a broken page of a Parquet input into one clear error naming the file", async () => {
    const directory = await convertFixture("test/fixtures/small", "parquet");
    const events = join(directory, "events.parquet");
    // Rewritten with zstd pages, then the compressed bytes of the first page of the type column spoilt.
    const offset = await withDatabase(async (db) => {
      await db.run(
        `COPY (SELECT * FROM read_parquet(${sqlString(events)})) TO ${sqlString(`${events}.zstd`)} (FORMAT parquet, COMPRESSION zstd)`
      );
      const meta = await db.one<{offset: number}>(
        `SELECT data_page_offset AS offset FROM parquet_metadata(${sqlString(`${events}.zstd`)}) WHERE path_in_schema = 'type' LIMIT 1`
      );
      return meta.offset;
    });
    const bytes = readFileSync(`${events}.zstd`);
    for (let i = offset + 24; i < offset + 64; ++i) bytes[i] ^= 0x5a;
    writeFileSync(events, bytes);
    await expect(modelOf(directory)).rejects.toThrow(
      new RegExp(`^${events.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: cannot be read: `)
    );
  });
});
