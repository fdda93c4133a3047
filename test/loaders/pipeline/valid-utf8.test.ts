import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import {describe, expect, it} from "vitest";
import {isValidUtf8File} from "../../../loaders/pipeline/valid-utf8.js";
import {temporaryDirectory} from "../../helpers/temporary.js";

/** A file of these bytes in a fresh folder. */
function fileOf(name: string, bytes: Buffer): string {
  const path = join(temporaryDirectory(), name);
  writeFileSync(path, bytes);
  return path;
}

describe("isValidUtf8File", () => {
  // "€" is three bytes: placed so that it straddles the reader's 1 MB chunks.
  const straddling = Buffer.concat([Buffer.alloc((1 << 20) - 1, "a"), Buffer.from("€ and ü\n")]);

  it("takes characters cut between two chunks, plain or gzipped", async () => {
    expect(await isValidUtf8File(fileOf("cut.csv", straddling))).toBe(true);
    expect(await isValidUtf8File(fileOf("cut.csv.gz", gzipSync(straddling)))).toBe(true);
  });

  it("finds a latin-1 byte anywhere, and a character cut off at the end", async () => {
    const latin1 = Buffer.concat([straddling, Buffer.from("café\n", "latin1")]);
    expect(await isValidUtf8File(fileOf("latin1.csv", latin1))).toBe(false);
    expect(await isValidUtf8File(fileOf("latin1.csv.gz", gzipSync(latin1)))).toBe(false);
    expect(await isValidUtf8File(fileOf("end.csv", straddling.subarray(0, 1 << 20)))).toBe(false);
  });
});
