import {describe, expect, it} from "vitest";
import {ColumnDecoder, missing, type Decoder} from "../../../src/lib/core/column-decoder.js";

/** Decodes one stored column `x` of `type` from `chunks` (each with the row it starts at) into its typed array. */
function decode(type: Decoder, rows: number, chunks: [ArrayLike<unknown>, number][]) {
  const dictionaries: Record<string, string[]> = {};
  const decoder = new ColumnDecoder({x: ["x", type]}, dictionaries);
  const sink = decoder.sink("x", rows)!;
  for (const [values, start] of chunks) sink(values, start);
  return {column: decoder.finish(rows).x, dictionaries};
}

describe("ColumnDecoder: numbers", () => {
  it("fills every integer kind from plain chunks with nulls, at each chunk's row, missing values as the kind's marker", () => {
    const chunks: [ArrayLike<unknown>, number][] = [
      [[1, null, 3], 0],
      [[250, undefined], 3]
    ];
    expect(Array.from(decode("u8", 5, chunks).column)).toEqual([1, missing.u8, 3, 250, missing.u8]);
    expect(Array.from(decode("u16", 5, chunks).column)).toEqual([1, missing.u16, 3, 250, missing.u16]);
    expect(Array.from(decode("u32", 5, chunks).column)).toEqual([1, missing.u32, 3, 250, missing.u32]);
    expect(Array.from(decode("i32", 5, chunks).column)).toEqual([1, -0x80000000, 3, 250, -0x80000000]);
    expect(Array.from(decode("f64", 5, chunks).column)).toEqual([1, NaN, 3, 250, NaN]);
  });

  it("copies typed chunks as they are, and reads the full range of each kind (an unsigned 32-bit value above 2^31)", () => {
    const big = 0xfffffffe;
    expect(Array.from(decode("u32", 4, [[new Float64Array([big, 7]), 1]]).column)).toEqual([0, big, 7, 0]);
    expect(Array.from(decode("u32", 2, [[[big, 0], 0]]).column)).toEqual([big, 0]);
    expect(Array.from(decode("i32", 3, [[new Int32Array([-5, 2 ** 31 - 1, 0]), 0]]).column)).toEqual([
      -5,
      2 ** 31 - 1,
      0
    ]);
    expect(Array.from(decode("f64", 2, [[new Float32Array([0.5, -2]), 0]]).column)).toEqual([0.5, -2]);
  });

  it("reads 64-bit integer chunks (BigInt) as numbers, not through a typed copy that would refuse them", () => {
    expect(Array.from(decode("i32", 2, [[new BigInt64Array([-3n, 40n]), 0]]).column)).toEqual([-3, 40]);
    expect(Array.from(decode("f64", 2, [[[12n, null], 0]]).column)).toEqual([12, NaN]);
  });

  it("turns whole seconds into hours, from plain and typed chunks alike", () => {
    const {column} = decode("hours", 4, [
      [new Int32Array([3600, 5400]), 0],
      [[null, 36], 2]
    ]);
    expect(column).toBeInstanceOf(Float64Array);
    expect(Array.from(column)).toEqual([1, 1.5, NaN, 0.01]);
  });

  it("keeps chunks of different columns apart when they alternate (one staging array serves them all)", () => {
    const dictionaries: Record<string, string[]> = {};
    const decoder = new ColumnDecoder({a: ["a", "u8"], b: ["b", "u16"]}, dictionaries);
    const [a, b] = [decoder.sink("a", 4)!, decoder.sink("b", 4)!];
    a([1, 2, 3], 0);
    b([1000, null, 3000, 4000], 0);
    a([4], 3);
    const out = decoder.finish(4);
    expect(Array.from(out.a)).toEqual([1, 2, 3, 4]);
    expect(Array.from(out.b)).toEqual([1000, missing.u16, 3000, 4000]);
  });
});

describe("ColumnDecoder: text", () => {
  it("codes text by its sorted dictionary, whatever order the values come in", () => {
    const {column, dictionaries} = decode("text", 5, [
      [["Web", "Web", "Events"], 0],
      [["Ads", "Web"], 3]
    ]);
    expect(dictionaries.x).toEqual(["Ads", "Events", "Web"]);
    expect(Array.from(column)).toEqual([2, 2, 1, 0, 2]);
  });

  it("codes outcomes in the model's fixed order, an unknown one as missing", () => {
    const {column} = decode("outcome", 3, [[["won", "open", "bogus"], 0]]);
    expect(Array.from(column)).toEqual([0, 4, missing.u8]);
  });

  it("names the first column a file lacks", () => {
    const decoder = new ColumnDecoder({x: ["x", "u8"], y: ["stored_y", "u8"]}, {});
    decoder.sink("x", 1)!([1], 0);
    expect(() => decoder.finish(1)).toThrow("the extract has no column stored_y: rebuild the site");
  });
});
