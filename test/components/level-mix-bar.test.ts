// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {levelMixBar} from "../../src/components/level-mix-bar.js";

describe("levelMixBar", () => {
  it("draws one segment per level with handoffs, as wide as its share", () => {
    const bar = levelMixBar([3, 0, 1]);
    const widths = [...bar.querySelectorAll("span")].map((d) => d.style.width);
    expect(widths).toEqual(["75%", "25%"]);
  });

  it("describes the counts for screen readers and in its tooltip, in the page's language", () => {
    const bar = levelMixBar([1200, 5]);
    expect(bar.getAttribute("role")).toBe("img");
    expect(bar.getAttribute("aria-label")).toBe("Level mix: level 1: 1,200, level 2: 5");
    expect(bar.title).toBe("level 1: 1,200, level 2: 5");
    history.replaceState(null, "", "?lang=de");
    try {
      expect(levelMixBar([1200, 5]).getAttribute("aria-label")).toBe("Stufenmix: Stufe 1: 1.200, Stufe 2: 5");
    } finally {
      history.replaceState(null, "", "?");
    }
  });
});
