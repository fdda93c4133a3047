// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {labelTableInputs} from "../../src/components/label-table-inputs.js";

/** A table shaped as Inputs.table draws it: a checkbox in the header, a radio button per row, keys as tooltips. */
function table(): HTMLTableElement {
  const element = document.createElement("table");
  element.innerHTML = `<thead><tr><th><input type="checkbox"></th><th title="handoffs"><span></span>Übergaben</th></tr></thead>
    <tbody><tr><td><input type="radio"></td><td>Spring webinar</td></tr></tbody>`;
  return element;
}

describe("labelTableInputs", () => {
  it("names each row's input after its row and the header's after what it does", () => {
    const labelled = labelTableInputs(table(), (text) => `Show ${text}`);
    const inputs = [...labelled.querySelectorAll("input")].map((d) => d.getAttribute("aria-label"));
    expect(inputs).toEqual(["Select all rows", "Show Spring webinar"]);
  });

  it("gives a column heading its own text as tooltip, not the data key", () => {
    const labelled = labelTableInputs(table(), (text) => text);
    expect(labelled.querySelector("th[title]")!.getAttribute("title")).toBe("Übergaben");
  });

  it("labels rows drawn later, as the table does while scrolling", async () => {
    const labelled = labelTableInputs(table(), (text) => `Show ${text}`);
    const row = document.createElement("tr");
    row.innerHTML = `<td><input type="radio"></td><td>Trade fair</td>`;
    labelled.querySelector("tbody")!.append(row);
    await Promise.resolve(); // MutationObserver callbacks run as a microtask
    expect(row.querySelector("input")!.getAttribute("aria-label")).toBe("Show Trade fair");
  });
});
