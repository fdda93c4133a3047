import {beforeAll, describe, expect, it} from "vitest";
import {decodeExtract, valueAt, type Extract} from "../../src/lib/extract.ts";
import {handoffMonths, parseFilters, selectRows, serializeFilters} from "../../src/lib/filters.ts";
import {extractOf} from "../helpers/model.ts";

describe("the per-handoff extract of the fixture", () => {
  let extract: Extract;
  beforeAll(async () => {
    extract = await extractOf("test/fixtures/small");
  });

  it("has one row per handoff with the loader's classification and outcome", () => {
    expect(extract.rows).toBe(10);
    expect(Array.from(extract.columns.stage)).toEqual([1, 2, 3, 4, 5, 1, 2, 3, 2, 5]);
    expect(Array.from(extract.columns.outcome, (d) => extract.header.outcomes[d])).toEqual([
      "lost",
      "won",
      "open",
      "won",
      "won",
      "rejected",
      "recycled",
      "won",
      "lost",
      "open"
    ]);
    expect(Array.from(extract.columns.handoffSeq)).toEqual([1, 1, 1, 1, 1, 1, 1, 2, 1, 1]);
  });

  it("keeps durations in hours, sales time in quarter hours, amounts, and missing values as missing", () => {
    expect(valueAt(extract, "hoursToHandoff", 0)).toBe(57); // 2.375 days
    expect(valueAt(extract, "hoursToClose", 1)).toBe(60 * 24);
    expect(valueAt(extract, "hoursToClose", 2)).toBeNull(); // open
    expect(valueAt(extract, "salesQuarters", 5)).toBe(2); // half an hour
    expect(valueAt(extract, "amount", 4)).toBe(50000);
    expect(valueAt(extract, "amount", 0)).toBeNull();
    expect(valueAt(extract, "quartersToFirstTouch", 5)).toBe(24); // 6 hours
  });

  it("codes dimensions through dictionaries and the evidence known at handoff as bits", () => {
    const campaign = (row: number) => extract.header.dictionaries.campaign[extract.columns.campaign[row]];
    expect(campaign(0)).toBe("Webinar Q1");
    const bits = (row: number) =>
      extract.header.evidenceTypes.filter((_, i) => (extract.columns.evidenceAtHandoff[row] & (1 << i)) !== 0);
    expect(bits(4)).toHaveLength(9); // L05: everything at the very instant of the handoff
    expect(bits(3)).toEqual([
      "icp_fit",
      "role_known",
      "need_identified",
      "requirements_defined",
      "buying_process_known"
    ]);
    expect(bits(8)).toEqual(["icp_fit", "role_known"]); // L08: need learned one second later does not count
    const ever = (row: number) => extract.columns.evidenceEver[row];
    expect(ever(8)).toBe(extract.columns.evidenceAtHandoff[8] | 4);
  });

  it("survives a round trip through bytes", () => {
    const copy = decodeExtract(extract.columns.stage.buffer as ArrayBuffer);
    expect(Array.from(copy.columns.outcome)).toEqual(Array.from(extract.columns.outcome));
  });
});

describe("filters", () => {
  let extract: Extract;
  beforeAll(async () => {
    extract = await extractOf("test/fixtures/small");
  });

  it("select the handoffs of a source, a month range, or both", () => {
    expect(handoffMonths(extract)).toEqual(["2025-01", "2025-02", "2025-03"]);
    expect(Array.from(selectRows(extract, {}))).toHaveLength(10);
    expect(Array.from(selectRows(extract, {source: "Events"}))).toEqual([0, 1, 6, 7]);
    expect(Array.from(selectRows(extract, {from: "2025-02", to: "2025-02"}))).toEqual([4, 5, 7, 8]);
    expect(Array.from(selectRows(extract, {from: "2025-02", source: "Partner"}))).toEqual([4, 9]);
  });

  it("round-trip through the URL, ignoring values the data does not have", () => {
    const query = serializeFilters({source: "Paid search", from: "2025-02"}, {minN: 10});
    expect(query).toBe("?from=2025-02&source=Paid+search&minN=10");
    expect(parseFilters(query, extract)).toEqual({from: "2025-02", source: "Paid search"});
    expect(parseFilters("?source=Nowhere&from=1999-01&size=1000%2B", extract)).toEqual({companySize: "1000+"});
    expect(serializeFilters({})).toBe("");
  });
});
