// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {declutter} from "../../src/components/declutter.js";

/** Gives `element` a box on the page (jsdom lays nothing out). */
function place(element: Element, left: number, top: number, width: number, height: number): void {
  element.getBoundingClientRect = () => new DOMRect(left, top, width, height);
}

/** A Plot SVG 300 × 200 with one axis label and the data labels given as [left, top, width, height]. */
function chart(labels: [number, number, number, number][]): {svg: SVGSVGElement; texts: SVGTextElement[]} {
  const holder = document.createElement("figure");
  holder.innerHTML = `<svg><g data-mark="axisX"><text>Level 1</text></g><g data-mark="text">${labels
    .map(() => "<text>1</text>")
    .join("")}</g></svg>`;
  const svg = holder.querySelector("svg")!;
  place(svg, 0, 0, 300, 200);
  place(svg.querySelector("g[data-mark='axisX'] text")!, 20, 180, 40, 12);
  const texts = [...svg.querySelectorAll<SVGTextElement>("g[data-mark='text'] text")];
  texts.forEach((text, i) => place(text, ...labels[i]));
  return {svg, texts};
}

const hidden = (texts: SVGTextElement[]) => texts.map((d) => d.getAttribute("visibility") === "hidden");

describe("declutter", () => {
  it("keeps labels that overlap nothing and hides each one that runs into a label kept before it", () => {
    const {svg, texts} = chart([
      [10, 10, 30, 12],
      [30, 14, 30, 12], // overlaps the first
      [100, 10, 30, 12],
      [128, 10, 30, 12] // touches the third by 2 px
    ]);
    declutter(svg);
    expect(hidden(texts)).toEqual([false, true, false, true]);
    expect(svg.hasAttribute("data-decluttered")).toBe(true);
  });

  it("hides labels over an axis label or past the chart's edge, never for a one-pixel touch", () => {
    const {svg, texts} = chart([
      [30, 175, 20, 12], // on the axis label
      [290, 10, 30, 12], // past the right edge
      [59, 168, 20, 13] // its corner within a pixel of the axis label
    ]);
    declutter(svg);
    expect(hidden(texts)).toEqual([true, true, false]);
  });

  it("skips labels with no size, and marks a figure holding the chart as done too", () => {
    const {svg, texts} = chart([
      [10, 10, 0, 0],
      [10, 10, 30, 12]
    ]);
    const figure = svg.parentElement!;
    declutter(figure);
    expect(hidden(texts)).toEqual([false, false]);
    expect(figure.hasAttribute("data-decluttered")).toBe(true);
  });
});
