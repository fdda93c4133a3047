import {beforeAll, describe, expect, it} from "vitest";
import {decodeExtract, valueAt, type DetailedExtract, type ExtractColumn} from "../../src/lib/extract.ts";
import {handoffMonths, parseFilters, selectRows, serializeFilters} from "../../src/lib/filters.ts";
import {extractWithLeadsOf} from "../helpers/model.ts";
import {withDatabase} from "../../loaders/duckdb.ts";
import {encodeExtractFiles, type EncodedExtract} from "../../loaders/extract.ts";
import {buildHandoffModel} from "../../loaders/handoff-model.ts";
import {locateInput} from "../../loaders/input.ts";
import {handoffLadder} from "../../src/lib/ladder.ts";

describe("the per-handoff extract of the fixture", () => {
  let extract: DetailedExtract;
  // The files sort rows to store them compactly; `row(k)` is the k-th handoff by lead and sequence, as in the fixture.
  let byLead: number[];
  const row = (k: number) => byLead[k];
  const inLeadOrder = (column: ExtractColumn) =>
    byLead.map((r) => (extract.columns as unknown as Record<string, ArrayLike<number>>)[column][r]);
  beforeAll(async () => {
    ({extract, byLead} = await extractWithLeadsOf("test/fixtures/small"));
  });

  it("has one row per handoff with the loader's classification and outcome", () => {
    expect(extract.rows).toBe(10);
    expect(inLeadOrder("stage")).toEqual([1, 2, 3, 4, 5, 1, 2, 3, 2, 5]);
    expect(inLeadOrder("outcome").map((d) => extract.header.outcomes[d])).toEqual([
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
    expect(inLeadOrder("handoffSeq")).toEqual([1, 1, 1, 1, 1, 1, 1, 2, 1, 1]);
  });

  it("keeps durations in hours, sales time in quarter hours, amounts, and missing values as missing", () => {
    expect(valueAt(extract, "hoursToHandoff", row(0))).toBe(57); // 2.375 days
    expect(valueAt(extract, "daysToHandoff", row(0))).toBe(2);
    expect(valueAt(extract, "hoursToClose", row(1))).toBe(60 * 24);
    expect(valueAt(extract, "hoursToClose", row(2))).toBeNull(); // open
    expect(valueAt(extract, "salesQuarters", row(5))).toBe(2); // half an hour
    expect(valueAt(extract, "amount", row(4))).toBe(50000);
    expect(valueAt(extract, "amount", row(0))).toBeNull();
    expect(valueAt(extract, "quartersToFirstTouch", row(5))).toBe(24); // 6 hours
  });

  it("keeps the handoff day and its month", () => {
    const day = valueAt(extract, "handoffDay", row(0))!;
    expect(new Date(day * 86_400_000).toISOString().slice(0, 7)).toBe("2025-01");
    expect(valueAt(extract, "handoffMonth", row(0))).toBe((2025 - 1970) * 12);
    expect(inLeadOrder("handoffMonth").map((m) => m - (2025 - 1970) * 12)).toEqual([0, 0, 0, 0, 1, 1, 0, 1, 1, 2]);
  });

  it("codes dimensions through dictionaries and the evidence known at handoff as bits", () => {
    const campaign = (r: number) => extract.header.dictionaries.campaign[extract.columns.campaign[r]];
    expect(campaign(row(0))).toBe("Webinar Q1");
    const bits = (r: number) =>
      extract.header.evidenceTypes.filter((_, i) => (extract.columns.evidenceAtHandoff[r] & (1 << i)) !== 0);
    expect(bits(row(4))).toHaveLength(9); // L05: everything at the very instant of the handoff
    expect(bits(row(3))).toEqual([
      "icp_fit",
      "role_known",
      "need_identified",
      "requirements_defined",
      "buying_process_known"
    ]);
    expect(bits(row(8))).toEqual(["icp_fit", "role_known"]); // L08: need learned one second later does not count
    const ever = (r: number) => extract.columns.evidenceEver[r];
    expect(ever(row(8))).toBe(extract.columns.evidenceAtHandoff[row(8)] | 4);
  });

  it("sorts rows by dimension, month, evidence (most frequent first) and outcome, the order that makes them cheap to store", () => {
    const key = (r: number) =>
      [
        extract.columns.campaign[r],
        extract.columns.source[r],
        extract.columns.segment[r],
        extract.columns.companySize[r],
        extract.columns.region[r],
        extract.columns.handoffMonth[r],
        extract.header.evidence.findIndex(([mask]) => mask === extract.columns.evidenceAtHandoff[r]),
        extract.columns.outcome[r]
      ]
        .map((d) => String(d).padStart(5, "0"))
        .join(",");
    const keys = Array.from({length: extract.rows}, (_, r) => key(r));
    expect(keys).toEqual([...keys].sort());
  });
});

describe("filters", () => {
  let extract: DetailedExtract;
  let leads: string[];
  beforeAll(async () => {
    ({extract, leads} = await extractWithLeadsOf("test/fixtures/small"));
  });

  it("select the handoffs of a source, a month range, or both", () => {
    expect(handoffMonths(extract)).toEqual(["2025-01", "2025-02", "2025-03"]);
    expect(Array.from(selectRows(extract, {}))).toHaveLength(10);
    const leadsOf = (rows: Uint32Array) => Array.from(rows, (r) => leads[r]).sort();
    expect(leadsOf(selectRows(extract, {source: "Events"}))).toEqual(["L01", "L02", "L07", "L07"]);
    expect(leadsOf(selectRows(extract, {from: "2025-02", to: "2025-02"}))).toEqual(["L05", "L06", "L07", "L08"]);
    expect(leadsOf(selectRows(extract, {from: "2025-02", source: "Partner"}))).toEqual(["L05", "L10"]);
  });

  it("round-trip through the URL, ignoring values the data does not have", () => {
    const query = serializeFilters({source: "Paid search", from: "2025-02"}, {minN: 10});
    expect(query).toBe("?from=2025-02&source=Paid+search&minN=10");
    expect(parseFilters(query, extract)).toEqual({from: "2025-02", source: "Paid search"});
    expect(parseFilters("?source=Nowhere&from=1999-01&size=1000%2B", extract)).toEqual({companySize: "1000+"});
    expect(serializeFilters({})).toBe("");
  });
});

describe("the two extract files", () => {
  let files: EncodedExtract;
  beforeAll(async () => {
    files = await withDatabase(async (db) => {
      const summary = await buildHandoffModel(db, locateInput("data/sample"), handoffLadder);
      return encodeExtractFiles(db, summary.dataEnd);
    });
  });

  it("decode handoffs.bin alone to the same columns as with its details", () => {
    const core = decodeExtract(files.handoffs);
    const both = decodeExtract(files.handoffs, files.details);
    expect(core.rows).toBe(both.rows);
    for (const name of Object.keys(core.columns) as (keyof typeof core.columns)[]) {
      expect(Array.from(core.columns[name]), name).toEqual(Array.from(both.columns[name]));
    }
    expect("hoursToClose" in core.columns).toBe(false);
    expect(both.header.dictionaries.reason).toContain("");
  });

  it("keep the sample's handoffs near the budget of 3 MB per million", () => {
    // The budget is stated for a million handoffs and measured there by `npm run bench`; the sample is 70 times
    // smaller, so its fixed header and tables weigh more per handoff. This guards against a regression.
    expect(files.handoffs.length / files.order.length).toBeLessThan(3.6);
  });

  it("refuse details from another build, and files of the wrong kind", async () => {
    const other = await withDatabase(async (db) => {
      const summary = await buildHandoffModel(db, locateInput("test/fixtures/small"), handoffLadder);
      return encodeExtractFiles(db, summary.dataEnd);
    });
    expect(() => decodeExtract(files.handoffs, other.details)).toThrow(/another build/);
    expect(() => decodeExtract(files.details)).toThrow(/expected handoffs version 2, got details/);
  });
});
