import {describe, expect, it} from "vitest";
import {minNSetting, pageContext} from "../../../src/lib/analysis/page-context.js";
import {fullLimits} from "../../../src/lib/core/dataset.js";
import {handoffLadder} from "../../../src/lib/core/ladder.js";

describe("pageContext", () => {
  it("names the levels of the ladder, and a level the ladder lacks by its number", () => {
    const context = pageContext(handoffLadder, {limits: fullLimits});
    expect(context.levels).toEqual([1, 2, 3, 4, 5]);
    expect(context.levelLabel(3)).toBe("3 · Need");
    expect(context.levelName(7)).toBe("7");
  });

  it("takes the win rate of closed handoffs, or the share won of all where lost deals are not recorded", () => {
    expect(pageContext(handoffLadder, {limits: fullLimits})).toMatchObject({
      denominator: "closed",
      rateName: "Win rate",
      rateInline: "win rate"
    });
    const noLost = pageContext(handoffLadder, {limits: {...fullLimits, lostOutcome: false}});
    expect(noLost.denominator).toBe("all");
    expect(noLost.rateName).not.toBe("Win rate");
    expect([noLost.rankedBy, noLost.rankedByTheir]).toEqual([
      "by the share won shrunk toward the overall rate",
      "by their share won shrunk toward the overall rate"
    ]);
  });

  it("offers the minimum-n setting every filter bar shows, 30 by default", () => {
    expect(minNSetting()).toEqual({key: "minN", label: "Minimum n", value: 30, min: 1, max: 1000});
  });

  it("formats amounts in the data's currency, EUR when the data names none", () => {
    expect(pageContext(handoffLadder, {limits: fullLimits}).money(1500)).toBe("€1,500");
    const dollars = pageContext(handoffLadder, {limits: fullLimits, currency: "USD"});
    expect([dollars.money(1500), dollars.money(2_500_000, {compact: true}), dollars.currencySymbol]).toEqual([
      "$1,500",
      "$2.5M",
      "$"
    ]);
  });
});
