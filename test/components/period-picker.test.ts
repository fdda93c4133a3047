// @vitest-environment jsdom
import {afterEach, describe, expect, it} from "vitest";
import {periodPicker} from "../../src/components/period-picker.js";

const months = ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"];
afterEach(() => history.replaceState(null, "", "/"));

/** Chooses the option numbered `option` in the picker's `index`-th select (from, to, compare) as a user would. */
function choose(picker: HTMLElement, index: number, option: number): void {
  const select = picker.querySelectorAll("select")[index];
  select.selectedIndex = option;
  select.dispatchEvent(new Event("input", {bubbles: true}));
}

describe("periodPicker", () => {
  it("starts at the data's last three months, compared with the period before", () => {
    expect(periodPicker(months).value).toEqual({period: {from: "2025-04", to: "2025-06"}, compare: "previous"});
  });

  it("restores a shared link's period and comparison, and ignores months the data does not have", () => {
    history.replaceState(null, "", "/?from=2025-02&to=2025-03&compare=year");
    expect(periodPicker(months).value).toEqual({period: {from: "2025-02", to: "2025-03"}, compare: "year"});
    history.replaceState(null, "", "/?from=2019-01&to=2025-05&compare=decade");
    expect(periodPicker(months).value).toEqual({period: {from: "2025-04", to: "2025-05"}, compare: "previous"});
  });

  it("puts a choice in the address, orders a reversed period, and announces it once", () => {
    history.replaceState(null, "", "/?lang=de#top");
    const picker = periodPicker(months);
    const page = document.createElement("div");
    page.append(picker);
    // What the page around the picker hears: one event per choice, from the picker itself, its value already new.
    const heard: unknown[] = [];
    page.addEventListener("input", (event) => {
      expect(event.target).toBe(picker);
      heard.push(structuredClone(picker.value));
    });
    choose(picker, 0, 5);
    choose(picker, 1, 0);
    expect(picker.value.period).toEqual({from: "2025-01", to: "2025-06"});
    choose(picker, 2, 1);
    expect(heard).toEqual([
      {period: {from: "2025-06", to: "2025-06"}, compare: "previous"},
      {period: {from: "2025-01", to: "2025-06"}, compare: "previous"},
      {period: {from: "2025-01", to: "2025-06"}, compare: "year"}
    ]);
    const query = new URLSearchParams(location.search);
    expect([query.get("from"), query.get("to"), query.get("compare"), query.get("lang")]).toEqual([
      "2025-01",
      "2025-06",
      "year",
      "de"
    ]);
    expect(location.hash).toBe("#top");
    choose(picker, 2, 0);
    expect(new URLSearchParams(location.search).has("compare")).toBe(false);
  });
});
