import {describe, expect, it} from "vitest";
import {decodeColumn, encodeColumn, maxCodedValue, tokenOf} from "../../src/lib/rans.ts";
import {seededRandom} from "../../src/lib/simulator.ts";

const roundTrip = (values: number[], contexts: number[]) =>
  Array.from(decodeColumn(encodeColumn(values, contexts), contexts).values);

describe("the rANS column coder", () => {
  it("gives back every value, from 0 to 2^32, across token boundaries and contexts", () => {
    const edges = [
      0,
      1,
      15,
      16,
      17,
      31,
      32,
      63,
      64,
      255,
      256,
      65_535,
      65_536,
      2 ** 31 - 1,
      2 ** 31,
      2 ** 32 - 1,
      2 ** 32
    ];
    const random = seededRandom(7);
    const values = [...edges, ...Array.from({length: 5000}, () => Math.floor(random() ** 4 * 2 ** 32))];
    const contexts = values.map((_, i) => i % 3);
    expect(roundTrip(values, contexts)).toEqual(values);
  });

  it("maps a value to a token and extra bits the way DEFLATE codes lengths", () => {
    expect(tokenOf(15)).toEqual({token: 15, extraBits: 0, extra: 0});
    expect(tokenOf(16)).toEqual({token: 16, extraBits: 2, extra: 0});
    expect(tokenOf(23)).toEqual({token: 17, extraBits: 2, extra: 3});
    expect(tokenOf(maxCodedValue).extraBits).toBe(30);
    expect(() => tokenOf(-1)).toThrow(/whole numbers/);
    expect(() => tokenOf(0.5)).toThrow(/whole numbers/);
    expect(() => tokenOf(2 ** 32 + 1)).toThrow(/whole numbers/);
  });

  it("codes an empty column and a column of one repeated value in a handful of bytes", () => {
    expect(roundTrip([], [])).toEqual([]);
    const same = Array.from({length: 100_000}, () => 3);
    const bytes = encodeColumn(same, new Uint8Array(same.length));
    expect(bytes.length).toBeLessThan(16);
    expect(Array.from(decodeColumn(bytes, new Uint8Array(same.length)).values)).toEqual(same);
  });

  it("comes close to the entropy, and a good context makes a column cheaper", () => {
    // Outcome-like values: 0 or 1, each with probability depending on a context bit.
    const random = seededRandom(3);
    const n = 50_000;
    const contexts = Array.from({length: n}, () => (random() < 0.5 ? 1 : 0));
    const values = contexts.map((c) => (random() < (c ? 0.9 : 0.1) ? 1 : 0));
    const entropyBits = -(0.9 * Math.log2(0.9) + 0.1 * Math.log2(0.1)) * n;
    const withContext = encodeColumn(values, contexts).length;
    const without = encodeColumn(values, new Uint8Array(n)).length;
    expect(withContext * 8).toBeLessThan(entropyBits * 1.02 + 200);
    expect(without).toBeGreaterThan(withContext * 2);
  });

  it("stops with an error on a truncated column instead of looping", () => {
    const values = Array.from({length: 1000}, (_, i) => (i * 7919) % 1000);
    const contexts = new Uint8Array(values.length);
    const bytes = encodeColumn(values, contexts);
    expect(() => decodeColumn(bytes.subarray(0, bytes.length - 40), contexts)).toThrow(/corrupt extract/);
    expect(() => decodeColumn(bytes.subarray(0, 3), contexts)).toThrow(/corrupt extract/);
  });

  it("reads one column after another from the same bytes", () => {
    const a = encodeColumn([1, 2, 3], [0, 0, 0]);
    const b = encodeColumn([40, 50], [1, 0]);
    const both = new Uint8Array([...a, ...b]);
    const first = decodeColumn(both, [0, 0, 0]);
    expect(Array.from(first.values)).toEqual([1, 2, 3]);
    expect(Array.from(decodeColumn(both, [1, 0], first.end).values)).toEqual([40, 50]);
  });
});
