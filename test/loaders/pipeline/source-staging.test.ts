import {existsSync, readFileSync, truncateSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterEach, describe, expect, it, vi} from "vitest";
import {sqlString, withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {InputError} from "../../../loaders/pipeline/input.js";
import {loadProfile, resolvePaths} from "../../../loaders/import/importer.js";
import {buildHandoffModel} from "../../../loaders/pipeline/handoff-model.js";
import {readFileSql, readSourceFile} from "../../../loaders/pipeline/ingest.js";
import {
  csvSizeOptions,
  sourceReadError,
  stageSource,
  stageThroughParquet
} from "../../../loaders/pipeline/source-staging.js";
import {handoffLadder} from "../../../src/lib/core/ladder.js";
import {fixtureExports} from "../../helpers/fixture-exports.js";
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

describe("a file with a column named rowid of its own (a database dump's)", () => {
  it("numbers the rows all the same, and the column keeps its name and values (the build failed on it)", async () => {
    const directory = temporaryDirectory();
    writeFileSync(join(directory, "leads.csv"), "ROWID,lead_id,created_at\n71,A,2025-01-01\n72,B,soon\n");
    writeFileSync(join(directory, "events.csv"), "lead_id,at,type,rowid\nA,2025-01-03,handed_off,9\n");
    const {rejects, handoffs} = await modelOf(directory);
    expect(rejects.map((d) => [d.file, d.row, d.field])).toEqual([["leads.csv", 2, "created_at"]]);
    expect(handoffs.map((d) => d.lead_id)).toEqual(["A"]);
  });

  it("keeps the column under its own name in the source view, beside the row numbers", async () => {
    const path = join(temporaryDirectory(), "dump.csv");
    writeFileSync(path, "rowid,text\n71,a\n72,b\n");
    const [source, rows] = await withDatabase(async (db) => {
      const read = await readSourceFile(db, path, "src_dump");
      return [read, await db.all(`SELECT row, rowid, text FROM src_dump ORDER BY row`)] as const;
    });
    expect(source.columns).toEqual(["rowid", "text"]);
    expect(rows).toEqual([
      {row: 1, rowid: "71", text: "a"},
      {row: 2, rowid: "72", text: "b"}
    ]);
  });
});

describe("a damaged Parquet source", () => {
  it("is named, with what is wrong, where DuckDB's error named no file (three bytes in front of it)", async () => {
    const directory = await convertFixture("test/fixtures/small", "parquet");
    const path = join(directory, "leads.parquet");
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(path)]));
    const error = await modelOf(directory).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      `${path}: cannot be read: the Parquet file is damaged (TProtocolException: Invalid data): copy or export it again`
    );
  });

  it("is named too where DuckDB says only that it does not know a type (a report's title in front of it)", async () => {
    // Found by the fuzzer (seed 1, case 937): "Invalid Error: don't know what type:" went out as a crash.
    const directory = await convertFixture("test/fixtures/small", "parquet");
    const path = join(directory, "events.parquet");
    const by = "As of 12/5/2025 3:59 AM by Petra Schmidt\nFiltered By:,Source = Web\n\n";
    writeFileSync(path, Buffer.concat([Buffer.from(`${by}"Leads with history"\n${by}`), readFileSync(path)]));
    const error = await modelOf(directory).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      `${path}: cannot be read: the Parquet file is damaged (its metadata cannot be decoded: bytes in front of it, or ` +
        `a damaged copy): copy or export it again`
    );
  });
});

