import {describe, expect, it} from "vitest";
import {levelColors, levelPalette, sequentialBlues} from "../../src/components/level-colors.js";

/** Relative luminance of a #rrggbb colour (WCAG 2). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The WCAG contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe("levelColors", () => {
  it("gives each level the same colour whatever the ladder's length", () => {
    expect(levelColors(4)).toEqual(levelColors(6).slice(0, 4));
    expect(levelColors(5)[2]).toBe(levelPalette[2]);
  });

  it("darkens with each level, and level 1 stands out from the white page (Plot's first blue, #eff3ff, did not)", () => {
    const luminances = levelColors(6).map(luminance);
    for (let i = 1; i < luminances.length; ++i) expect(luminances[i]).toBeLessThan(luminances[i - 1]);
    expect(contrast(levelPalette[0], "#ffffff")).toBeGreaterThan(1.4);
    expect(contrast("#eff3ff", "#ffffff")).toBeLessThan(1.15);
  });

  it("refuses a ladder longer than the palette", () => {
    expect(() => levelColors(7)).toThrow(/at most 6 levels/);
  });
});

describe("sequentialBlues", () => {
  it("darkens from series to series and never starts in near-white", () => {
    const colors = sequentialBlues(8);
    expect(colors).toHaveLength(8);
    const luminances = colors.map((d) => luminance(d.startsWith("#") ? d : rgbToHex(d)));
    for (let i = 1; i < luminances.length; ++i) expect(luminances[i]).toBeLessThan(luminances[i - 1]);
    expect(contrast(rgbToHex(colors[0]), "#ffffff")).toBeGreaterThan(1.4);
    expect(sequentialBlues(1)).toHaveLength(1);
  });
});

/** "rgb(r, g, b)" (as Plot's interpolators return) or "#rrggbb" as #rrggbb. */
function rgbToHex(color: string): string {
  if (color.startsWith("#")) return color;
  const [r, g, b] = color.match(/\d+/g)!.map(Number);
  return `#${[r, g, b].map((d) => d.toString(16).padStart(2, "0")).join("")}`;
}
