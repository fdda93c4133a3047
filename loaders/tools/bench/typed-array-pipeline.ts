/**
 * The benchmark's hand-written contender: the core computation (see core-spec.ts) as plain TypeScript loops over
 * typed arrays, reading the CSV bytes directly. Written for speed, not for the product: it trusts the generator's
 * simple CSV (no quoted fields in the columns it reads).
 */
import {openSync, readSync, closeSync} from "node:fs";
import {endings, evidenceBit, LevelTally, type LevelCounts} from "./core-spec.js";

/** Calls `line(fields)` for every data line of a CSV file, reading it in chunks. */
function eachLine(path: string, line: (fields: string[]) => void): void {
  const fd = openSync(path, "r");
  const chunk = Buffer.alloc(1 << 22);
  let rest = "";
  let header = true;
  try {
    for (let read; (read = readSync(fd, chunk, 0, chunk.length, null)) > 0;) {
      const text = rest + chunk.toString("latin1", 0, read);
      const lines = text.split("\n");
      rest = lines.pop()!;
      for (const l of lines) {
        if (header) header = false;
        else if (l) line(l.split(","));
      }
    }
    if (rest) line(rest.split(","));
  } finally {
    closeSync(fd);
  }
}

function parseTime(text: string): number {
  const t = Date.parse(text.length === 19 ? `${text.replace(" ", "T")}Z` : text);
  return Number.isNaN(t) ? NaN : t;
}

/** Runs the core computation on leads.csv and events.csv in `directory`. */
export function typedArrayPipeline(directory: string): LevelCounts[] {
  const index = new Map<string, number>();
  const created: number[] = [];
  eachLine(`${directory}/leads.csv`, (f) => {
    const t = parseTime(f[1]);
    if (!f[0] || Number.isNaN(t) || index.has(f[0])) return;
    index.set(f[0], created.length);
    created.push(t);
  });
  const leads = created.length;
  // Events as parallel typed arrays, then sorted by lead and time through an index permutation.
  let capacity = 1 << 20;
  let lead = new Int32Array(capacity);
  let at = new Float64Array(capacity);
  let kind = new Int8Array(capacity); // 0 evidence (bit in `bit`), 1 handoff, 2 won, 3 not won
  let bit = new Int16Array(capacity);
  let n = 0;
  eachLine(`${directory}/events.csv`, (f) => {
    const l = index.get(f[0]);
    const t = parseTime(f[1]);
    if (l === undefined || Number.isNaN(t)) return;
    const type = f[2];
    let k: number;
    let b = 0;
    if (type === "handed_off") k = 1;
    else if (endings[type] === "won") k = 2;
    else if (endings[type] === "notWon") k = 3;
    else if (evidenceBit.has(type)) {
      k = 0;
      b = evidenceBit.get(type)!;
    } else return;
    if (n === capacity) {
      capacity *= 2;
      const grow = <T extends Int32Array | Float64Array | Int8Array | Int16Array>(a: T): T => {
        const b2 = new (a.constructor as new (n: number) => T)(capacity);
        b2.set(a);
        return b2;
      };
      [lead, at, kind, bit] = [grow(lead), grow(at), grow(kind), grow(bit)];
    }
    lead[n] = l;
    at[n] = t;
    kind[n] = k;
    bit[n] = b;
    n++;
  });
  const order = new Uint32Array(n);
  for (let i = 0; i < n; ++i) order[i] = i;
  order.sort((a, b) => lead[a] - lead[b] || at[a] - at[b]);
  // First time of each evidence bit per lead.
  const first = new Float64Array(leads * 9).fill(Infinity);
  for (let i = 0; i < n; ++i) {
    if (kind[i] !== 0) continue;
    const slot = lead[i] * 9 + Math.log2(bit[i]);
    if (at[i] < first[slot]) first[slot] = at[i];
  }
  const tally = new LevelTally();
  for (let start = 0; start < n;) {
    let end = start;
    const l = lead[order[start]];
    while (end < n && lead[order[end]] === l) end++;
    for (let j = start; j < end; ++j) {
      const e = order[j];
      if (kind[e] !== 1) continue;
      let mask = 0;
      for (let b = 0; b < 9; ++b) if (first[l * 9 + b] <= at[e]) mask |= 1 << b;
      let outcome: "won" | "notWon" | "open" = "open";
      for (let k = j + 1; k < end; ++k) {
        const next = order[k];
        if (kind[next] === 1) break;
        if (kind[next] === 2) outcome = "won";
        else if (kind[next] === 3) outcome = "notWon";
        else continue;
        break;
      }
      tally.add(mask, outcome, (at[e] - created[l]) / 86_400_000);
    }
    start = end;
  }
  return tally.result();
}
