import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {DetailedExtract} from "../../../src/lib/core/extract.js";
import {
  daysToHandoffByLevel,
  firstTouch,
  flowsByLevel,
  levelMixByMonth,
  salesTimeByLevel,
  winRateByDaysToHandoff
} from "../../../src/lib/analysis/timing.js";
import {outcomeCode} from "../../../src/lib/core/measures.js";
import {handoffOutcomes} from "../../../src/lib/core/model.js";
import {extractOf} from "../../helpers/model.js";
import {fixtureSelection} from "../../helpers/fixture-charts.js";

// Four handoffs at the edges of the bins, through the whole pipeline (DuckDB, Parquet, the browser's decoder): times
// are floored into bins, never rounded, so 59 minutes is "< 1 hour" and 23 h 59 min is "< 1 day".
const directory = mkdtempSync(join(tmpdir(), "leadstage-bins-"));
let extract: DetailedExtract;
beforeAll(async () => {
  writeFileSync(
    join(directory, "leads.csv"),
    [
      "lead_id,created_at",
      "E1,2025-03-01T00:00:00Z",
      "E2,2025-03-01T00:00:00Z",
      "E3,2025-03-01T00:00:00Z",
      "E4,2025-03-01T00:00:00Z"
    ].join("\n")
  );
  const handoff = (lead: string, at: string, touch: string) => [
    `${lead},${at},handed_off,`,
    `${lead},${touch},sales_touch,1`,
    `${lead},2025-04-01T00:00:00Z,lost,no budget`
  ];
  writeFileSync(
    join(directory, "events.csv"),
    [
      "lead_id,at,type,value",
      // Handed off 23 h 59 min after creation; first touch 59 minutes later.
      ...handoff("E1", "2025-03-01T23:59:00Z", "2025-03-02T00:58:00Z"),
      // Handed off exactly 24 h after creation; first touch exactly 60 minutes later.
      ...handoff("E2", "2025-03-02T00:00:00Z", "2025-03-02T01:00:00Z"),
      // First touch 23 h 59 min after the handoff, and exactly 24 h.
      ...handoff("E3", "2025-03-03T00:00:00Z", "2025-03-03T23:59:00Z"),
      ...handoff("E4", "2025-03-03T00:00:00Z", "2025-03-04T00:00:00Z")
    ].join("\n")
  );
  extract = await extractOf(directory);
});
afterAll(() => rmSync(directory, {recursive: true, force: true}));

describe("time bins at their edges", () => {
  it("puts 59 minutes under an hour, 60 minutes in 1–4 hours, 23 h 59 min in 4–24 hours and 24 h in 1–3 days", () => {
    const touch = firstTouch(extract, Uint32Array.from([0, 1, 2, 3]), 24);
    expect(touch.bins.map((d) => d.handoffs)).toEqual([1, 1, 1, 1, 0, 0]);
  });

  it("counts a first touch at exactly 24 hours as within a 24-hour follow-up", () => {
    const touch = firstTouch(extract, Uint32Array.from([0, 1, 2, 3]), 24);
    expect(touch.withinSla.k).toBe(4);
  });

  it("puts a handoff 23 h 59 min after creation under a day and one 24 h after in 1–3 days", () => {
    const [level1] = daysToHandoffByLevel(extract, Uint32Array.from([0, 1, 2, 3]), [1]);
    expect(level1.bins.slice(0, 2)).toEqual([1, 3]);
  });
});