describe("stageSource through Parquet", () => {
  it("parses a text file once into a Parquet file in the spill folder, numbered in file order, removed on close", async () => {
    const path = join(temporaryDirectory(), "rows.csv");
    // Quoted fields over two lines and a delimiter inside quotes: the row numbers are data rows, not lines.
    const lines = Array.from({length: 5000}, (_, i) => (i % 7 === 0 ? `${i},"two\nlines, ${i}"` : `${i},plain ${i}`));
    writeFileSync(path, `i,text\n${lines.join("\n")}\n`);
    let copy = "";
    const [viaParquet, viaTable] = await withDatabase(async (db) => {
      const read = readFileSql(path);
      const staged = await stageSource(db, path, "staged", read, true);
      expect(staged).toMatchObject({added: ["file_row_number"], inPlace: true});
      expect((await db.one<{kind: string}>(kind)).kind).toBe("VIEW");
      copy = join(db.spillDirectory, "staged.parquet");
      expect(existsSync(copy)).toBe(true);
      const rows = (sql: string) => db.all<{row: number; i: string; text: string}>(sql);
      const parquet = await rows(`SELECT ${staged.rowNumber} AS row, i, text FROM staged ORDER BY row`);
      const table = await stageSource(db, path, "table_staged", read);
      return [parquet, await rows(`SELECT ${table.rowNumber} AS row, i, text FROM table_staged ORDER BY row`)];
    });
    expect(viaParquet).toHaveLength(5000);
    expect(viaParquet.every((d) => d.i === String(d.row - 1))).toBe(true);
    expect(viaParquet[7]).toEqual({row: 8, i: "7", text: "two\nlines, 7"});
    expect(viaParquet).toEqual(viaTable);
    expect(existsSync(copy)).toBe(false);
  });

  it("is chosen when the text input is larger than the memory limit, a gzipped file counted at six times its size", () => {
    const directory = temporaryDirectory();
    const file = (name: string, bytes: number) => {
      writeFileSync(join(directory, name), "x".repeat(bytes));
      return join(directory, name);
    };
    const [csv, gz, parquet] = [file("a.csv", 600), file("b.csv.gz", 100), file("c.parquet", 5000)];
    expect(stageThroughParquet([csv], 599)).toBe(true);
    expect(stageThroughParquet([csv], 600)).toBe(false);
    expect(stageThroughParquet([csv, gz], 1199)).toBe(true);
    expect(stageThroughParquet([csv, gz], 1200)).toBe(false);
    // Parquet is read where it lies whatever its size; a missing file is reported by the reading, not here.
    expect(stageThroughParquet([parquet, join(directory, "missing.csv")], 1)).toBe(false);
  });
});

describe("csvSizeOptions", () => {
  it("gives text under 64 MB 16 MB buffers (two threads parse it), larger text DuckDB's default, lines up to 10 MB", () => {
    const directory = temporaryDirectory();
    const file = (name: string, bytes: number) => {
      const path = join(directory, name);
      writeFileSync(path, "");
      truncateSync(path, bytes); // sparse: no 64 MB written
      return path;
    };
    const small = ["max_line_size = 10000000", "buffer_size = 16000000"];
    expect(csvSizeOptions(file("small.csv", 63_999_999))).toEqual(small);
    expect(csvSizeOptions(file("large.csv", 64_000_000))).toEqual(["max_line_size = 10000000"]);
    // A gzipped file counts at six times its size: 11 MB of gzip is about 66 MB of text.
    expect(csvSizeOptions(file("small.csv.gz", 10_000_000))).toEqual(small);
    expect(csvSizeOptions(file("large.csv.gz", 11_000_000))).toEqual(["max_line_size = 10000000"]);
  });
});

describe("the model from text staged through Parquet", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  /**
   * Rejects, flags and handoffs of an export, its text staged as a table or (a limit of 100 bytes, under any fixture
   * export) through Parquet.
   */
  const modelRows = (folder: string, throughParquet: boolean) =>
    withDatabase(async (db) => {
      // The database is open with the machine's limit; the pipeline then compares the input with a limit of 100 bytes.
      if (throughParquet) vi.stubEnv("LEADSTAGE_MEMORY_LIMIT", "100B");
      const profile = loadProfile(`${folder}/profile.json`);
      await buildHandoffModel(db, {profile, paths: resolvePaths(profile, [folder])}, handoffLadder);
      const kinds = await db.all(`SELECT table_type FROM information_schema.tables WHERE table_name LIKE '%_staging'`);
      return {
        staging: [...new Set(kinds.map((d) => d.table_type))],
        rejects: await db.all("SELECT * FROM rejects ORDER BY ALL"),
        flags: await db.all("SELECT * FROM flags ORDER BY ALL"),
        handoffs: await db.all("SELECT * FROM handoffs ORDER BY lead_id, handoff_seq")
      };
    });

  it.each(fixtureExports())("is the model from a table, row for row: %s", async (name) => {
    const folder = `test/fixtures/exports/${name}`;
    const table = await modelRows(folder, false);
    vi.unstubAllEnvs();
    const parquet = await modelRows(folder, true);
    expect([table.staging, parquet.staging]).toEqual([["BASE TABLE"], ["VIEW"]]);
    expect(table.handoffs.length).toBeGreaterThan(0);
    expect(parquet.rejects).toEqual(table.rejects);
    expect(parquet.flags).toEqual(table.flags);
    expect(parquet.handoffs).toEqual(table.handoffs);
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
