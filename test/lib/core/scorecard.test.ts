import {describe, expect, it} from "vitest";
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {handoffLadder} from "../../../src/lib/core/ladder.js";
import {reclassify} from "../../../src/lib/core/reclassify.js";
import {checkLead, questionLifts, winRateByScoreBand} from "../../../src/lib/analysis/scorecard-analysis.js";
import {evidenceOf, maxScore, scoreOf, scorecard} from "../../../src/lib/core/scorecard.js";
import {missing} from "../../../src/lib/core/extract.js";
import {selectRows} from "../../../src/lib/analysis/filters.js";
import {extractOf, modelOf, temporaryDirectory} from "../../helpers/model.js";

function scorecardFixture(): string {
  const directory = temporaryDirectory();
  writeFileSync(join(directory, "leads.csv"), "lead_id,created_at\nA,2025-01-01\nB,2025-01-01\nC,2025-01-01\n");
  writeFileSync(
    join(directory, "events.csv"),
    [
      "lead_id,at,type,value",
      "A,2025-01-02,scorecard,icp=confirmed",
      "A,2025-01-02,scorecard,role=confirmed",
      "A,2025-01-02,scorecard,need=partly",
      "A,2025-01-03,handed_off,",
      "A,2025-02-01,won,1000",
      "B,2025-01-02,scorecard,icp=partly",
      "B,2025-01-03,scorecard,icp=confirmed",
      "B,2025-01-04,handed_off,",
      "B,2025-01-05,scorecard,budget=confirmed",
      "B,2025-01-20,lost,no budget",
      "C,2025-01-02,scorecard,budget=maybe",
      "C,2025-01-03,handed_off,"
    ].join("\n") + "\n"
  );
  return directory;
}

describe("the scorecard definition", () => {
  it("has ten questions worth 20 points, nine of them proving an evidence type", () => {
    expect(scorecard).toHaveLength(10);
    expect(maxScore).toBe(20);
    expect(scorecard.filter((q) => q.proves !== null)).toHaveLength(9);
  });

  it("scores answers and names the evidence their top options prove", () => {
    const answers = {icp: "confirmed", role: "partly", budget: "confirmed", next_step: "confirmed"};
    expect(scoreOf(answers)).toBe(7);
    expect(evidenceOf(answers)).toEqual(["icp_fit", "budget_confirmed"]);
    expect(scoreOf({})).toBe(0);
  });
});

describe("scorecard answers in the pipeline", () => {
  it("count as evidence and score the handoff with the latest answer per question before it", async () => {
    const {handoffs, rejects} = await modelOf(scorecardFixture());
    expect(handoffs.map((d) => [d.lead_id, d.stage_at_handoff, d.score_at_handoff, d.scorecard_at_handoff])).toEqual([
      ["A", 2, 5, 3 + (3 << 2) + (2 << 4)], // icp and role confirmed: level 2; need only partly
      ["B", 1, 2, 3], // icp confirmed on the second answer; budget came after the handoff and does not count
      ["C", 1, null, null]
    ]);
    expect(rejects.map((d) => [d.row, d.field, d.reason, d.value])).toEqual([
      [11, "value", "unknown scorecard answer (expected question=option)", "budget=maybe"]
    ]);
  });

  it("feeds the calibration and the question lifts from the extract", async () => {
    const extract = await extractOf(scorecardFixture());
    const rows = selectRows(extract, {});
    expect(winRateByScoreBand(extract, rows).map((d) => [d.label, d.handoffs, d.winRate.k, d.winRate.n])).toEqual([
      ["0–4", 1, 0, 1],
      ["5–8", 1, 1, 1],
      ["9–12", 0, 0, 0],
      ["13–16", 0, 0, 0],
      ["17–20", 0, 0, 0]
    ]);
    const role = questionLifts(extract, rows).find((d) => d.question === "role")!;
    expect([role.top.k, role.top.n, role.other.k, role.other.n]).toEqual([1, 1, 0, 1]);
    expect(role.lift).toBeNull(); // no win without it: no finite ratio
  });
});

describe("checkLead", () => {
  it("gives the classifier's level for the answers, what is missing, and how comparable handoffs went", async () => {
    const extract = await extractOf("data/sample");
    const stages = reclassify(extract, handoffLadder);
    const all = Object.fromEntries(scorecard.map((q) => [q.key, "confirmed"]));
    const full = checkLead(all, handoffLadder, 3, extract, stages);
    expect(full).toMatchObject({score: 20, level: 5, handOffNow: true, missingForNext: [], missingForTarget: []});
    expect(full.comparable.handoffs).toBeGreaterThan(50);
    const early = checkLead(
      {icp: "confirmed", role: "confirmed", budget: "confirmed"},
      handoffLadder,
      3,
      extract,
      stages
    );
    expect(early).toMatchObject({score: 6, level: 2, handOffNow: false, missingForTarget: ["need_identified"]});
    expect(early.missingForNext).toEqual(["need_identified"]);
    expect(full.comparable.band).toEqual({lo: 17, hi: 20});
  });

  it("compares by level alone where no handoff has scorecard points (Olist's export: none matched a band)", async () => {
    const extract = await extractOf("data/sample");
    const stages = reclassify(extract, handoffLadder);
    const unscored = {...extract, columns: {...extract.columns, score: new Uint8Array(extract.rows).fill(missing.u8)}};
    const check = checkLead({icp: "confirmed", role: "confirmed"}, handoffLadder, 3, unscored, stages);
    const atLevel = Array.from(stages).filter((stage) => stage === check.level).length;
    expect(check.level).toBe(2);
    expect(check.comparable.band).toBeNull();
    expect(check.comparable.handoffs).toBe(atLevel);
    expect(atLevel).toBeGreaterThan(100);
  });

  it("rates comparable handoffs over all of them where the data records no loss, not over the wins alone", async () => {
    const extract = await extractOf("data/sample");
    const stages = reclassify(extract, handoffLadder);
    const all = Object.fromEntries(scorecard.map((q) => [q.key, "confirmed"]));
    const closed = checkLead(all, handoffLadder, 3, extract, stages).comparable;
    const every = checkLead(all, handoffLadder, 3, extract, stages, "all").comparable;
    expect(every.winRate.k).toBe(closed.winRate.k);
    expect(every.winRate.n).toBe(every.handoffs);
    expect(every.winRate.n).toBeGreaterThan(closed.winRate.n);
  });
});
