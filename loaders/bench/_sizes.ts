import {readFileSync} from "node:fs";
import {ByteReader} from "../../src/lib/rans.ts";
import {handoffColumns, detailColumns} from "../../src/lib/extract.ts";
for (const file of process.argv.slice(2)) {
  const bytes = new Uint8Array(readFileSync(file));
  const hl = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + hl)));
  const names =
    header.part === "handoffs" ? handoffColumns(header).map((d) => d.name) : detailColumns().map((d) => d.name);
  const r = new ByteReader(bytes, 4 + hl);
  console.log(file, "rows", header.rows, "header", hl, "B/row", (bytes.length / header.rows).toFixed(3));
  for (const name of names) {
    const start = r.offset;
    const contexts = r.varint();
    for (let c = 0; c < contexts; c++) {
      const k = r.varint();
      for (let j = 0; j < 2 * k; j++) r.varint();
    }
    const tables = r.offset - start;
    const rans = r.block().length;
    const extra = r.block().length;
    console.log(
      " ",
      name.padEnd(22),
      "tables",
      String(tables).padStart(6),
      "rans",
      String(rans).padStart(8),
      "extra",
      String(extra).padStart(8),
      "B/row",
      ((r.offset - start) / header.rows).toFixed(3)
    );
  }
}
