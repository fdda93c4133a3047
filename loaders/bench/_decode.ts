import {readFileSync} from "node:fs";
import {decodeExtract} from "../../src/lib/extract.ts";
const ab = (f: string) => {
  const b = readFileSync(f);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.length) as ArrayBuffer;
};
const core = ab(process.argv[2] + ".core"),
  details = ab(process.argv[2] + ".details");
for (let run = 0; run < 3; run++) {
  let t = performance.now();
  decodeExtract(core);
  const a = performance.now() - t;
  t = performance.now();
  decodeExtract(core, details);
  const b = performance.now() - t;
  console.log("core", Math.round(a), "both", Math.round(b));
}
