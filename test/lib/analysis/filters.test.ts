import {beforeAll, describe, expect, it} from "vitest";
import type {DetailedExtract} from "../../../src/lib/core/extract.js";
import {handoffMonths, parseFilters, selectRows, serializeFilters} from "../../../src/lib/analysis/filters.js";
import {extractWithLeadsOf} from "../../helpers/model.js";

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
