// @vitest-environment jsdom
import {afterEach, describe, expect, it} from "vitest";
import {filterBar, type FilterState} from "../../src/components/filter-bar.js";
import type {Extract} from "../../src/lib/core/extract.js";

/** Four handoffs from January to April 2025 (months since 1970: 660…663), with one dimension of the data's own. */
const extract = {
  rows: 4,
  columns: {handoffMonth: new Int32Array([660, 661, 662, 663])},
  header: {
    dictionaries: {
      campaign: ["Spring", "Webinar"],
      source: ["Events", "Web"],
      segment: ["SMB"],
      companySize: ["10-49"],
      region: ["DACH", "UK"],
      dim_product: ["Cloud", "On-prem"]
    },
    dimensions: [{column: "dim_product", label: {en: "Product", de: "Produkt"}}]
  }
} as unknown as Extract;
const settings = [{key: "sla", label: "Follow-up SLA (hours)", value: 24, min: 1, max: 720}];

afterEach(() => history.replaceState(null, "", "/"));

/** Picks option `option` of the bar's select labelled `label`, as a user would. */
function choose(bar: HTMLElement, label: string, option: number): void {
  const field = [...bar.querySelectorAll("label")].find((d) => d.textContent === label)!.parentElement!;
  const select = field.querySelector("select")!;
  select.selectedIndex = option;
  select.dispatchEvent(new Event("input", {bubbles: true}));
}

describe("filterBar", () => {
  it("starts with no filter: the whole period, every value, the settings' defaults", () => {
    const bar = filterBar(extract, {settings, compare: true});
    expect(bar.value).toEqual({filters: {}, settings: {sla: 24}, compare: "previous"});
    const labels = [...bar.querySelectorAll("label")].map((d) => d.textContent);
    expect(labels).toContain("Product");
  });

  it("restores a shared link, keeping only values the data has and settings within their range", () => {
    history.replaceState(null, "", "/?from=2025-02&to=2031-01&source=Web&region=Mars&dim_product=Cloud&sla=5000");
    const bar = filterBar(extract, {settings});
    expect(bar.value).toEqual({
      filters: {from: "2025-02", source: "Web", dim_product: "Cloud"},
      settings: {sla: 24},
      compare: "none"
    });
    history.replaceState(null, "", "/?sla=48&compare=year");
    expect(filterBar(extract, {settings, compare: true}).value.settings).toEqual({sla: 48});
    expect(filterBar(extract, {settings, compare: true}).value.compare).toBe("year");
  });

  it("puts each change in the address with the language, and announces it once to the page", () => {
    history.replaceState(null, "", "/timing?lang=de");
    const bar = filterBar(extract, {settings});
    const page = document.createElement("div");
    page.append(bar);
    const heard: FilterState[] = [];
    page.addEventListener("input", () => heard.push(structuredClone(bar.value)));
    choose(bar, "Quelle", 2); // All, Events, Web
    choose(bar, "Von", 1);
    expect(heard.map((d) => d.filters)).toEqual([{source: "Web"}, {source: "Web", from: "2025-02"}]);
    expect(location.pathname).toBe("/timing");
    expect(Object.fromEntries(new URLSearchParams(location.search))).toEqual({
      from: "2025-02",
      source: "Web",
      lang: "de"
    });
    // Back to every source: the filter leaves the address.
    choose(bar, "Quelle", 0);
    expect(new URLSearchParams(location.search).has("source")).toBe(false);
  });

  it("offers no period for data without calendar dates: its months would be made up", () => {
    const bar = filterBar(extract, {compare: true, calendar: false});
    expect(bar.querySelectorAll("label").length).toBe(6);
    expect(bar.value.compare).toBe("none");
  });
});
