import * as Plot from "@observablehq/plot";
import {afterEach, describe, expect, it, vi} from "vitest";
import {plot, textWidth} from "../../src/components/plot.js";
import {chartDocument, chartTexts} from "../helpers/chart.js";

const levels = ["1 · Jeder Kontakt", "2 · Zielperson", "3 · Bedarf", "4 · Anforderungen", "5 · MAN-T-qualifiziert"];
const bars = (document: Document, width: number) =>
  plot({
    document,
    width,
    x: {label: null, domain: levels, tickFormat: (d: string) => d.replace(" · ", "\n")},
    marks: [
      Plot.barY(
        levels.map((label, i) => ({label, n: i + 1})),
        {x: "label", y: "n"}
      )
    ]
  }) as unknown as Element;

afterEach(() => vi.unstubAllGlobals());

describe("plot", () => {
  it("keeps tick labels whole where they fit their bands", () => {
    const texts = chartTexts(bars(chartDocument(), 1200));
    expect(texts.join(" ")).toContain("Anforderungen");
    expect(texts.join(" ")).not.toContain("…");
  });

  it("cuts tick labels to their band with an ellipsis where they would run into each other", () => {
    const chart = bars(chartDocument(), 300);
    const ticks = [...chart.querySelectorAll("g[aria-label='x-axis tick label'] text")];
    expect(ticks).toHaveLength(5);
    const step = (300 - 40) / 5;
    for (const tick of ticks) {
      for (const line of tick.querySelectorAll("tspan")) expect(textWidth(line.textContent ?? "")).toBeLessThan(step);
    }
    expect(ticks.map((d) => d.textContent).join(" ")).toContain("…");
  });

  it("gives a label the bands up to the next one where the labels between are blank (each January of 24 months)", () => {
    const months = Array.from(
      {length: 24},
      (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`
    );
    const chart = (tickFormat: (d: string) => string) =>
      plot({
        document: chartDocument(),
        width: 520,
        x: {label: null, type: "band", tickFormat},
        marks: [
          Plot.barY(
            months.map((month) => ({month, n: 1})),
            {x: "month", y: "n"}
          )
        ]
      }) as unknown as Element;
    const labels = (figure: Element) =>
      [...figure.querySelectorAll("g[aria-label='x-axis tick label'] text")].map((d) => d.textContent).filter(Boolean);
    // A band is (520 − 40) / 24 = 20 px: "2024-01" (45 px) had been cut to "2…" though the next label is a year away.
    expect(labels(chart((d) => (d.endsWith("-01") ? d : "")))).toEqual(["2024-01", "2025-01"]);
    // Every month labelled: each label has its own band only, and is cut (the whole label stays as its title).
    expect(labels(chart((d) => d)).every((d) => d!.startsWith("2…"))).toBe(true);
  });

  it("cuts y tick labels to the left margin a chart sets, with the whole label as their title", () => {
    const rows = (document: Document, marginLeft: number) =>
      plot({
        document,
        width: 400,
        marginLeft,
        y: {label: null, domain: levels},
        marks: [
          Plot.barX(
            levels.map((label, i) => ({label, n: i + 1})),
            {y: "label", x: "n"}
          )
        ]
      }) as unknown as Element;
    const wide = [...rows(chartDocument(), 160).querySelectorAll("g[aria-label='y-axis tick label'] text")];
    expect(wide.map((d) => d.textContent)).toEqual(levels);
    const narrow = [...rows(chartDocument(), 80).querySelectorAll("g[aria-label='y-axis tick label'] text")];
    expect(narrow).toHaveLength(5);
    const cut = narrow.find((d) => d.querySelector("title")?.textContent === "5 · MAN-T-qualifiziert")!;
    expect(cut.firstChild?.textContent).toMatch(/…$/);
    for (const tick of narrow) expect(textWidth(tick.firstChild?.textContent ?? "")).toBeLessThanOrEqual(80 - 9);
  });

  it("gives a continuous y axis the left margin its tick labels need, and keeps Plot's default where they fit", () => {
    const amounts = (tickFormat: (d: number) => string) =>
      plot({
        document: chartDocument(),
        width: 400,
        y: {tickFormat},
        marks: [Plot.dotY([1e8, 2e8, 3e8])]
      }) as unknown as Element;
    const wide = amounts((d) => `${d / 1e6} Mio. €`);
    const ticks = [...wide.querySelectorAll("g[aria-label='y-axis tick label']")];
    // The labels are right-aligned at the margin less the tick and its padding: the margin is their widest.
    const margin = Number(
      /translate\((\d+(?:\.\d+)?),/.exec(
        wide.querySelector("g[aria-label='y-axis tick label'] text")!.getAttribute("transform")!
      )![1]
    );
    expect(ticks).toHaveLength(1);
    expect(margin).toBeGreaterThanOrEqual(Math.ceil(textWidth("300 Mio. €") + 12));
    const narrow = amounts((d) => `${d / 1e8}`).querySelector("g[aria-label='y-axis tick label'] text")!;
    expect(narrow.getAttribute("transform")).toMatch(/^translate\(40,/);
  });

  it("gives a labelled continuous x axis room below its tick labels", () => {
    const chart = plot({
      document: chartDocument(),
      x: {label: "Tage seit Übergabe →"},
      marks: [Plot.dot([{a: 1, b: 1}], {x: "a", y: "b"})]
    }) as unknown as Element;
    const label = chart.querySelector("g[aria-label='x-axis label'] text")!;
    expect(label.getAttribute("transform")).toMatch(/translate\(\d+(\.\d+)?,37\)|,\s*37/);
  });

  it("writes numbers on German pages the German way", () => {
    vi.stubGlobal("location", {search: "?lang=de"});
    vi.stubGlobal("document", chartDocument());
    const chart = plot({
      document: chartDocument(),
      marks: [Plot.dot([{a: 0, b: 12000}], {x: "a", y: "b"})]
    }) as unknown as Element;
    const ticks = [...chart.querySelectorAll("g[data-mark='y-axis tick label'] text")].map((d) => d.textContent);
    expect(ticks).toContain("12.000");
    expect(ticks.join(" ")).not.toContain("12,000");
  });

  it("names the groups of marks and axes in the page's language and keeps their type in data-mark", () => {
    vi.stubGlobal("location", {search: "?lang=de"});
    vi.stubGlobal("document", chartDocument());
    const chart = plot({
      document: chartDocument(),
      marks: [Plot.barY([{a: "x", b: 3}], {x: "a", y: "b"}), Plot.dot([{a: "x", b: 2}], {x: "a", y: "b"})]
    }) as unknown as Element;
    const groups = [...chart.querySelectorAll("g[data-mark]")];
    const named = Object.fromEntries(groups.map((d) => [d.getAttribute("data-mark"), d.getAttribute("aria-label")]));
    expect(named).toMatchObject({bar: "Balken", dot: "Punkte", "y-axis tick label": "Beschriftung der y-Achse"});
    expect(groups.every((d) => d.getAttribute("role") === "group")).toBe(true);
  });
});
