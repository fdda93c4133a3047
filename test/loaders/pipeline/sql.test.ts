import {describe, expect, it} from "vitest";
import {namedSql, sqlList} from "../../../loaders/pipeline/sql.js";

describe("namedSql", () => {
  it("fills every placeholder of a named query", () => {
    const sql = namedSql("contradictions", {terminal_types: sqlList(["won", "lost"])});
    expect(sql).toContain("['won', 'lost']");
    expect(sql).not.toMatch(/\{\{\w+\}\}/);
  });

  it("refuses a missing value and one the query does not use, naming the file", () => {
    expect(() => namedSql("contradictions")).toThrow("sql/contradictions.sql: no value for {{terminal_types}}");
    expect(() => namedSql("data-end", {extra: "1"})).toThrow("sql/data-end.sql: value extra is not used");
  });
});

describe("sqlList", () => {
  it("quotes each string and doubles quotes inside", () => {
    expect(sqlList(["a", "it's"])).toBe("['a', 'it''s']");
    expect(sqlList([])).toBe("[]");
  });
});
