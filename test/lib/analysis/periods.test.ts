import {describe, expect, it} from "vitest";
import {
  comparePeriods,
  compareRate,
  comparisonPeriod,
  lastMonths,
  monthlyFigures,
  type PeriodFigures
} from "../../../src/lib/analysis/periods.js";

describe("comparisonPeriod", () => {
  it("is the period of equal length just before, or the same months a year earlier", () => {
    const quarter = {from: "2025-04", to: "2025-06"};
    expect(comparisonPeriod(quarter, "previous")).toEqual({from: "2025-01", to: "2025-03"});
    expect(comparisonPeriod(quarter, "year")).toEqual({from: "2024-04", to: "2024-06"});
    expect(comparisonPeriod({from: "2025-01", to: "2025-02"}, "previous")).toEqual({from: "2024-11", to: "2024-12"});
    expect(comparisonPeriod({from: "2025-03", to: "2025-03"}, "previous")).toEqual({from: "2025-02", to: "2025-02"});
    expect(comparisonPeriod(quarter, "none")).toBeNull();
  });

  it("defaults the overview to the data's last three months", () => {
    expect(lastMonths(["2024-11", "2024-12", "2025-01", "2025-02"], 3)).toEqual({from: "2024-12", to: "2025-02"});
    expect(lastMonths(["2025-02"], 3)).toEqual({from: "2025-02", to: "2025-02"});
  });
});

describe("monthlyFigures", () => {
  const monthly = [
    {month: "2025-01", level: 1, handoffs: 10, won: 1, closed: 8},
    {month: "2025-01", level: 2, handoffs: 5, won: 2, closed: 5},
    {month: "2025-02", level: 2, handoffs: 7, won: 3, closed: 6},
    {month: "2025-03", level: 1, handoffs: 100, won: 50, closed: 100}
  ];

  it("adds up the months of the period, per level, and nothing outside it", () => {
    const figures = monthlyFigures(monthly, {from: "2025-01", to: "2025-02"}, 3);
    expect(figures).toEqual({
      period: {from: "2025-01", to: "2025-02"},
      handoffs: 22,
      won: 6,
      closed: 19,
      byLevel: [
        {handoffs: 10, won: 1, closed: 8},
        {handoffs: 12, won: 5, closed: 11},
        {handoffs: 0, won: 0, closed: 0}
      ]
    });
  });
});

describe("compareRate and comparePeriods", () => {
  it("calls a change beyond noise only when its 95% interval excludes zero", () => {
    expect(compareRate(60, 100, 40, 100).verdict).toBe("up");
    expect(compareRate(40, 100, 60, 100).verdict).toBe("down");
    expect(compareRate(50, 100, 48, 100).verdict).toBe("noise");
    expect(compareRate(5, 10, 0, 0).verdict).toBeNull();
  });

  it("compares the win rate over closed handoffs, or over all handoffs for data without losses", () => {
    const figures = (won: number, closed: number, handoffs: number): PeriodFigures => ({
      period: {from: "2025-01", to: "2025-01"},
      handoffs,
      won,
      closed,
      byLevel: [{handoffs, won, closed}]
    });
    const closed = comparePeriods(figures(30, 60, 100), figures(10, 50, 100));
    expect(closed.winRate.current).toEqual({k: 30, n: 60});
    expect(closed.winRate.change.difference).toBeCloseTo(0.5 - 0.2, 12);
    const all = comparePeriods(figures(30, 60, 100), figures(10, 50, 100), "all");
    expect(all.winRate.current).toEqual({k: 30, n: 100});
    expect(all.levelShares[0].current).toEqual({k: 100, n: 100});
  });
});
