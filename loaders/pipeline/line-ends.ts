/**
 * Text files whose lines end in more than one way (\r\n, \n, a bare \r): exports made on Windows and elsewhere joined
 * into one file, rows appended by a script or a text editor. DuckDB's CSV reader takes one kind of line end per file
 * and refuses the file at the first other one ("the state machine reached an invalid state"), where Python's csv
 * module, pandas and spreadsheets read each of them as a line end. Once DuckDB has refused such a file (ingest.ts), it
 * is read from a copy whose every line end is \n: the same lines, so rows keep their numbers (a \r\n or a \r inside a
 * quoted value becomes a \n there too, as those readers give it).
 */
import {createReadStream, createWriteStream, mkdirSync, rmSync} from "node:fs";
import {basename, join} from "node:path";
import {Transform, type TransformCallback} from "node:stream";
import {pipeline} from "node:stream/promises";
import {createGunzip} from "node:zlib";
import iconv from "iconv-lite";
import {InputError} from "./input.js";
import {invalidCsvReason} from "./read-errors.js";

/** How many lines of a file end in each way. */
export interface LineEnds {
  crlf: number;
  lf: number;
  cr: number;
}

const CR = 13;
const LF = 10;

/** Rewrites \r\n and a bare \r as \n, counting each kind (a \r ending a chunk waits for the next one's first byte). */
class UnixLineEnds extends Transform {
  readonly ends: LineEnds = {crlf: 0, lf: 0, cr: 0};
  private pendingCr = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const parts: Buffer[] = [];
    let from = 0;
    // The \r\n whose \n is in this chunk: counted apart from the bare \n.
    let crlf = 0;
    if (this.pendingCr) {
      this.pendingCr = false;
      parts.push(Buffer.of(LF));
      if (chunk[0] === LF) {
        crlf++;
        from = 1;
      } else this.ends.cr++;
    }
    for (let at = chunk.indexOf(CR, from); at >= 0; at = chunk.indexOf(CR, from)) {
      parts.push(chunk.subarray(from, at));
      from = at + 1;
      // A \r\n loses its \r (the \n goes with the next part); a bare \r becomes a \n.
      if (from === chunk.length) this.pendingCr = true;
      else if (chunk[from] === LF) crlf++;
      else {
        this.ends.cr++;
        parts.push(Buffer.of(LF));
      }
    }
    parts.push(chunk.subarray(from));
    this.ends.crlf += crlf;
    this.ends.lf += countLf(chunk) - crlf;
    done(null, Buffer.concat(parts));
  }

  override _flush(done: TransformCallback): void {
    if (this.pendingCr) {
      this.ends.cr++;
      done(null, Buffer.of(LF));
    } else done();
  }
}

/** The \n bytes in a chunk. */
function countLf(chunk: Buffer): number {
  let n = 0;
  for (let at = chunk.indexOf(LF); at >= 0; at = chunk.indexOf(LF, at + 1)) n++;
  return n;
}

/**
 * A copy of the text file at `path` (inflated first if it ends in .gz) with every line end a \n, in `directory` under
 * the same name without .gz, so that messages about it name the file the user gave, with how its lines ended; null
 * (and no copy left) when they all end the same way, which a copy would not change for DuckDB. UTF-16 text (the
 * profile's `encoding`) is copied as UTF-8.
 */
export async function unixLineEndsCopy(
  path: string,
  directory: string,
  encoding?: string
): Promise<{copy: string; ends: LineEnds} | null> {
  mkdirSync(directory, {recursive: true});
  const copy = join(directory, basename(path).replace(/\.gz$/i, ""));
  const rewrite = new UnixLineEnds();
  const steps: (NodeJS.ReadableStream | NodeJS.ReadWriteStream)[] = [createReadStream(path)];
  if (/\.gz$/i.test(path)) steps.push(createGunzip());
  // UTF-16's line ends are two bytes each: decoded into UTF-8 first (without its byte-order mark).
  if (encoding === "utf-16") steps.push(iconv.decodeStream("utf16le"));
  await pipeline([...steps, rewrite, createWriteStream(copy)]);
  const {ends} = rewrite;
  if ([ends.crlf, ends.lf, ends.cr].filter((n) => n > 0).length > 1) return {copy, ends};
  rmSync(copy, {force: true});
  return null;
}

/** How a file's lines ended, for the note that says it was read from a copy: "12 with \r\n, 3 with \n". */
export function describeLineEnds(ends: LineEnds): string {
  const kinds: [number, string][] = [
    [ends.crlf, "\\r\\n"],
    [ends.lf, "\\n"],
    [ends.cr, "a bare \\r"]
  ];
  return kinds
    .filter(([n]) => n > 0)
    .map(([n, kind]) => `${n.toLocaleString("en-US")} with ${kind}`)
    .join(", ");
}

/**
 * Reads a text file DuckDB refused for its structure again, from a copy with one kind of line end, when its lines end
 * in more than one way: `read` reads the copy, in the encoding given (UTF-8 for a UTF-16 file's). Otherwise the
 * refusal stands. `name` is the file the user gave, for the note on stderr.
 */
export async function readWithOneLineEnd<T>(
  refusal: Error,
  {source, name, encoding, directory}: {source: string; name: string; encoding?: string; directory: string},
  read: (copy: string, encoding: string | undefined) => Promise<T>
): Promise<T> {
  if (!refusal.message.includes(invalidCsvReason)) throw refusal;
  const repaired = await unixLineEndsCopy(source, directory, encoding);
  if (!repaired) throw refusal;
  const ends = describeLineEnds(repaired.ends);
  process.stderr.write(`leadstage: ${name}: lines end in more than one way (${ends}): read as if each ended in \\n\n`);
  return read(repaired.copy, encoding === "utf-16" ? undefined : encoding).catch((error: Error) => {
    // Its line ends are one kind now: what DuckDB still refuses is a stray quote.
    throw error.message.includes(invalidCsvReason)
      ? new InputError(error.message.replace(invalidCsvReason, strayQuoteReason))
      : error;
  });
}

/** What is left of invalidCsvReason once a file's line ends are one kind. */
const strayQuoteReason =
  'does not follow the CSV rules (RFC 4180): a stray quote (a " inside a field that is not quoted, or a field ' +
  "quoted and then continued); save it again from its source";
