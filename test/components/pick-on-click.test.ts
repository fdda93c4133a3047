// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {pickOnClick} from "../../src/components/pick-on-click.js";

/** A stand-in for a Plot figure: its value is the datum under the pointer (undefined or null over nothing). */
function figure(): HTMLElement & {value?: {level: number} | null} {
  return document.createElement("figure");
}

describe("pickOnClick", () => {
  it("takes the datum under the pointer on a click, and keeps it until the next click on a datum", () => {
    const chart = figure();
    const picked = pickOnClick<{level: number} | null>(chart);
    const inputs: unknown[] = [];
    picked.addEventListener("input", () => inputs.push(picked.value));
    expect(picked.value).toBeNull();
    expect(picked.firstElementChild).toBe(chart);
    chart.value = {level: 3};
    chart.click();
    expect(picked.value).toEqual({level: 3});
    // Over empty space the pointer holds nothing: the earlier pick stays, and no input is announced.
    chart.value = null;
    chart.click();
    chart.value = undefined;
    chart.click();
    expect(picked.value).toEqual({level: 3});
    chart.value = {level: 5};
    chart.click();
    expect(inputs).toEqual([{level: 3}, {level: 5}]);
  });

  it("does not pass on the figure's own input events (a pointer moving is no pick)", () => {
    const chart = figure();
    const picked = pickOnClick(chart);
    const outer = document.createElement("div");
    outer.append(picked);
    let heard = 0;
    outer.addEventListener("input", () => ++heard);
    chart.value = {level: 2};
    chart.dispatchEvent(new Event("input", {bubbles: true}));
    expect(heard).toBe(0);
    chart.click();
    expect(heard).toBe(1);
  });
});
