import {describe, expect, it} from "vitest";
import type {GroupSummary} from "../../../src/lib/analysis/campaigns.js";
import type {TimeToWin} from "../../../src/lib/analysis/conversion.js";
import type {FirstTouch, SalesTime} from "../../../src/lib/analysis/timing.js";
import {campaignReading, conversionReading, timingReading} from "../../../src/lib/readings/page-readings.js";

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
  const options = {
    dimension: "campaign" as const,
    minClosed: 30,
    rankedBy: "by their win rate shrunk toward the overall rate"
  };

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

  it("ranks no group when none has enough closed handoffs (UTM campaigns, one per lead)", () => {
    // Before, the first row of the table led "with 100.0% (n = 1)".
    const groups = [group("utm_a", 1, 1, 0.2), group("utm_b", 0, 3, 0.15), group("utm_c", 0, 1, 0.17)];
    const text = campaignReading(groups, options);
    expect(text).toBe(
      "None of the 3 groups has 30 closed handoffs or more (the most: 3), so none is ranked: at this size the data " +
        "cannot tell them apart. Group more coarsely, choose a longer period or lower “Minimum n”."
    );
    expect(text).not.toContain("utm_a");
  });

  it("names the best of those with enough cases, not a small group ranked above it", () => {
    const text = campaignReading([group("tiny", 1, 1, 0.4), group("A", 20, 40, 0.3), group("B", 3, 40, 0.1)], options);
    expect(text).toMatch(/^3 campaigns brought handoffs; ranked .*, A leads with 50\.0%/);
    expect(text).toContain("B ranks last of those with enough cases: 7.5% (95% CI 0.0–100.0%, n = 40).");
  });

  it("says when the first and the last are within noise, with the difference's 95% interval (Newcombe)", () => {
    // 150 campaigns at 50% each were ranked, the first "leading" with 50.2%, without a word that it was noise.
    const alike = campaignReading([group("A", 167, 333, 0.502), group("B", 166, 333, 0.498)], options);
    expect(alike).toContain(
      "The first and the last differ by +0.3 points (95% CI −7.3 to +7.8), an interval that includes zero: within " +
        "noise, the data cannot tell them apart."
    );
    const apart = campaignReading([group("A", 20, 40, 0.3), group("B", 3, 40, 0.1)], options);
    expect(apart).not.toContain("within noise");
  });

  it("reads 300,000 groups (spread as arguments into Math.max, they overflowed the call stack)", () => {
    const groups = Array.from({length: 300_000}, (_, i) => group(`C${i}`, 1, 40, 0.2));
    expect(campaignReading(groups, options)).toContain("300,000 groups do not differ beyond noise");
  });
});

describe("conversionReading and timingReading without times", () => {
  const curve = (level: number, probability: number) =>
    ({level, handoffs: 40, at: [30, 90, 180].map((days) => ({days, probability, lo: 0, hi: 1}))}) as TimeToWin;

  it("conversion: reads no chance of a win within 90 days from an export that has no times", () => {
    const curves = [curve(1, 0.1), curve(3, 0.4)];
    expect(conversionReading(curves, [], {names: String})).toContain("Within 90 days");
    const text = conversionReading(curves, [], {names: String, times: false});
    expect(text).toBe(
      "This export has no times, so how soon each level wins cannot be read here; the win rate per level is on the overview."
    );
  });

  it("conversion: gives every figure its interval and n, the strongest fact's too (they stood bare)", () => {
    const at = (probability: number, lo: number, hi: number) =>
      [30, 90, 180].map((days) => ({days, probability, lo, hi}));
    const curves = [
      {level: 1, handoffs: 195, at: at(0.021, 0.008, 0.05)},
      {level: 5, handoffs: 17, at: at(0.111, 0.016, 0.567)}
    ] as TimeToWin[];
    const criterion = {
      evidence: "need_identified",
      with: {k: 5, n: 40, rate: 0.125, lo: 0.055, hi: 0.261},
      without: {k: 2, n: 120, rate: 0.0167, lo: 0.0046, hi: 0.0587},
      difference: 0.108
    };
    expect(conversionReading(curves, [criterion], {names: (level) => `L${level}`})).toBe(
      "Within 90 days of handoff, 2.1% (95% CI 0.8–5.0%) of level-1 handoffs (L1, n = 195) were won, against 11.1% " +
        "(95% CI 1.6–56.7%) at level 5 (L5, n = 17). Open handoffs count as still able to win, not as lost. Of the " +
        "single facts known at handoff, need identified goes with the largest difference: 12.5% won with it (95% CI " +
        "5.5–26.1%, n = 40), 1.7% without (0.5–5.9%, n = 120)."
    );
  });

  it("conversion: quotes no 90-day chance when the handoff's instant is a stand-in (no handoff timestamp)", () => {
    const text = conversionReading([curve(1, 0.086)], [], {names: String, times: "no handoff time"});
    expect(text).not.toContain("90 days");
    expect(text).not.toContain("8.6%");
    expect(text).toContain("no handoff timestamp");
  });

  it("timing: says nothing of follow-up within the SLA from an export that has no times", () => {
    const total = {won: 10, notWon: 30, wastedShare: 0.75} as SalesTime;
    const touch = {withinSla: {k: 5, n: 10, rate: 0.5, lo: 0.2, hi: 0.8}, untouched: 2} as FirstTouch;
    const options = {slaHours: 24, hourlyRate: 0, handoffs: 40};
    expect(timingReading({total, levels: []}, touch, [], options)).toContain("within 24 hours");
    expect(timingReading({total, levels: []}, touch, [], {...options, times: false})).not.toContain("within 24 hours");
  });
});
