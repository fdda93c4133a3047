// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {dimensionInput, searchAbove} from "../../src/components/dimension-input.js";

const few = ["DACH", "Nordics", "UK"];
/** Campaigns as an export may name them: a UTM string per few leads. */
const many = Array.from({length: searchAbove + 1}, (_, i) => `utm_${String(i).padStart(4, "0")}`);

/** Types `text` into the picker's field as a user would, firing the input event the page listens to. */
function type(input: HTMLElement, text: string): void {
  const field = input.querySelector("input")!;
  field.value = text;
  field.dispatchEvent(new Event("input", {bubbles: true}));
}

describe("dimensionInput", () => {
  it("offers a drop-down of the values, with All first, where they are few", () => {
    const input = dimensionInput(few, {label: "Region"});
    const options = [...input.querySelectorAll("select option")].map((d) => d.textContent);
    expect(options).toEqual(["All", "DACH", "Nordics", "UK"]);
    expect(input.value).toBeNull();
    expect(dimensionInput(few, {label: "Region", value: "UK"}).value).toBe("UK");
  });

  it("becomes a text field suggesting every value where a drop-down would hold more than it can show", () => {
    const input = dimensionInput(many, {label: "Campaign"});
    expect(input.querySelector("select")).toBeNull();
    expect(input.querySelectorAll("datalist option")).toHaveLength(many.length);
    expect(input.querySelector("input")!.getAttribute("placeholder")).toBe("All");
    expect(input.value).toBeNull();
  });

  it("filters by a typed value only once it is one of the values, and marks other text", () => {
    const input = dimensionInput(many, {label: "Campaign"});
    const field = input.querySelector("input")!;
    type(input, "utm_00");
    expect(input.value).toBeNull();
    expect(field.getAttribute("aria-invalid")).toBe("true");
    type(input, " utm_0042 ");
    expect(input.value).toBe("utm_0042");
    expect(field.getAttribute("aria-invalid")).toBe("false");
    type(input, "");
    expect(input.value).toBeNull();
    expect(field.getAttribute("aria-invalid")).toBe("false");
  });

  it("starts from a value in the link, and text from a page is only ever a field's value, never markup", () => {
    expect(dimensionInput(many, {label: "Campaign", value: "utm_0007"}).value).toBe("utm_0007");
    const hostile = [...many, "<img src=x onerror=alert(1)>"];
    const input = dimensionInput(hostile, {label: "Campaign"});
    expect(input.querySelector("img")).toBeNull();
    type(input, "<img src=x onerror=alert(1)>");
    expect(input.value).toBe("<img src=x onerror=alert(1)>");
  });
});
