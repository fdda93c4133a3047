// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {delayLossInput, experimentInputs} from "../../src/components/simulator-inputs.js";

/** Each number box's value as the page shows it, and each slider's name for screen readers. */
function boxes(input: HTMLElement): {shown: string[]; names: (string | null)[]} {
  return {
    shown: [...input.querySelectorAll<HTMLInputElement>("input[type=number]")].map((d) => d.value),
    names: [...input.querySelectorAll("input[type=range]")].map((d) => d.getAttribute("aria-label"))
  };
}

describe("delayLossInput", () => {
  it("shows the share in whole percent (a share's decimals followed the browser's locale, not the page's)", () => {
    const input = delayLossInput(0.0537);
    expect(input.value).toBe(5);
    expect(boxes(input)).toEqual({shown: ["5"], names: ["Delay loss (% of wins lost to the wait)"]});
  });
});

describe("experimentInputs", () => {
  it("asks for whole numbers only, names every slider, and starts at the levels and the difference given", () => {
    const input = experimentInputs([2, 3, 4, 5], 4, 3.6);
    expect(input.value).toEqual({k: 4, holdBackPercent: 50, effectPoints: 4, maxWaitMonths: 6});
    expect(boxes(input)).toEqual({
      shown: ["50", "4", "6"],
      names: ["Share held back (%)", "Difference to detect (percentage points)", "Longest wait (months)"]
    });
    expect(experimentInputs([2], 2, 0).value.effectPoints).toBe(1);
  });
});
