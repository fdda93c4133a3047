/**
 * The campaign page's numbers on the hand-computed fixture (see test/fixtures/small: ten handoffs), and that a filter changes them.
 */
import {beforeAll, describe, expect, it} from "vitest";
import type {DetailedExtract} from "../../../src/lib/core/extract.js";
import {selectRows} from "../../../src/lib/analysis/filters.js";
import {fixtureSelection} from "../../helpers/fixture-charts.js";
import {groupDetail, groupSummaries} from "../../../src/lib/analysis/campaigns.js";

describe("campaign quality", () => {
  const levels = [1, 2, 3, 4, 5];
  let extract: DetailedExtract;
  let all: Uint32Array;
  let events: Uint32Array;
  beforeAll(async () => void ({extract, all, events} = await fixtureSelection()));

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
