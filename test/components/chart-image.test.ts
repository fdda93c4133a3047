// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {chartImage} from "../../src/components/chart-image.js";

const context = {period: "2024-01 – 2025-12", n: "14 handoffs"};

/** A card as the pages lay one out: title, subtitle, and a Plot figure with a legend, a tip and a hidden label. */
function card(title: string, subtitle: string, legend: string): HTMLElement {
  const element = document.createElement("div");
  element.innerHTML = `<h2></h2><h3></h3><figure>
    <div class="plot-1a2b-swatches"><span class="plot-1a2b-swatch"><svg><rect fill="#2f9e6e"></rect></svg></span></div>
    <svg class="plot-1a2b" width="300" height="200" xmlns="http://www.w3.org/2000/svg">
      <g data-mark="text"><text>12</text><text visibility="hidden">13</text></g>
      <g data-mark="tip"><text>tip</text></g>
    </svg></figure>`;
  element.querySelector("h2")!.textContent = title;
  element.querySelector("h3")!.textContent = subtitle;
  element.querySelector(".plot-1a2b-swatch")!.append(legend);
  return element;
}

/** The image's document, parsed as the XML a file viewer reads. */
function parsed(svg: string): Document {
  const document = new DOMParser().parseFromString(svg, "image/svg+xml");
  expect(document.querySelector("parsererror")).toBeNull();
  return document;
}

describe("chartImage", () => {
  it("is null for a card without a Plot chart", () => {
    const element = document.createElement("div");
    element.innerHTML = "<h2>Nothing drawn</h2><p>too few handoffs</p>";
    expect(chartImage(element, context)).toBeNull();
  });

  it("writes text from the data as text: a campaign named like markup stays its name", () => {
    const hostile = `<script>alert("x")</script> & 'Q1'`;
    const image = chartImage(card(hostile, "Win rate by level", `Spring <b>"VIP"</b>`), context)!;
    expect(image.svg).not.toContain("<script>");
    expect(image.svg).not.toContain("<b>");
    const texts = [...parsed(image.svg).querySelectorAll("svg > text")].map((d) => d.textContent);
    expect(texts[0]).toBe(hostile);
    expect(texts).toContain(`Spring <b>"VIP"</b>`);
    expect(parsed(image.svg).querySelector("script")).toBeNull();
  });

  it("keeps the chart, its colours and its footer, and leaves out tips and labels hidden for overlapping", () => {
    const image = chartImage(card("Handoffs per level", "", "Won"), context)!;
    const document = parsed(image.svg);
    expect(image.width).toBe(300 + 2 * 16);
    const chart = document.querySelector("svg > svg")!;
    expect([...chart.querySelectorAll("text")].map((d) => d.textContent)).toEqual(["12"]);
    expect(document.querySelector("rect[fill='#2f9e6e']")).not.toBeNull();
    const texts = [...document.querySelectorAll("svg > text")].map((d) => d.textContent);
    expect(texts.at(-1)).toBe("2024-01 – 2025-12 · 14 handoffs · Leadstage");
    // The footer sits below the chart: its top, the chart's 200 px, and the footer's line.
    expect(image.height).toBeGreaterThan(200 + Number(chart.getAttribute("y")));
  });

  it("wraps a long subtitle into lines of about the chart's width, losing no word", () => {
    const words = Array.from({length: 40}, (_, i) => `word${i}`);
    const image = chartImage(card("Title", words.join(" "), "Won"), context)!;
    const lines = [...parsed(image.svg).querySelectorAll("svg > text[font-size='13']")].map((d) => d.textContent!);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(Math.floor(300 / 7));
    expect(lines.join(" ")).toBe(words.join(" "));
  });
});
