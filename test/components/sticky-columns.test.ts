// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {MAX_STICKY_COLUMNS, stickyColumns, stickyOffsets} from "../../src/components/sticky-columns.js";

/** A table as Inputs.table draws it, inside its form, with the header cells `widths` wide (jsdom lays out nothing). */
function tableOf(widths: number[]): HTMLFormElement {
  const form = document.createElement("form");
  form.innerHTML = `<table><thead><tr>${widths.map(() => "<th></th>").join("")}</tr></thead>
    <tbody><tr>${widths.map(() => "<td></td>").join("")}</tr></tbody></table>`;
  form.querySelectorAll("th").forEach((th, i) => {
    th.getBoundingClientRect = () => ({width: widths[i]}) as DOMRect;
  });
  return form;
}

describe("stickyOffsets", () => {
  it("starts each column where the ones before it end", () => {
    expect(stickyOffsets([27, 47.5, 270, 172], 3)).toEqual([0, 27, 74.5]);
  });

  it("stops at the last column", () => {
    expect(stickyOffsets([27], 3)).toEqual([0]);
  });
});

describe("stickyColumns", () => {
  it("marks the table and gives each sticky column its offset", () => {
    const form = stickyColumns(tableOf([27, 47, 270, 172]), 3);
    expect(form.classList.contains("sticky-3")).toBe(true);
    expect(["1", "2", "3"].map((i) => form.style.getPropertyValue(`--sticky-left-${i}`))).toEqual([
      "0px",
      "27px",
      "74px"
    ]);
    expect(form.style.getPropertyValue("--sticky-left-4")).toBe("");
  });

  it("keeps at most as many columns as the stylesheet has rules for, and none on request", () => {
    expect(stickyColumns(tableOf([10, 10, 10, 10, 10]), 5).className).toBe(`sticky-${MAX_STICKY_COLUMNS}`);
    const none = stickyColumns(tableOf([10, 10]), 0);
    expect(none.className).toBe("");
    expect(none.getAttribute("style")).toBeNull();
  });
});
