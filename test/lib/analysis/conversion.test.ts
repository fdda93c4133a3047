/**
 * The conversion page's numbers on the hand-computed fixture (see test/fixtures/small: ten handoffs), and that a filter changes them.
 */
import {beforeAll, describe, expect, it} from "vitest";
import type {DetailedExtract} from "../../../src/lib/core/extract.js";
import {fixtureSelection} from "../../helpers/fixture-charts.js";
import {cohorts, criteria, funnel, recordedSteps, timeToWin} from "../../../src/lib/analysis/conversion.js";
import {outcomeCode} from "../../../src/lib/core/measures.js";

describe("stage-to-close conversion", () => {
  const levels = [1, 2, 3, 4, 5];
  let extract: DetailedExtract;
  let all: Uint32Array;
  let events: Uint32Array;
  beforeAll(async () => void ({extract, all, events} = await fixtureSelection()));

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
    expect(recordedSteps(extract)).toEqual(["handed off", "accepted", "opportunity", "won"]);
  });

  it("leaves out the steps an export does not record, so that in order its wins still count", () => {
    // The same handoffs from an export without acceptance or opportunity events.
    const nan = new Float64Array(extract.rows).fill(NaN);
    const bare = {...extract, columns: {...extract.columns, hoursToAccept: nan, hoursToOpportunity: nan}};
    expect(recordedSteps(bare)).toEqual(["handed off", "won"]);
    const inOrder = funnel(bare, all, levels, "in-order");
    expect(inOrder[0].steps).toEqual(["handed off", "won"]);
    expect(inOrder.map((d) => d.counts)).toEqual([
      [2, 0],
      [3, 1],
      [2, 1],
      [1, 1],
      [2, 1]
    ]);
    // Every won handoff is in the funnel's last step, as on the overview.
    const won = Array.from(all).filter((r) => extract.columns.outcome[r] === outcomeCode.won).length;
    expect(inOrder.reduce((n, d) => n + d.counts[1], 0)).toBe(won);
  });

  it("estimates the time to a win per level, open and lost handoffs censored where the data ends", () => {
    const curves = timeToWin(extract, all, levels);
    const two = curves[1];
    expect([two.handoffs, two.won]).toEqual([3, 1]);
    // L08 is censored at 49 days (handed off 2025-02-11, data ends 2025-04-01), so when L02 wins after 60 days two
    // are at risk: S = 1 − 1/2, a cumulative win probability of 1/2 from day 60.
    expect(two.at.map((d) => d.probability)).toEqual([0, 0.5, 0.5]);
    // One win: its days are the median, with no interval (one deal cannot give one).
    expect(two.medianDaysToWin).toEqual({median: 60, lo: null, hi: null, n: 1});
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
