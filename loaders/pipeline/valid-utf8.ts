/**
 * Whether a text file is valid UTF-8 throughout, read as a stream (a gzipped one inflated on the way). Staging only
 * some of a CSV's columns (ingest.ts) needs it: DuckDB 1.5's CSV reader, reporting invalid UTF-8 in a column it was
 * asked for, reads past the end of its projected row ("INTERNAL Error: Attempted to access index 2 within vector of
 * size 2") and the database is invalidated for the rest of the run; a file that fails here is staged whole instead,
 * and DuckDB's own error names its line. Node checks 580 MB in about 0.2 s; inflating a gzipped file costs more (2.0 s
 * for the same text gzipped).
 */
import {createReadStream} from "node:fs";
import {isUtf8} from "node:buffer";
import {createGunzip} from "node:zlib";

/** Whether the file at `path` (gzipped if it ends in .gz) holds valid UTF-8 only. */
export async function isValidUtf8File(path: string): Promise<boolean> {
  const file = createReadStream(path, {highWaterMark: 1 << 20});
  const stream = /\.gz$/i.test(path) ? file.pipe(createGunzip()) : file;
  // A character may be cut between two chunks: its first bytes wait for the next one.
  let carried = Buffer.alloc(0);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const bytes = carried.length > 0 ? Buffer.concat([carried, chunk]) : chunk;
      const end = lastCharacterStart(bytes);
      if (!isUtf8(bytes.subarray(0, end))) return false;
      carried = Buffer.from(bytes.subarray(end));
    }
  } finally {
    file.destroy();
  }
  return isUtf8(carried);
}

/** Where the last character of `bytes` starts (a UTF-8 character has at most three continuation bytes). */
function lastCharacterStart(bytes: Buffer): number {
  for (let k = 1; k <= 4 && k <= bytes.length; ++k) {
    if ((bytes[bytes.length - k] & 0xc0) !== 0x80) return bytes.length - k;
  }
  return bytes.length;
}
