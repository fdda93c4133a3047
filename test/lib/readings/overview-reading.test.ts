import {beforeAll, describe, expect, it} from "vitest";
import {overviewReading} from "../../../src/lib/readings/overview-reading.js";
import type {OverviewData} from "../../../src/lib/core/overview.js";
import {modelOf} from "../../helpers/model.js";

describe("overviewReading", () => {
  let overview: OverviewData;
  beforeAll(async () => {
    overview = (await modelOf("test/fixtures/small")).overview;
  });

  it("reads the fixture: most common level, the lowest and highest win rates, the survey and the open handoffs", () => {
    expect(overviewReading(overview)).toBe(
      "Of 10 handoffs from 10 leads, the most common level at handoff is 2 (Target person), with 30.0% of all " +
        "handoffs. Handoffs at level 1 were won 0.0% of the time (95% CI 0.0–65.8%, 2 closed), at level 5 100.0% " +
        "(20.7–100.0%, 1 closed): the intervals overlap, so the data cannot yet tell these levels apart. 50% of " +
        "handoffs happen at levels 1–2 (95% CI 23.7–76.3%, n = 10), against 53% in the SiriusDecisions survey: this " +
        "company hands off early about " +
        "as often as the surveyed companies. 2 handoffs are still open; they count in neither the wins nor the losses. " +
        "Levels 1, 2, 3, 4, 5 rest on fewer than 30 closed handoffs: read their win rate with care."
    );
  });

  it("compares the early share with the survey only as far as its interval allows", () => {
    // Shares at levels 1-2 of all handoffs, against the survey's 53%.
    const early = (handoffs: number, first: number) => ({
      ...overview,
      totals: {...overview.totals, handoffs},
      levels: overview.levels.map((d) => ({...d, handoffs: d.level === 1 ? first : d.level === 2 ? 0 : d.handoffs}))
    });
    // 7 of 10: 70%, but 95% CI 39.7–89.2% holds 53% (it said "more often").
    expect(overviewReading(early(10, 7))).toContain(
      "70% of handoffs happen at levels 1–2 (95% CI 39.7–89.2%, n = 10), against 53% in the SiriusDecisions survey: " +
        "this company hands off early not clearly more or less often than the surveyed companies."
    );
    expect(overviewReading(early(1000, 700))).toContain("hands off early more often than the surveyed companies");
    expect(overviewReading(early(1000, 300))).toContain("hands off early less often than the surveyed companies");
    // Within five points: about as often, however narrow the interval.
    expect(overviewReading(early(100_000, 55_000))).toContain("about as often as the surveyed companies");
  });

  it("says when the levels are clearly apart", () => {
    const clear = {
      ...overview,
      levels: overview.levels.map((d, i) => ({
        ...d,
        closed: 1000,
        winRate: {k: 0, n: 1000, rate: 0.02 + i * 0.1, lo: 0.01 + i * 0.1, hi: 0.03 + i * 0.1}
      }))
    };
    const text = overviewReading(clear);
    expect(text).toContain("later handoffs win clearly more often");
    expect(text).not.toContain("read their win rate with care");
  });

  it("claims no win rate, and no small n, for a level without any closed handoff", () => {
    const empty = {
      ...overview,
      levels: overview.levels.map((d) =>
        d.level === 4
          ? {...d, handoffs: 0, closed: 0, won: 0, winRate: {k: 0, n: 0, rate: null, lo: null, hi: null}}
          : d
      )
    };
    const text = overviewReading(empty);
    expect(text).toContain("Levels 1, 2, 3, 5 rest on fewer than 30 closed handoffs");
    expect(text).toContain("Level 4: no closed handoff yet, so no win rate.");
    const twoEmpty = {
      ...empty,
      levels: empty.levels.map((d) =>
        d.level === 5 ? {...d, closed: 0, winRate: {k: 0, n: 0, rate: null, lo: null, hi: null}} : d
      )
    };
    // It said "Level(s) 4, 5": the count now picks the word.
    expect(overviewReading(twoEmpty)).toContain("Levels 4, 5: no closed handoff yet, so no win rate.");
  });

  it("says there is nothing to compare before the first handoff", () => {
    const none = {...overview, totals: {...overview.totals, handoffs: 0}};
    expect(overviewReading(none)).toBe(
      "None of the 10 leads has been handed off to sales yet, so there is nothing to compare."
    );
  });
});
