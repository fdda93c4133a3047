/**
 * The benchmark's arquero contender: the core computation (see core-spec.ts) written with arquero's verbs, as an
 * analyst using it in the browser or in node would.
 */
import {readFileSync} from "node:fs";
import * as aq from "arquero";
import {endings, evidenceBit, LevelTally, type LevelCounts} from "./core-spec.js";

/** Every column read as text: the pipeline parses dates itself. */
const parse = {lead_id: String, created_at: String, at: String, type: String, value: String};

/**
 * A CSV file as one arquero table, parsed in pieces of about `pieceBytes` cut after a line end, each with the
 * header: V8 holds no string over 512 MB, and the events of a million leads are larger (a line break is one byte
 * that no multi-byte UTF-8 character contains). The cut relies on cells without line breaks, as the generator's are.
 */
export function tableFromCsvFile(path: string, pieceBytes = 256 * 2 ** 20): ReturnType<typeof aq.fromCSV> {
  const bytes = readFileSync(path);
  const headerEnd = bytes.indexOf(10) + 1 || bytes.length;
  const header = bytes.subarray(0, headerEnd).toString("utf8");
  const pieces: ReturnType<typeof aq.fromCSV>[] = [];
  for (let start = headerEnd; start < bytes.length;) {
    const end = Math.min(
      bytes.length,
      bytes.indexOf(10, Math.min(bytes.length, start + pieceBytes) - 1) + 1 || bytes.length
    );
    pieces.push(aq.fromCSV(header + bytes.subarray(start, end).toString("utf8"), {parse}));
    start = end;
  }
  return pieces.length ? pieces[0].concat(...pieces.slice(1)) : aq.fromCSV(header, {parse});
}

/** Runs the core computation on leads.csv and events.csv in `directory`. */
export function arqueroPipeline(directory: string): LevelCounts[] {
  const leads = tableFromCsvFile(`${directory}/leads.csv`)
    .select("lead_id", "created_at")
    .derive({created: (d: any) => aq.op.timestamp(aq.op.parse_date(aq.op.replace(d.created_at, " ", "T") + "Z"))})
    .filter((d: any) => d.lead_id != null && !aq.op.is_nan(d.created))
    .dedupe("lead_id");
  const kinds = aq.table({type: Object.keys(endings).concat(["handed_off"], [...evidenceBit.keys()])}).derive({
    keep: () => true
  });
  const events = tableFromCsvFile(`${directory}/events.csv`)
    .semijoin(kinds, "type")
    .derive({t: (d: any) => aq.op.timestamp(aq.op.parse_date(aq.op.replace(d.at, " ", "T") + "Z"))})
    .filter((d: any) => !aq.op.is_nan(d.t))
    .semijoin(leads, "lead_id");
  const bits = Object.fromEntries(evidenceBit);
  const evidence = events
    .params({bits})
    .filter((d: any, $: any) => $.bits[d.type] != null)
    .groupby("lead_id", "type")
    .rollup({first: (d: any) => aq.op.min(d.t)})
    .params({bits})
    .derive({bit: (d: any, $: any) => $.bits[d.type]});
  const handoffs = events
    .filter((d: any) => d.type === "handed_off")
    .groupby("lead_id")
    .orderby("t")
    .derive({next: (d: any) => aq.op.lead(d.t)})
    .ungroup()
    .rename({t: "handoff"})
    .select("lead_id", "handoff", "next");
  const params = {endings};
  const outcomes = handoffs
    .join(
      events.params(params).filter((d: any, $: any) => $.endings[d.type] != null),
      "lead_id"
    )
    .filter((d: any) => d.t >= d.handoff && (d.next == null || d.t < d.next))
    .groupby("lead_id", "handoff")
    .orderby("t")
    .derive({rank: () => aq.op.row_number()})
    .filter((d: any) => d.rank === 1)
    .ungroup()
    .select("lead_id", "handoff", {type: "ending"});
  const masks = handoffs
    .join_left(evidence, "lead_id")
    .derive({known: (d: any) => (d.first != null && d.first <= d.handoff ? d.bit : 0)})
    .groupby("lead_id", "handoff")
    .rollup({mask: (d: any) => aq.op.sum(d.known)});
  const classified = masks
    .join_left(outcomes, [
      ["lead_id", "handoff"],
      ["lead_id", "handoff"]
    ] as any)
    .join(leads, "lead_id")
    .objects() as {mask: number; ending?: string; handoff: number; created: number}[];
  const tally = new LevelTally();
  for (const d of classified) {
    tally.add(d.mask, d.ending ? endings[d.ending] : "open", (d.handoff - d.created) / 86_400_000);
  }
  return tally.result();
}
