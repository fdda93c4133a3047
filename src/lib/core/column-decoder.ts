/**
 * How the extract's columns become typed arrays as hyparquet hands over their chunks: numbers as they are (hours from
 * whole seconds), text by a sorted dictionary of its values, outcomes in the model's order; each kind with its
 * missing value. The layouts (which stored column is which page column, and how decoded) are in extract.ts.
 */
import type {ColumnSink} from "./parquet.js";
import {handoffOutcomes} from "./model.js";

/** The missing-value marker of an integer type. */
export const missing = {u8: 0xff, u16: 0xffff, u32: 0xffffffff} as const;

/**
 * How a stored column becomes a typed array, and its missing value: `text` is coded by a sorted dictionary,
 * `outcome` in the model's order, `hours` from whole seconds.
 */
export const decoders = {
  u8: [Uint8Array, missing.u8],
  u16: [Uint16Array, missing.u16],
  u32: [Uint32Array, missing.u32],
  i32: [Int32Array, -0x80000000],
  f64: [Float64Array, NaN],
  hours: [Float64Array, NaN],
  text: [Uint32Array, missing.u32],
  outcome: [Uint8Array, missing.u8]
} as const;
/** A kind of stored column: how it is decoded. */
export type Decoder = keyof typeof decoders;

/** Decodes the columns of a layout into typed arrays as their chunks arrive; text by sorted dictionaries. */
export class ColumnDecoder {
  private readonly out: Record<string, Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array> = {};
  /** Each text column's codes so far, by value, in order of appearance (finish() sorts them). */
  private readonly texts = new Map<string, Map<string, number>>();
  /** Each stored column read, with its name and decoder. */
  private readonly stored: Map<string, readonly [string, Decoder]>;
  /** Where a chunk's numbers are staged for a column that is not a Float64Array. */
  private staging = new Float64Array(0);

  constructor(
    layout: Record<string, readonly [string, Decoder]>,
    private readonly dictionaries: Record<string, string[]>
  ) {
    this.stored = new Map(Object.entries(layout).map(([name, [stored, type]]) => [stored, [name, type]]));
  }

  /** The sink of a stored column, or undefined for one this decoder does not read. */
  sink(stored: string, rows: number): ColumnSink | undefined {
    // The data's own dimensions (dim_<name>) are text columns like the built-in ones.
    if (!this.stored.has(stored) && stored.startsWith("dim_")) this.stored.set(stored, [stored, "text"]);
    const [name, type] = this.stored.get(stored) ?? [];
    if (!name || !type) return undefined;
    const target = (this.out[name] = new decoders[type][0](rows));
    if (type === "text" || type === "outcome") {
      // Text codes in order of appearance for now (finish() sorts them); outcomes in the model's order, fixed.
      const index = new Map(type === "outcome" ? handoffOutcomes.map((d, i) => [d as string, i]) : []);
      if (type === "text") this.texts.set(name, index);
      // Rows come sorted by the dimensions, so a value mostly repeats the one before: compared first, not looked up.
      let last: unknown = index; // the map itself: never a value
      let lastCode = 0;
      return (values, start) => {
        for (let k = 0; k < values.length; ++k) {
          const text = values[k];
          if (text !== last) {
            let code = index.get(text as string);
            if (code === undefined && type === "outcome") code = missing.u8;
            else if (code === undefined) index.set(text as string, (code = index.size));
            last = text;
            lastCode = code;
          }
          target[start + k] = lastCode;
        }
      };
    }
    const scale = type === "hours" ? 1 / 3600 : 1;
    const absent = decoders[type][1];
    // Numbers are written into Float64Arrays only (the column's own, else a scratch array that the column's own set()
    // converts): one loop storing into six kinds of typed array was megamorphic in V8 and took 780 ms of a
    // million-lead page's decoding (docs/page-speed.md). A chunk already typed and unscaled is copied whole.
    return (values, start) => {
      if (scale === 1 && isNumberArray(values)) return target.set(values, start);
      const direct = target instanceof Float64Array;
      const out = direct ? target : this.scratch(values.length);
      toNumbers(values, out, direct ? start : 0, absent, scale);
      if (!direct) target.set(out.subarray(0, values.length), start);
    };
  }

  /** A Float64Array of at least `length` values, reused from chunk to chunk. */
  private scratch(length: number): Float64Array {
    if (this.staging.length < length) this.staging = new Float64Array(length);
    return this.staging;
  }

  /** Every column decoded (an error naming the first one the file lacks), text coded by sorted dictionaries. */
  finish(rows: number): Record<string, ArrayLike<number>> {
    for (const [stored, [name]] of this.stored) {
      if (!this.out[name]) throw new Error(`the extract has no column ${stored}: rebuild the site`);
      const index = this.texts.get(name);
      if (!index) continue;
      const dictionary = [...index.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const sorted = new Map(dictionary.map((text, i) => [text, i]));
      const renumber = new Uint32Array(index.size);
      for (const [text, code] of index) renumber[code] = sorted.get(text)!;
      const codes = this.out[name];
      for (let row = 0; row < rows; ++row) codes[row] = renumber[codes[row]];
      this.dictionaries[name] = dictionary;
    }
    return this.out;
  }
}

/** A typed array of numbers (not of BigInts), which a typed array's set() copies and converts natively. */
function isNumberArray(values: ArrayLike<unknown>): values is ArrayLike<number> {
  return ArrayBuffer.isView(values) && !(values instanceof BigInt64Array || values instanceof BigUint64Array);
}

/** Writes `values` into `out` from `offset` as numbers times `scale`, a missing value (null) as `absent`. */
function toNumbers(values: ArrayLike<unknown>, out: Float64Array, offset: number, absent: number, scale: number): void {
  for (let k = 0; k < values.length; ++k) {
    const value = values[k];
    out[offset + k] = value === null || value === undefined ? absent : Number(value) * scale;
  }
}
