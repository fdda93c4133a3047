/**
 * Text a profile declares `latin-1`, read as Windows-1252, the way browsers read it (the WHATWG Encoding Standard
 * maps the label latin-1 to windows-1252). Excel on Windows saves a "CSV (comma delimited)" in that code page, whose
 * bytes 0x80–0x9F are €, en and em dashes and curly quotes: "24.000,50 €", "Webinar – Q1", „Cloud“. DuckDB's latin-1
 * reader refused such a file whole ("File is not latin-1 encoded"), and Node's own TextDecoder("windows-1252")
 * decodes those bytes as control characters, so iconv-lite converts such a file into a UTF-8 copy that DuckDB reads
 * (ingest.ts, once DuckDB has refused the file: a true ISO 8859-1 file is read by DuckDB directly, as before).
 */
import {createReadStream, createWriteStream, mkdirSync} from "node:fs";
import {basename, join} from "node:path";
import {pipeline} from "node:stream/promises";
import {createGunzip} from "node:zlib";
import iconv from "iconv-lite";

/**
 * A UTF-8 copy of the Windows-1252 text file at `path` (inflated first if it ends in .gz), in `directory` under the
 * same name without .gz, so that messages about it name the file the user gave.
 */
export async function utf8Copy(path: string, directory: string): Promise<string> {
  mkdirSync(directory, {recursive: true});
  const copy = join(directory, basename(path).replace(/\.gz$/i, ""));
  const [file, decode, write] = [createReadStream(path), iconv.decodeStream("windows-1252"), createWriteStream(copy)];
  if (/\.gz$/i.test(path)) await pipeline(file, createGunzip(), decode, write);
  else await pipeline(file, decode, write);
  return copy;
}
