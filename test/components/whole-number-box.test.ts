// @vitest-environment jsdom
import * as Inputs from "@observablehq/inputs";
import {describe, expect, it} from "vitest";
import {wholeNumberBox} from "../../src/components/whole-number-box.js";

/** Types `text` into the input's number box as a user would, then leaves the box. */
function typeAndLeave(input: HTMLElement, text: string): HTMLInputElement {
  const box = input.querySelector<HTMLInputElement>("input[type=number]")!;
  box.value = text;
  box.dispatchEvent(new Event("input", {bubbles: true}));
  box.dispatchEvent(new Event("change", {bubbles: true}));
  return box;
}

describe("wholeNumberBox", () => {
  it("shows the value in use again when the box is left holding a decimal (it showed 85.5 and used 120)", () => {
    const input = wholeNumberBox(Inputs.number([0, 1000], {label: "Rate", value: 120, step: 1}), 0, 1000);
    const box = typeAndLeave(input, "85.5");
    expect(input.value).toBe(120);
    expect(box.value).toBe("120");
    expect(box.title).toBe("A whole number from 0 to 1,000");
  });

  it("takes a whole number in range, and refuses one out of range", () => {
    const input = wholeNumberBox(Inputs.number([1, 720], {label: "SLA", value: 24, step: 1}), 1, 720);
    expect(typeAndLeave(input, "123").value).toBe("123");
    expect(input.value).toBe(123);
    expect(typeAndLeave(input, "721").value).toBe("123");
    expect(input.value).toBe(123);
  });

  it("puts a slider back too, which Inputs had moved to the refused entry rounded", () => {
    const input = wholeNumberBox(Inputs.range([5, 95], {label: "Held back", value: 50, step: 1}), 5, 95);
    typeAndLeave(input, "20.5");
    expect(input.value).toBe(50);
    expect(input.querySelector<HTMLInputElement>("input[type=range]")!.value).toBe("50");
  });
});
