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
  const {index, created} = readLeads(`${directory}/leads.csv`);
  const events = readEvents(`${directory}/events.csv`, index);
  const {lead, at, kind, bit, n} = events;
  // First time of each evidence bit per lead.
  const first = new Float64Array(created.length * 9).fill(Infinity);
  for (let i = 0; i < n; ++i) {
    if (kind[i] !== 0) continue;
    const slot = lead[i] * 9 + Math.log2(bit[i]);
    if (at[i] < first[slot]) first[slot] = at[i];
  }
  // Events sorted by lead and time through an index permutation.
  const order = new Uint32Array(n);
  for (let i = 0; i < n; ++i) order[i] = i;
  order.sort((a, b) => lead[a] - lead[b] || at[a] - at[b]);
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
      tally.add(mask, outcomeAfter(events, order, j, end), (at[e] - created[l]) / 86_400_000);
    }
    start = end;
  }
  return tally.result();
}

/** Each valid lead's index by id and its creation time; a duplicate or undated lead is left out. */
function readLeads(path: string): {index: Map<string, number>; created: number[]} {
  const index = new Map<string, number>();
  const created: number[] = [];
  eachLine(path, (f) => {
    const t = parseTime(f[1]);
    if (!f[0] || Number.isNaN(t) || index.has(f[0])) return;
    index.set(f[0], created.length);
    created.push(t);
  });
  return {index, created};
}

/** Events as parallel typed arrays, grown by doubling. */
interface EventColumns {
  lead: Int32Array;
  at: Float64Array;
  /** 0 evidence (its bit in `bit`), 1 handoff, 2 won, 3 not won. */
  kind: Int8Array;
  bit: Int16Array;
  n: number;
}

/** The events of known leads with a valid time and a type the computation uses. */
function readEvents(path: string, index: Map<string, number>): EventColumns {
  const columns: EventColumns = {
    lead: new Int32Array(1 << 20),
    at: new Float64Array(1 << 20),
    kind: new Int8Array(1 << 20),
    bit: new Int16Array(1 << 20),
    n: 0
  };
  eachLine(path, (f) => {
    const l = index.get(f[0]);
    const t = parseTime(f[1]);
    const type = f[2];
    const k = type === "handed_off" ? 1 : endings[type] === "won" ? 2 : endings[type] === "notWon" ? 3 : 0;
    if (l === undefined || Number.isNaN(t) || (k === 0 && !evidenceBit.has(type))) return;
    if (columns.n === columns.lead.length) grow(columns);
    const n = columns.n++;
    columns.lead[n] = l;
    columns.at[n] = t;
    columns.kind[n] = k;
    columns.bit[n] = k === 0 ? evidenceBit.get(type)! : 0;
  });
  return columns;
}

function grow(columns: EventColumns): void {
  const twice = <T extends Int32Array | Float64Array | Int8Array | Int16Array>(a: T): T => {
    const bigger = new (a.constructor as new (n: number) => T)(a.length * 2);
    bigger.set(a);
    return bigger;
  };
  columns.lead = twice(columns.lead);
  columns.at = twice(columns.at);
  columns.kind = twice(columns.kind);
  columns.bit = twice(columns.bit);
}

/** The first ending after the handoff at order[j] and before the lead's next handoff, else open. */
function outcomeAfter(events: EventColumns, order: Uint32Array, j: number, end: number): "won" | "notWon" | "open" {
  for (let k = j + 1; k < end; ++k) {
    const kind = events.kind[order[k]];
    if (kind === 1) break;
    if (kind === 2) return "won";
    if (kind === 3) return "notWon";
  }
  return "open";
}