describe("the timing page on the hand-computed fixture (ten handoffs)", () => {
  const levels = [1, 2, 3, 4, 5];
  let extract: DetailedExtract;
  let all: Uint32Array;
  let events: Uint32Array;
  beforeAll(async () => void ({extract, all, events} = await fixtureSelection()));

  it("gives days to handoff per level", () => {
    const rows = daysToHandoffByLevel(extract, all, levels);
    expect(rows.map((d) => [d.level, d.n, d.median])).toEqual([
      [1, 2, (2.375 + 7) / 2],
      [2, 3, 4],
      [3, 2, 25],
      [4, 1, 10],
      [5, 2, 22.5]
    ]);
    expect(rows[1].bins).toEqual([0, 0, 2, 1, 0, 0, 0]);
    expect(daysToHandoffByLevel(extract, events, levels).map((d) => d.n)).toEqual([1, 2, 1, 0, 0]);
  });

  it("gives win rate by days to handoff, over closed handoffs only", () => {
    const bins = winRateByDaysToHandoff(extract, all);
    expect(bins.map((d) => [d.label, d.handoffs, d.winRate.k, d.winRate.n])).toEqual([
      ["< 1 day", 0, 0, 0],
      ["1–3 days", 1, 0, 1],
      ["3–7 days", 2, 1, 2], // L02 won, L07 recycled; L06 at 7.0 days falls in the next bin
      ["1–2 weeks", 4, 1, 3], // L03 open, L04 won, L06 rejected, L08 lost
      ["2–4 weeks", 2, 1, 1],
      ["1–2 months", 1, 1, 1],
      ["2+ months", 0, 0, 0]
    ]);
  });

  it("measures the follow-up SLA: first touch within 24 hours, and who was never touched", () => {
    const touch = firstTouch(extract, all, 24);
    expect(touch.untouched).toBe(6);
    expect(touch.bins.map((d) => d.handoffs)).toEqual([0, 0, 1, 1, 1, 1]);
    expect(touch.withinSla).toMatchObject({k: 1, n: 10});
    expect(firstTouch(extract, all, 200).withinSla.k).toBe(3);
    expect(firstTouch(extract, events, 24).withinSla).toMatchObject({k: 0, n: 4});
  });

  it("splits sales hours by outcome: won, not won, open", () => {
    const time = salesTimeByLevel(extract, all, levels);
    expect(time.levels.map((d) => [d.level, d.won, d.notWon, d.open])).toEqual([
      [1, 0, 0.5, 0],
      [2, 2, 0, 0],
      [3, 4, 0, 0],
      [4, 3.5, 0, 0],
      [5, 0, 0, 0]
    ]);
    expect(time.total).toMatchObject({won: 9.5, notWon: 0.5, open: 0, total: 10, wastedShare: 0.05});
    expect(salesTimeByLevel(extract, events, levels).total.total).toBe(6);
  });

  it("mixes levels by handoff month", () => {
    expect(levelMixByMonth(extract, all, levels)).toEqual([
      {month: "2025-01", handoffs: 5, counts: [1, 2, 1, 1, 0]},
      {month: "2025-02", handoffs: 4, counts: [1, 1, 1, 0, 1]},
      {month: "2025-03", handoffs: 1, counts: [0, 0, 0, 0, 1]}
    ]);
  });

  it("follows each level's handoffs: accepted, rejected, recycled, lost, won, open, with reasons", () => {
    const flows = flowsByLevel(extract, all, levels);
    expect(flows.map((d) => [d.level, d.handoffs, d.accepted, d.rejected, d.recycled, d.lost, d.won, d.open])).toEqual([
      [1, 2, 0, 1, 0, 1, 0, 0],
      [2, 3, 0, 0, 1, 1, 1, 0],
      [3, 2, 1, 0, 0, 0, 1, 1],
      [4, 1, 0, 0, 0, 0, 1, 0],
      [5, 2, 0, 0, 0, 0, 1, 1]
    ]);
    expect(flows[0].reasons).toEqual([
      {outcome: "rejected", reason: "not ICP", count: 1},
      {outcome: "lost", reason: "no budget", count: 1}
    ]);
    expect(flows[0].rejectionRate).toMatchObject({k: 1, n: 2, rate: 0.5});
  });
});

describe("flowsByLevel: reasons ranked", () => {
  it("ranks each ending's reasons by count, ties by name, up to `top`, without blank or missing reasons", () => {
    const {rejected, lost, won, open} = outcomeCode;
    const reasons = ["", "budget", "no fit", "timing"];
    // One level; [outcome, reason code] per handoff (0xffffffff: no reason column value).
    const rows: [number, number][] = [
      [rejected, 2],
      [rejected, 2],
      [rejected, 1],
      [rejected, 3],
      [rejected, 0],
      [lost, 3],
      [lost, 0xffffffff],
      [won, 1],
      [open, 2]
    ];
    const synthetic = {
      rows: rows.length,
      header: {outcomes: [...handoffOutcomes], dictionaries: {reason: reasons}},
      columns: {
        stage: new Uint8Array(rows.length).fill(2),
        outcome: Uint8Array.from(rows.map((d) => d[0])),
        reason: Uint32Array.from(rows.map((d) => d[1])),
        hoursToAccept: Float64Array.from(rows.map((_, i) => (i < 3 ? 1 : NaN)))
      }
    } as unknown as DetailedExtract;
    const [flow] = flowsByLevel(synthetic, Uint32Array.from(rows.keys()), [2], 2);
    expect(flow).toMatchObject({handoffs: 9, accepted: 3, rejected: 5, recycled: 0, lost: 2, won: 1, open: 1});
    expect(flow.reasons).toEqual([
      {outcome: "rejected", reason: "no fit", count: 2},
      {outcome: "rejected", reason: "budget", count: 1},
      {outcome: "lost", reason: "timing", count: 1}
    ]);
  });
});
