// Parquet as the browser reads it (hyparquet with the flat-column fast path of patches/hyparquet+1.33.0.patch):
// DuckDB marks every column OPTIONAL, so the fast path must give back exactly what a column holds, nulls where
// they are, across pages and row groups, for every type the extract uses.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {readParquet, type ColumnSink} from "../../../src/lib/core/parquet.js";
import {sqlString, withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {temporaryDirectory} from "../../helpers/temporary.js";

const directory = temporaryDirectory("leadstage-parquet-");

/** Writes `select` to a Parquet file with small row groups (several pages and groups) and returns its bytes. */
async function written(select: string, name: string): Promise<Uint8Array> {
  const path = join(directory, name);
  await withDatabase((db) =>
    db.run(`COPY (${select}) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 3000)`)
  );
  return new Uint8Array(readFileSync(path));
}

const rows = 10_000;
// i is the row number: nulls every 7th row in one column, none in another, all null in a third.
const select = `SELECT i::INTEGER AS whole, CASE WHEN i % 7 = 3 THEN NULL ELSE i * 0.5 END AS half,
  NULL::INTEGER AS nothing, CASE WHEN i % 11 = 0 THEN NULL ELSE 'text ' || (i % 5) END AS label
  FROM range(${rows}) t(i) ORDER BY i`;

describe("readParquet", () => {
  it("reads every value of optional flat columns, with nulls exactly where they are", async () => {
    const table = await readParquet(await written(select, "values.parquet"), "values.parquet");
    expect(table.rows).toBe(rows);
    const {whole, half, nothing, label} = table.columns;
    for (const i of [0, 1, 3, 6, 10, 2999, 3000, 3003, 9999]) {
      expect(whole[i]).toBe(i);
      expect(half[i]).toBe(i % 7 === 3 ? null : i * 0.5);
      expect(nothing[i]).toBeNull();
      expect(label[i]).toBe(i % 11 === 0 ? null : `text ${i % 5}`);
    }
    expect(Array.from(whole).every((d, i) => d === i)).toBe(true);
    expect(Array.from(half).filter((d) => d === null).length).toBe(Math.ceil((rows - 3) / 7));
  });

  it("hands each chunk to a column's sink at the row it starts at", async () => {
    const seen = new Float64Array(rows).fill(-1);
    const starts: number[] = [];
    const sink: ColumnSink = (values, start) => {
      starts.push(start);
      for (let k = 0; k < values.length; ++k) seen[start + k] = values[k] === null ? NaN : Number(values[k]);
    };
    const table = await readParquet(await written(select, "sink.parquet"), "sink.parquet", (column) =>
      column === "half" ? sink : undefined
    );
    expect(table.columns.half).toBeUndefined();
    expect(starts.length).toBeGreaterThan(1);
    expect(Array.from(seen).every((d, i) => (i % 7 === 3 ? Number.isNaN(d) : d === i * 0.5))).toBe(true);
  });

  it("never decodes a column left out: no value, no sink, not asked about", async () => {
    const asked: string[] = [];
    const table = await readParquet(
      await written(select, "some.parquet"),
      "some.parquet",
      (column) => (asked.push(column), undefined),
      (column) => column !== "half" && column !== "label"
    );
    expect(Object.keys(table.columns).sort()).toEqual(["nothing", "whole"]);
    expect(asked.sort()).toEqual(["nothing", "whole"]);
    expect(Array.from(table.columns.whole).every((d, i) => d === i)).toBe(true);
  });

  it("passes the file's key-value metadata to the sinks", async () => {
    const bytes = await written(select, "meta.parquet");
    const path = join(directory, "meta-kv.parquet");
    await withDatabase((db) =>
      db.run(`COPY (SELECT * FROM read_parquet(${sqlString(join(directory, "meta.parquet"))}))
        TO ${sqlString(path)} (FORMAT parquet, KV_METADATA {leadstage: '{"a": 1}'})`)
    );
    const metadata: Record<string, string>[] = [];
    await readParquet(new Uint8Array(readFileSync(path)), "meta-kv.parquet", (_, __, kv) => {
      metadata.push(kv);
      return undefined;
    });
    expect(bytes.length).toBeGreaterThan(0);
    expect(metadata.map((d) => d.leadstage)).toEqual(Array(4).fill('{"a": 1}'));
  });

  it("names the file in one clear error when it is truncated", async () => {
    const bytes = await written(select, "broken.parquet");
    await expect(readParquet(bytes.subarray(0, bytes.length - 100), "broken.parquet")).rejects.toThrow(
      /^broken\.parquet cannot be read \(.+\): rebuild the site$/
    );
  });

  it("says so for a damaged zstd page instead of reading whatever the decoder's memory held", async () => {
    const bytes = await written(select, "damaged.parquet");
    // The first zstd frame of column `whole` (after its page header), its magic number broken.
    const [{offset}] = await withDatabase((db) =>
      db.all<{offset: number}>(
        `SELECT data_page_offset AS offset FROM parquet_metadata(${sqlString(join(directory, "damaged.parquet"))})
         WHERE path_in_schema = 'whole' ORDER BY row_group_id LIMIT 1`
      )
    );
    const damaged = Uint8Array.from(bytes);
    const frame = Buffer.from(damaged.buffer).indexOf(Buffer.of(0x28, 0xb5, 0x2f, 0xfd), Number(offset));
    expect(frame).toBeGreaterThan(Number(offset));
    damaged[frame + 3] ^= 0xff;
    await expect(readParquet(damaged, "damaged.parquet")).rejects.toThrow(
      /^damaged\.parquet cannot be read \(a zstd page inflates to 0 bytes, not \d+\): rebuild the site$/
    );
  });
});
