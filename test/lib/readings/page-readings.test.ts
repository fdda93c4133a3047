import {describe, expect, it} from "vitest";
import type {GroupSummary} from "../../../src/lib/analysis/campaigns.js";
import {campaignReading} from "../../../src/lib/readings/page-readings.js";

/** A campaign's summary with only what the reading reads. */
const group = (key: string, won: number, closed: number, shrunk: number): GroupSummary =>
  ({
    key,
    handoffs: closed,
    won,
    closed,
    winRate: {k: won, n: closed, rate: won / closed, lo: 0, hi: 1},
    shrunkWinRate: shrunk,
    small: closed < 30
  }) as GroupSummary;

describe("campaignReading", () => {
  const options = {dimension: "campaign" as const, minClosed: 30, rateName: "win rate"};

  it("names no leader when every campaign shrinks to the same rate", () => {
    const text = campaignReading([group("A", 5, 40, 0.1), group("B", 3, 40, 0.1), group("C", 1, 40, 0.1)], options);
    expect(text).toBe(
      "The 3 groups do not differ beyond noise: every one shrinks to the same win rate, 10.0%, so none leads."
    );
  });

  it("names the best and the worst when they differ", () => {
    const text = campaignReading([group("A", 20, 40, 0.3), group("B", 3, 40, 0.1)], options);
    expect(text).toContain("A");
    expect(text).not.toContain("none leads");
  });

  it("reads 300,000 groups (spread as arguments into Math.max, they overflowed the call stack)", () => {
    const groups = Array.from({length: 300_000}, (_, i) => group(`C${i}`, 1, 40, 0.2));
    expect(campaignReading(groups, options)).toContain("300,000 groups do not differ beyond noise");
  });
});
