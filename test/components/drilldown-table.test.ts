// @vitest-environment jsdom
import {afterEach, describe, expect, it, vi} from "vitest";
import {drilldown, shownRows} from "../../src/components/drilldown-table.js";
import {handoffRecords, recordsToCsv} from "../../src/lib/analysis/drilldown.js";
import type {DetailedExtract} from "../../src/lib/core/extract.js";
import {handoffOutcomes} from "../../src/lib/core/model.js";

/**
 * Three handoffs with the columns the list reads (the pipeline cannot run in jsdom; test/lib/analysis/drilldown.test.ts
 * checks the records against the model): won after 2.5 days, lost for "no budget", open.
 */
function extractOf(campaigns = ["Spring", "Webinar"]): DetailedExtract {
  const columns = {
    handoffDay: new Int32Array([20_000, 20_001, 20_002]),
    stage: new Uint8Array([3, 1, 5]),
    outcome: new Uint8Array(["won", "lost", "open"].map((d) => handoffOutcomes.indexOf(d as never))),
    campaign: new Uint32Array([0, 1, 1]),
    source: new Uint32Array([0, 0, 0]),
    segment: new Uint32Array([0, 0, 0]),
    companySize: new Uint32Array([0, 0, 0]),
    region: new Uint32Array([0, 0, 0]),
    hoursToHandoff: new Float64Array([1, 30, 200]),
    hoursToClose: new Float64Array([60, 24, NaN]),
    salesHours: new Float64Array([4, 1.5, 0]),
    amount: new Float64Array([12_000, NaN, NaN]),
    reason: new Uint32Array([0, 1, 0])
  };
  const dictionaries = {
    campaign: campaigns,
    source: ["Web"],
    segment: ["SMB"],
    companySize: ["10-49"],
    region: ["DACH"],
    reason: ["", "no budget"]
  };
  return {rows: 3, columns, header: {outcomes: [...handoffOutcomes], dictionaries}} as unknown as DetailedExtract;
}
const extract = extractOf();

/** The CSV files the table offered, as jsdom has no object URLs: each Blob handed to createObjectURL. */
function capturedDownloads(): Blob[] {
  const blobs: Blob[] = [];
  URL.createObjectURL = vi.fn((blob: Blob) => (blobs.push(blob), `blob:test/${blobs.length}`));
  return blobs;
}

afterEach(() => vi.restoreAllMocks());

describe("drilldown", () => {
  it("shows the first rows, says how many there are, and offers all of them as CSV", async () => {
    const blobs = capturedDownloads();
    // More rows than the table shows: the same handoffs again and again.
    const rows = Array.from({length: shownRows + 20}, (_, i) => i % extract.rows);
    const ids = Array.from({length: extract.rows}, (_, i) => `P-${i}`);
    const element = drilldown(extract, rows, ids, {title: "Won at level 3", fileName: "won.csv"});
    expect(element.querySelectorAll("tbody tr")).toHaveLength(shownRows);
    const said = element.querySelector("p")!.textContent!.replace(/\s+/g, " ").trim();
    expect(said).toBe("Won at level 3: 120 handoffs, the first 100 shown. Download all as CSV");
    const link = element.querySelector("a[download]")!;
    expect(link.getAttribute("download")).toBe("won.csv");
    expect(link.getAttribute("href")).toBe("blob:test/1");
    expect(await blobs[0].text()).toBe(recordsToCsv(handoffRecords(extract, rows, ids)));
    expect(element.querySelectorAll("thead th")).toHaveLength(10);
    const cells = [...element.querySelectorAll("tbody tr")]
      .slice(0, 3)
      .map((tr) => [...tr.children].map((td) => td.textContent));
    expect(cells).toEqual([
      ["P-0", "2024-10-04", "3", "won", "Spring", "Web", "2.5", "4.00", "12,000", ""],
      ["P-1", "2024-10-05", "1", "lost", "Webinar", "Web", "1.0", "1.50", "–", "no budget"],
      ["P-2", "2024-10-06", "5", "open", "Webinar", "Web", "–", "0.00", "–", ""]
    ]);
  });

  it("renders names from the data as text, never as markup", () => {
    capturedDownloads();
    const hostile = `<img src=x onerror="alert(1)">`;
    const element = drilldown(extractOf([hostile, hostile]), [0, 1], [], {title: `<b>${hostile}</b>`});
    expect(element.querySelector("img, b")).toBeNull();
    expect(element.querySelector("tbody tr td:nth-child(5)")!.textContent).toBe(hostile);
    expect(element.querySelector("strong")!.textContent).toBe(`<b>${hostile}</b>`);
    expect(element.querySelector("[role='region']")!.getAttribute("aria-label")).toBe(`<b>${hostile}</b>`);
    expect(element.querySelector("p")!.textContent).not.toContain("shown");
  });
});
