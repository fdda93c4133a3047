import {describe, expect, it} from "vitest";
import {groupRatesChart, groupTick} from "../../src/components/group-rates-chart.js";
import {overallWinRate, type GroupSummary} from "../../src/lib/analysis/campaigns.js";
import {wilson} from "../../src/lib/core/stats.js";
import {chartDocument, chartTexts, roundedMarkup} from "../helpers/chart.js";

/** A group with the given wins of closed handoffs. */
function group(key: string, won: number, closed: number, shrunk: number | null): GroupSummary {
  return {
    ...{key, handoffs: closed + 1, levelMix: [closed + 1], won, closed, open: 1, winRate: wilson(won, closed)},
    ...{shrunkWinRate: shrunk, small: closed < 30, revenue: 0, revenuePerHandoff: 0, openOpportunities: 0},
    ...{pipelinePerHandoff: 0, salesHours: 0, salesHoursPerWin: null, cost: null, costPerWin: null}
  };
}

const groups = [
  group("Webinar Q1", 20, 50, 0.38),
  group("A campaign whose name is far too long to fit its band", 3, 10, 0.3),
  group("Nothing closed", 0, 0, null)
];

describe("groupRatesChart", () => {
  const chart = groupRatesChart(groups, {width: 640, overall: overallWinRate(groups), document: chartDocument()});

  it("draws a rate and interval per group with closed handoffs, a ring per shrunk rate, and the overall line", () => {
    expect(chart.querySelectorAll("g[aria-label='dot']")).toHaveLength(2);
    expect(chart.querySelectorAll("g[aria-label='dot']")[0].querySelectorAll("circle")).toHaveLength(2);
    expect(chart.querySelectorAll("g[aria-label='rule'] line").length).toBeGreaterThanOrEqual(3);
    expect(overallWinRate(groups)).toBeCloseTo(23 / 60);
  });

  it("cuts long names in the middle to the margin and writes each group's closed handoffs in its tick", () => {
    const texts = chartTexts(chart as unknown as Element);
    expect(texts).toContain("Webinar Q1 (50)");
    expect(texts).toContain("Nothing closed (0)");
    const long = texts.find((d) => d.startsWith("A campaign"))!;
    expect(long).toMatch(/^A campaign [^…]+…[^…]+ its band \(10\)$/);
  });

  it("keeps the closed handoffs in sight at laptop widths, where the axis cut them off ('Webinar · Data … (4…')", () => {
    const ticksAt = (width: number) =>
      [
        ...groupRatesChart(groups, {width, overall: 0.3, document: chartDocument()}).querySelectorAll(
          "[data-mark='y-axis tick label'] text"
        )
      ].map((d) => d.textContent!);
    const [narrow, wide] = [ticksAt(400), ticksAt(1500)];
    expect(narrow[1]).toMatch(/^A campaign.*….* \(10\)$/);
    expect(narrow[1].length).toBeLessThan(
      chartTexts(chart as unknown as Element).find((d) => d.startsWith("A c"))!.length
    );
    // A wide screen gives the names more room (up to 420 px), and a name that fits is not cut at all.
    expect(wide[1]).toMatch(/ \(10\)$/);
    expect(wide[1].length).toBeGreaterThan(narrow[1].length + 10);
    expect(wide[0]).toBe("Webinar Q1 (50)");
    expect(groupTick(groups, groups[1].key)).toBe("A campaign whose name is far too long to fit its band (10)");
  });

  it("matches its snapshot", () => {
    expect(roundedMarkup(chart as unknown as Element)).toMatchSnapshot();
  });
});
