import {beforeAll, describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {dimensions, extractDimensions} from "../../../src/lib/core/dimensions.js";
import type {DetailedExtract} from "../../../src/lib/core/extract.js";
import {
  asksForFilters,
  dimensionName,
  handoffMonths,
  monthSpan,
  parseFilters,
  rowsByMonth,
  selectRows,
  serializeFilters
} from "../../../src/lib/analysis/filters.js";
import {loadProfile, resolvePaths, runImport} from "../../../loaders/import/importer.js";
import {extractOf, extractWithLeadsOf, temporaryDirectory} from "../../helpers/model.js";

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

describe("filters on the data's own dimensions", () => {
  let extract: DetailedExtract;
  // Counted from test/fixtures/exports/crm-pipeline-accounts/sales_pipeline.csv: handoffs per product.
  let perProduct: Map<string, number>;
  beforeAll(async () => {
    const out = temporaryDirectory("own-dimensions-");
    const profile = loadProfile("test/fixtures/exports/crm-pipeline-accounts/profile.json");
    await runImport({profile, paths: resolvePaths(profile, []), out});
    extract = await extractOf(out);
    const rows = readFileSync("test/fixtures/exports/crm-pipeline-accounts/sales_pipeline.csv", "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((d) => d.split(","))
      .filter((d) => d[5] !== ""); // engaged, so handed off
    perProduct = new Map();
    for (const d of rows) perProduct.set(d[2], (perProduct.get(d[2]) ?? 0) + 1);
  });

  it("lists them after the built-in ones, named by their labels in the language in force", () => {
    expect(extractDimensions(extract)).toEqual([...dimensions, "dim_product", "dim_agent", "dim_manager"]);
    expect(dimensionName(extract, "dim_manager")).toBe("Sales manager");
    expect(dimensionName(extract, "companySize")).toBe("Company size");
    expect(extract.header.dictionaries.dim_product).toEqual([...perProduct.keys()].sort());
  });

  it("filter rows, and travel in the URL under their column name", () => {
    for (const [product, n] of perProduct) {
      expect(selectRows(extract, {dim_product: product}), product).toHaveLength(n);
    }
    const query = serializeFilters({dim_product: "GTX Pro", region: "East"});
    expect(query).toBe("?region=East&dim_product=GTX+Pro");
    expect(parseFilters(query, extract)).toEqual({region: "East", dim_product: "GTX Pro"});
    expect(parseFilters("?dim_product=Nonexistent", extract)).toEqual({});
  });
});

describe("rowsByMonth", () => {
  it("groups rows by the UTC month of their handoff day, months in order, rows in the order given", async () => {
    const {extract} = await extractWithLeadsOf("test/fixtures/small");
    const rows = Array.from(selectRows(extract, {})).reverse();
    const groups = rowsByMonth(extract, rows);
    expect([...groups.keys()]).toEqual(["2025-01", "2025-02", "2025-03"]);
    expect([...groups.values()].flat().sort()).toEqual([...rows].sort());
    for (const [month, group] of groups) {
      const days = group.map((row) => new Date(extract.columns.handoffDay[row] * 86_400_000).toISOString().slice(0, 7));
      expect(new Set(days)).toEqual(new Set([month]));
      expect(group).toEqual(rows.filter((row) => group.includes(row)));
    }
  });
});

describe("monthSpan", () => {
  it("says a span of months with a dash and one month alone once", () => {
    expect(monthSpan("2025-01", "2025-03")).toBe("2025-01 – 2025-03");
    expect(monthSpan("2025-01", "2025-01")).toBe("2025-01");
  });
});

describe("asksForFilters", () => {
  it("sees a filter parameter, built-in or of the data's own dimensions, and nothing else", () => {
    expect(asksForFilters("")).toBe(false);
    expect(asksForFilters("?rate=150&lang=de")).toBe(false);
    expect(asksForFilters("?from=2025-01")).toBe(true);
    expect(asksForFilters("?size=SMB")).toBe(true);
    expect(asksForFilters("?dim_product=X&rate=1")).toBe(true);
  });
});
