import {describe, expect, it} from "vitest";
import {withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {emptyEvents, sectionRows} from "../../../loaders/import/event-sql.js";

const section = (file: string) => ({
  file,
  leadColumn: "id",
  atColumn: "date",
  atFormats: "'ISO 8601'",
  typeColumn: "stage",
  valueColumn: "amount"
});

describe("event-sql", () => {
  it("numbers the sections from 0 and ranks their files as the names sort", async () => {
    const rows = await withDatabase((db) =>
      db.all(
        `SELECT section, file, file_rank FROM (${sectionRows([section("b.csv"), section("a.csv"), section("b.csv")])})`
      )
    );
    expect(rows).toEqual([
      {section: 0, file: "b.csv", file_rank: 2},
      {section: 1, file: "a.csv", file_rank: 1},
      {section: 2, file: "b.csv", file_rank: 2}
    ]);
  });

  it("gives a profile without sections empty tables of the same shape", async () => {
    const [sections, events] = await withDatabase(async (db) => [
      await db.all(`DESCRIBE ${sectionRows([])}`),
      await db.all(`SELECT count(*) AS n FROM (${emptyEvents}) WHERE FALSE`)
    ]);
    expect(sections.map((d) => d.column_name)).toEqual([
      "section",
      "file",
      "lead_column",
      "at_column",
      "at_formats",
      "type_column",
      "value_column",
      "file_rank"
    ]);
    expect(events).toEqual([{n: 0}]);
  });
});
