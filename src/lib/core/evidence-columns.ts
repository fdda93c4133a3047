/**
 * Per-evidence-type columns of a Parquet file (`hours_before_need_identified`, `evidence_icp_fit`, …) read into one
 * array, row by row, as the simulator walks them: the value of type i for row r at [r · types + i], NaN when the file
 * has none. The values go straight from each decoded chunk into that array: read first as a plain column each and
 * then interleaved, the nine columns of a million rows took a fifth of the extract's decoding. The values are whole
 * hours (exact in 32-bit floats below 2^24 hours, 1,900 years), so half the bytes of 64-bit ones do: fresh memory costs
 * about as much to touch as to compute with here (a million leads' evidence, 9M values, took 270 ms to fill in 64 bits).
 */
import type {ColumnSink} from "./parquet.js";

/** The evidence types a Leadstage file's `leadstage` metadata lists (none when it has no such metadata). */
export function evidenceTypesOf(metadata: Record<string, string>): string[] {
  try {
    const types = (JSON.parse(metadata.leadstage ?? "null") as {evidenceTypes?: unknown} | null)?.evidenceTypes;
    return Array.isArray(types) ? types.map(String) : [];
  } catch {
    return [];
  }
}

/**
 * Collects the columns `<prefix><type>` of one file, each value turned by `convert`, into an array with room for
 * `spareRows` more rows after the file's (NaN, for a caller that appends rows of its own).
 */
export class EvidenceColumns {
  private values: Float32Array | undefined;
  private readonly seen = new Set<string>();

  constructor(
    private readonly prefix: string,
    private readonly convert: (value: number) => number,
    private readonly spareRows = 0
  ) {}

  /** The sink of a stored column, or undefined when it is not one of the evidence columns the metadata lists. */
  sink(column: string, rows: number, metadata: Record<string, string>): ColumnSink | undefined {
    if (!column.startsWith(this.prefix)) return undefined;
    const types = evidenceTypesOf(metadata);
    const i = types.indexOf(column.slice(this.prefix.length));
    if (i < 0) return undefined;
    this.seen.add(column);
    const stride = types.length;
    const target = (this.values ??= new Float32Array((rows + this.spareRows) * stride).fill(NaN));
    const convert = this.convert;
    return (values, start) => {
      for (let k = 0, at = start * stride + i; k < values.length; ++k, at += stride) {
        const value = values[k];
        if (value !== null && value !== undefined) target[at] = convert(Number(value));
      }
    };
  }

  /** The interleaved values, spare rows included (an error naming the first column of `types` the file lacks). */
  finish(rows: number, types: string[], file: string): Float32Array {
    for (const type of types) {
      if (!this.seen.has(this.prefix + type)) {
        throw new Error(`${file} has no column ${this.prefix}${type}: rebuild the site`);
      }
    }
    return this.values ?? new Float32Array((rows + this.spareRows) * types.length);
  }
}
