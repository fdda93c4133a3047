import {describe, expect, it} from "vitest";
import {withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {namedSql, sqlList, trimSql} from "../../../loaders/pipeline/sql.js";

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

describe("trimSql", () => {
  it("gives what trim gives for every kind of edge: ASCII and Unicode spaces, tabs, non-ASCII text, empty, NULL", async () => {
    const spaces = [" ", "\u00a0", "\u1680", "\u2000", "\u2009", "\u200a", "\u202f", "\u205f", "\u3000"];
    const cores = ["L-17", "Müller", "a b", "\t x\t", "日本", "", "x\u200b"];
    const values = cores.flatMap((core) => [core, ...spaces.flatMap((s) => [s + core, core + s, s + core + s])]);
    const rows = await withDatabase((db) =>
      db.all(`SELECT v, trim(v) AS expected, ${trimSql("v")} AS actual FROM unnest(${sqlList(values)} || [NULL]) t(v)`)
    );
    expect(rows).toHaveLength(values.length + 1);
    expect(rows.filter((r) => r.expected !== r.actual)).toEqual([]);
    // The cases are not all alike: some values change under trim, some do not.
    expect(rows.some((r) => r.v !== r.expected)).toBe(true);
    expect(rows.some((r) => r.v !== null && r.v === r.expected)).toBe(true);
  });
});
