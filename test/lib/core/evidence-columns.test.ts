// Evidence columns read into one interleaved array, straight from the decoded chunks.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {EvidenceColumns, evidenceTypesOf} from "../../../src/lib/core/evidence-columns.js";
import {readParquet} from "../../../src/lib/core/parquet.js";
import {sqlString, withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {temporaryDirectory} from "../../helpers/temporary.js";

const metadata = JSON.stringify({evidenceTypes: ["a", "b", "c"]});

/** A file of `rows` rows with columns h_a (row), h_c (row · 10, null on odd rows) and one that is no evidence. */
async function file(
  rows: number,
  columns = "i AS h_a, CASE WHEN i % 2 = 0 THEN i * 10 END AS h_c"
): Promise<Uint8Array> {
  const path = join(temporaryDirectory(), "evidence.parquet");
  await withDatabase((db) =>
    db.run(`COPY (SELECT ${columns}, i AS h_other FROM range(${rows}) t(i) ORDER BY i)
      TO ${sqlString(path)} (FORMAT parquet, ROW_GROUP_SIZE 2048, KV_METADATA {leadstage: ${sqlString(metadata)}})`)
  );
  return new Uint8Array(readFileSync(path));
}

describe("evidenceTypesOf", () => {
  it("reads the evidence types of a file's leadstage metadata, none without it", () => {
    expect(evidenceTypesOf({leadstage: metadata})).toEqual(["a", "b", "c"]);
    expect(evidenceTypesOf({})).toEqual([]);
    expect(evidenceTypesOf({leadstage: "{broken"})).toEqual([]);
  });
});

describe("EvidenceColumns", () => {
  it("puts type i of row r at r · types + i, converted, NaN where the file has nothing", async () => {
    const evidence = new EvidenceColumns("h_", (value) => -value);
    const table = await readParquet(await file(5000), "evidence.parquet", (column, rows, kv) =>
      evidence.sink(column, rows, kv)
    );
    expect(Object.keys(table.columns)).toEqual(["h_other"]);
    expect(() => evidence.finish(5000, ["a", "b", "c"], "evidence.parquet")).toThrow(
      "evidence.parquet has no column h_b: rebuild the site"
    );
    const values = evidence.finish(5000, ["a", "c"], "evidence.parquet");
    expect(values.length).toBe(15_000);
    for (const row of [0, 1, 2047, 2048, 4999]) {
      expect(values[row * 3]).toBe(-row);
      expect(values[row * 3 + 1]).toBeNaN();
      if (row % 2 === 0) expect(values[row * 3 + 2]).toBe(-row * 10);
      else expect(values[row * 3 + 2]).toBeNaN();
    }
  });

  it("leaves room for spare rows after the file's, NaN for the caller to fill", async () => {
    const evidence = new EvidenceColumns("h_", (value) => value, 2);
    await readParquet(await file(3), "evidence.parquet", (column, rows, kv) => evidence.sink(column, rows, kv));
    const values = evidence.finish(3, ["a", "c"], "evidence.parquet");
    expect(values.length).toBe(15);
    expect(Array.from(values.subarray(0, 9))).toEqual([0, NaN, 0, 1, NaN, NaN, 2, NaN, 20]);
    expect(Array.from(values.subarray(9)).every((d) => Number.isNaN(d))).toBe(true);
  });

  it("gives an empty array for a file without rows", async () => {
    const evidence = new EvidenceColumns("h_", (value) => value);
    await readParquet(await file(0), "evidence.parquet", (column, rows, kv) => evidence.sink(column, rows, kv));
    expect(evidence.finish(0, ["a", "c"], "evidence.parquet").length).toBe(0);
  });
});
