import {describe, expect, it} from "vitest";
import {rejectReasons} from "../../../loaders/pipeline/reject-reasons.js";
import {withDatabase} from "../../../loaders/pipeline/duckdb.js";

describe("rejectReasons", () => {
  it("groups rejected rows by file, field and reason with their count and examples, lead IDs pseudonymised", async () => {
    const reasons = await withDatabase(async (db) => {
      await db.run(`CREATE TABLE rejects (file VARCHAR, row BIGINT, field VARCHAR, reason VARCHAR, value VARCHAR);
        INSERT INTO rejects VALUES
          ('leads.csv', 3, 'lead_id', 'duplicate lead_id', 'L0042'),
          ('leads.csv', 9, 'lead_id', 'duplicate lead_id', 'L0043'),
          ('events.csv', 5, 'at', 'unparseable date', '31.02.2025');`);
      return rejectReasons(db, "rejects");
    });
    const duplicates = reasons.find((d) => d.reason === "duplicate lead_id")!;
    expect(duplicates).toMatchObject({file: "leads.csv", field: "lead_id", count: 2});
    expect(duplicates.examples.map((d) => d.row)).toEqual([3, 9]);
    for (const {value} of duplicates.examples) expect(value).toMatch(/^P-[0-9a-f]{20}$/);
    const dates = reasons.find((d) => d.reason === "unparseable date")!;
    expect(dates).toMatchObject({count: 1, examples: [{row: 5, value: "31.02.2025"}]});
  });
});
