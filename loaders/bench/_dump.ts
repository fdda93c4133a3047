import {writeFileSync} from "node:fs";
import {withDatabase} from "../duckdb.ts";
import {encodeExtractFiles} from "../extract.ts";
import {buildHandoffModel} from "../handoff-model.ts";
import {locateInput} from "../input.ts";
import {handoffLadder} from "../../src/lib/ladder.ts";
import {decodeExtract} from "../../src/lib/extract.ts";
const [dir, out] = process.argv.slice(2);
await withDatabase(async (db) => {
  const input = locateInput(dir);
  const summary = await buildHandoffModel(db, input, handoffLadder);
  let t = performance.now();
  const files = await encodeExtractFiles(db, summary.dataEnd);
  console.log("encode ms", Math.round(performance.now() - t));
  writeFileSync(out + ".core", files.handoffs);
  writeFileSync(out + ".details", files.details);
  const rows = files.order.length;
  console.log(
    "rows",
    rows,
    "core B/row",
    (files.handoffs.length / rows).toFixed(3),
    "details B/row",
    (files.details.length / rows).toFixed(3)
  );
  const ab = (u: Uint8Array) => u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;
  t = performance.now();
  const e = decodeExtract(ab(files.handoffs), ab(files.details));
  console.log("decode ms", Math.round(performance.now() - t));
  const check = await db.columns("SELECT stage_at_handoff AS s, outcome FROM handoffs ORDER BY lead_id, handoff_seq");
  let bad = 0;
  for (let i = 0; i < rows; i++) if (e.columns.stage[i] !== (check.s as number[])[files.order[i]]) bad++;
  console.log("stage mismatches", bad);
});
