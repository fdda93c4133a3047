import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {pairedChartsFrom, pairedChartWidth} from "../../src/components/paired-chart-width.js";

describe("pairedChartWidth", () => {
  it("takes the whole page where the pair stacks and half of it where it shares a row", () => {
    expect(pairedChartWidth(656)).toBe(616);
    expect(pairedChartWidth(912)).toBe(872);
    expect(pairedChartWidth(1100)).toBe(502);
    expect(pairedChartWidth(1552)).toBe(728);
    expect(pairedChartWidth(300)).toBe(320);
  });

  it("breaks where the stylesheet stacks the pair", () => {
    const css = readFileSync(new URL("../../src/style.css", import.meta.url), "utf8");
    expect(css).toContain(`@container (max-width: ${pairedChartsFrom - 1}px)`);
    expect(css).toMatch(/\.grid-cols-2\.charts \{\s*grid-template-columns: minmax\(0, 1fr\);/);
  });
});
