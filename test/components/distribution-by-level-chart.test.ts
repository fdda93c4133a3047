import {describe, expect, it} from "vitest";
import {dayTicks} from "../../src/components/distribution-by-level-chart.js";

describe("dayTicks", () => {
  it("keeps to day, week, month and quarter on a narrow axis, where 60 would crowd 30 and 90", () => {
    expect(dayTicks(120, 250)).toEqual([0, 1, 7, 30, 90]);
  });

  it("adds 2, 14 and 60 days when the narrowest gap they leave is 36 px or more", () => {
    expect(dayTicks(120, 600)).toEqual([0, 1, 2, 7, 14, 30, 60, 90]);
  });

  it("never reaches beyond the data: a 20-day axis ends at 14", () => {
    expect(dayTicks(20, 600)).toEqual([0, 1, 2, 7, 14]);
  });

  it("leaves at least 36 px between neighbouring fine ticks, the failure a symlog's linear ticks had at 80 and 100", () => {
    for (const width of [200, 300, 450, 700, 1200]) {
      const ticks = dayTicks(400, width);
      const scale = width / Math.log1p(400);
      const gaps = ticks.slice(1).map((d, i) => (Math.log1p(d) - Math.log1p(ticks[i]!)) * scale);
      if (ticks.includes(2)) expect(Math.min(...gaps)).toBeGreaterThanOrEqual(36);
    }
  });
});
