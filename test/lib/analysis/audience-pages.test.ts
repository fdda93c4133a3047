/**
 * The three audience pages' numbers on the hand-computed fixture (see test/fixtures/small: ten handoffs), and that a
 * filter changes them.
 */
import {beforeAll, describe, expect, it} from "vitest";
import {groupDetail, groupSummaries} from "../../../src/lib/analysis/campaigns.js";
import {cohorts, criteria, funnel, timeToWin} from "../../../src/lib/analysis/conversion.js";
import type {DetailedExtract} from "../../../src/lib/core/extract.js";
import {selectRows} from "../../../src/lib/analysis/filters.js";
import {
  daysToHandoffByLevel,
  firstTouch,
  flowsByLevel,
  levelMixByMonth,
  salesTimeByLevel,
  winRateByDaysToHandoff
} from "../../../src/lib/analysis/timing.js";
import {extractOf} from "../../helpers/model.js";

const levels = [1, 2, 3, 4, 5];
let extract: DetailedExtract;
let all: Uint32Array;
let events: Uint32Array;
beforeAll(async () => {
  extract = await extractOf("test/fixtures/small");
  all = selectRows(extract, {});
  events = selectRows(extract, {source: "Events"});
});

describe("handoff timing", () => {
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

describe("campaign quality", () => {
  it("summarises each campaign: handoffs, level mix, win rate, revenue, hours, small-n flags", () => {
    const rows = groupSummaries(extract, all, "campaign", levels, {minClosed: 2});
    const byKey = Object.fromEntries(rows.map((d) => [d.key, d]));
    expect(byKey["Webinar Q1"]).toMatchObject({
      handoffs: 4,
      levelMix: [1, 2, 1, 0, 0],
      won: 2,
      closed: 4,
      open: 0,
      revenue: 40000,
      revenuePerHandoff: 10000,
      salesHours: 6,
      salesHoursPerWin: 3,
      small: false
    });
    expect(byKey["Partner Days"]).toMatchObject({
      handoffs: 3,
      won: 2,
      closed: 2,
      open: 1,
      revenue: 70000,
      small: false
    });
    expect(byKey["Cold list"]).toMatchObject({handoffs: 1, won: 0, closed: 1, small: true, salesHoursPerWin: null});
    expect(byKey["Search Brand"]).toMatchObject({handoffs: 2, won: 0, closed: 1, open: 1, small: true});
    // Ranked by the shrunk rate; every shrunk rate lies between the campaign's own rate and the pooled 4 / 8.
    expect(rows.map((d) => d.key)).toEqual(["Partner Days", "Webinar Q1", "Search Brand", "Cold list"]);
    for (const d of rows) {
      const [lo, hi] = [Math.min(d.winRate.rate!, 0.5), Math.max(d.winRate.rate!, 0.5)];
      expect(d.shrunkWinRate!).toBeGreaterThanOrEqual(lo - 1e-12);
      expect(d.shrunkWinRate!).toBeLessThanOrEqual(hi + 1e-12);
    }
  });

  it("groups by source and segment too, and divides campaign cost by wins", () => {
    expect(groupSummaries(extract, all, "source", levels).map((d) => [d.key, d.handoffs])).toEqual([
      ["Partner", 3],
      ["Events", 4],
      ["Paid search", 2],
      ["Outbound", 1]
    ]);
    expect(groupSummaries(extract, all, "segment", levels).reduce((s, d) => s + d.handoffs, 0)).toBe(10);
    const costs = new Map([["Webinar Q1", 5000]]);
    const webinar = groupSummaries(extract, all, "campaign", levels, {costs}).find((d) => d.key === "Webinar Q1")!;
    expect(webinar).toMatchObject({cost: 5000, costPerWin: 2500});
  });

  it("details one campaign: level mix over time, outcomes, time to win", () => {
    const detail = groupDetail(extract, all, "campaign", "Webinar Q1", levels);
    expect(detail.months).toEqual([
      {month: "2025-01", counts: [1, 2, 0, 0, 0]},
      {month: "2025-02", counts: [0, 0, 1, 0, 0]}
    ]);
    expect(detail.outcomes).toEqual({won: 2, lost: 1, rejected: 0, recycled: 1, open: 0});
    expect(detail.daysToWin).toEqual([60, 50]);
    expect(detail.medianDaysToWin?.median).toBe(55);
  });

  it("changes with the filter", () => {
    const filtered = groupSummaries(extract, selectRows(extract, {from: "2025-02"}), "campaign", levels);
    expect(filtered.find((d) => d.key === "Webinar Q1")).toMatchObject({handoffs: 1, won: 1});
  });
});

describe("stage-to-close conversion", () => {
  it("counts the funnel in order or by any path", () => {
    const inOrder = funnel(extract, all, levels, "in-order");
    const anyPath = funnel(extract, all, levels, "any-path");
    expect(inOrder.map((d) => d.counts)).toEqual([
      [2, 0, 0, 0],
      [3, 0, 0, 0],
      [2, 1, 1, 1],
      [1, 0, 0, 0],
      [2, 0, 0, 0]
    ]);
    expect(anyPath.map((d) => d.counts)).toEqual([
      [2, 0, 0, 0],
      [3, 0, 0, 1],
      [2, 1, 1, 1],
      [1, 0, 0, 1],
      [2, 0, 0, 1]
    ]);
    expect(inOrder[2].nextStep).toEqual([null, 0.5, 1, 1]);
    expect(anyPath[1].cumulative).toEqual([1, 0, 0, 1 / 3]);
  });

  it("estimates the time to a win per level, open and lost handoffs censored where the data ends", () => {
    const curves = timeToWin(extract, all, levels);
    const two = curves[1];
    expect([two.handoffs, two.won]).toEqual([3, 1]);
    // L08 is censored at 49 days (handed off 2025-02-11, data ends 2025-04-01), so when L02 wins after 60 days two
    // are at risk: S = 1 − 1/2, a cumulative win probability of 1/2 from day 60.
    expect(two.at.map((d) => d.probability)).toEqual([0, 0.5, 0.5]);
    expect(two.medianDaysToWin).toEqual({median: 60, lo: 60, hi: 60, n: 1});
    // Level 1 has no win: the curve stays at zero.
    expect(curves[0].at.map((d) => d.probability)).toEqual([0, 0, 0]);
    // Level 5: L05 won after 30 days, L10 (open, handed off 2025-03-01) is censored at 31 days, after it.
    expect(curves[4].at.map((d) => d.probability)).toEqual([0.5, 0.5, 0.5]);
  });

  it("follows cohorts by handoff month only as far as they have been observed", () => {
    const rows = cohorts(extract, all);
    expect(rows.map((d) => [d.month, d.handoffs, d.wonWithin.length])).toEqual([
      ["2025-01", 5, 1],
      ["2025-02", 4, 0],
      ["2025-03", 1, 0]
    ]);
    expect(rows[0].wonWithin).toEqual([1 / 5]); // L04 won within 30 days of handoff
  });

  it("compares win rates with and without each fact at handoff", () => {
    const icp = criteria(extract, all).find((d) => d.evidence === "icp_fit")!;
    expect([icp.with.k, icp.with.n, icp.without.k, icp.without.n]).toEqual([4, 6, 0, 2]);
    expect(icp.difference).toBeCloseTo(4 / 6, 12);
    const budget = criteria(extract, events).find((d) => d.evidence === "budget_confirmed")!;
    expect([budget.with.n, budget.without.n]).toEqual([0, 4]);
    expect(budget.difference).toBeNull();
  });
});
