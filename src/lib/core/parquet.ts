/**
 * Parquet files as the browser reads them: hyparquet, with zstd (the codec DuckDB is told to write) through zstddec,
 * the zstd library itself compiled to WebAssembly: of a million leads' handoffs.parquet, fzstd (zstd in JavaScript)
 * took 324-375 ms of a 690-830 ms read in Node, zstddec 40-48 ms (docs/extract.md). A reader can take a column's
 * values chunk by chunk straight into its own typed array, instead of a plain array of a million boxed values that is
 * then copied again (at a million leads that copy was a third of the decoding).
 *
 * hyparquet is patched (patches/hyparquet+1.33.0.patch, applied by patch-package on install): DuckDB marks every
 * column OPTIONAL, and hyparquet 1.33 walks the nested-list assembly value by value for such a flat column; the patch
 * returns a flat page's values as decoded (docs/extract.md has the measurements; it is meant for upstream).
 */
import {parquetMetadata, parquetRead} from "hyparquet";
import {ZSTDDecoder} from "zstddec";

/** The zstd decoder; its WebAssembly is compiled once, on the first read. */
const zstd = new ZSTDDecoder();

/**
 * A zstd page inflated to the size its header gives: zstddec does not report a damaged frame (it returns an empty
 * array for a broken frame header, and no check guards the rest), so a page of another size is an error here.
 */
function inflated(input: Uint8Array, length: number): Uint8Array {
  const output = zstd.decode(input, length);
  if (output.length !== length) throw new Error(`a zstd page inflates to ${output.length} bytes, not ${length}`);
  return output;
}

/** The bytes of a file: what FileAttachment.arrayBuffer() gives in a page, or a file read in Node. */
export type FileBytes = ArrayBuffer | Uint8Array;

/** A Parquet file read: its row count, its key-value metadata, and the columns no sink took, as plain arrays. */
export interface ParquetTable {
  rows: number;
  metadata: Record<string, string>;
  columns: Record<string, ArrayLike<unknown>>;
}

/** Where one column's chunks go: each chunk's values and the row it starts at. */
export type ColumnSink = (values: ArrayLike<unknown>, rowStart: number) => void;

/**
 * Reads the columns of a Parquet file that `wanted` accepts, all by default (one clear error naming the file when it
 * is broken). `sinkFor` may take a column (given its name, the file's row count and its key-value metadata); the
 * others come back as plain arrays. A column left out is never decoded.
 */
export async function readParquet(
  file: FileBytes,
  name: string,
  sinkFor: (column: string, rows: number, metadata: Record<string, string>) => ColumnSink | undefined = () => undefined,
  wanted: (column: string) => boolean = () => true
): Promise<ParquetTable> {
  const buffer =
    file instanceof Uint8Array ? file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) : file;
  try {
    await zstd.init();
    const metadata = parquetMetadata(buffer as ArrayBuffer);
    const rows = Number(metadata.num_rows);
    const keyValues = Object.fromEntries((metadata.key_value_metadata ?? []).map((d) => [d.key, d.value ?? ""]));
    const columns: Record<string, unknown[]> = {};
    const sinks = new Map<string, ColumnSink>();
    const read: string[] = [];
    for (const element of metadata.schema.slice(1)) {
      if (element.num_children || !wanted(element.name)) continue;
      read.push(element.name);
      const sink = sinkFor(element.name, rows, keyValues);
      if (sink) sinks.set(element.name, sink);
      // A file without rows has no chunks: its columns are still there, empty.
      else columns[element.name] = new Array(rows);
    }
    await parquetRead({
      file: buffer as ArrayBuffer,
      metadata,
      columns: read,
      compressors: {ZSTD: inflated},
      onChunk: ({columnName, columnData, rowStart}) => {
        const sink = sinks.get(columnName);
        if (sink) return sink(columnData, rowStart);
        const target = columns[columnName];
        for (let i = 0; i < columnData.length; ++i) target[rowStart + i] = columnData[i];
      }
    });
    return {rows, metadata: keyValues, columns};
  } catch (error) {
    throw new Error(`${name} cannot be read (${(error as Error).message}): rebuild the site`);
  }
}
