import {describe, expect, it} from "vitest";
import {sqlString, withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {numberSql, type DecimalSeparator} from "../../../loaders/import/number-format.js";
import {validateProfile} from "../../../loaders/import/profile.js";
import {profileModel} from "../../helpers/profile-model.js";

/** Each text read as a number by DuckDB through numberSql. */
async function read(texts: string[], separator?: DecimalSeparator, currency?: string): Promise<(number | null)[]> {
  const values = texts.map((d) => `(${sqlString(d)})`).join(", ");
  const rows = await withDatabase((db) =>
    db.all<{n: number | null}>(`SELECT ${numberSql("v", separator, currency)} AS n FROM (VALUES ${values}) t(v)`)
  );
  return rows.map((d) => d.n);
}

describe("numberSql", () => {
  it("reads a decimal comma with groups of three after a point, a space or a no-break space", async () => {
    const texts = [
      "24.000,50",
      "1 234,5",
      "1\u00a0234,5",
      "1\u202f234,5",
      "1.234.567,89",
      "1234",
      "0,5",
      "-3,5",
      " 7 "
    ];
    expect(await read(texts, ",")).toEqual([24000.5, 1234.5, 1234.5, 1234.5, 1234567.89, 1234, 0.5, -3.5, 7]);
  });

  it("never guesses: a point without groups of three, mixed or misplaced separators are no number", async () => {
    const texts = ["1.5", "12.34", "1,234.56", "1.23.456", "1.2345,6", ",5", "1,", "1e3", "", "abc"];
    expect(await read(texts, ",")).toEqual(texts.map(() => null));
  });

  it("reads numbers as DuckDB does where the profile names no separator, grouping none", async () => {
    const texts = ["1000.50", "1e3", " 250 ", "1,5", "1,000", "24.000,50", "€1000"];
    expect(await read(texts)).toEqual([1000.5, 1000, 250, null, null, null, null]);
  });

  it("reads a decimal point with groups of commas, spaces or apostrophes where the profile says '.'", async () => {
    const texts = ["1,234.56", "1 234.5", "1'234.5", "1234.56", "-1,000", "1.5", "1,5", "1,23,456.00", "1e3"];
    expect(await read(texts, ".")).toEqual([1234.56, 1234.5, 1234.5, 1234.56, -1000, 1.5, null, null, null]);
  });

  it("takes the profile's currency sign or code before or after the number, and no other", async () => {
    const dollars = ["$1,234.56", "US$ 1,234.56", "1,234.56 USD", "€1,234.56"];
    expect(await read(dollars, ".", "USD")).toEqual([1234.56, 1234.56, 1234.56, null]);
    const euros = ["€ 1.234,56", "1.234,56 €", "1.234,56 EUR", "$1.234,56"];
    expect(await read(euros, ",", "EUR")).toEqual([1234.56, 1234.56, 1234.56, null]);
  });
});

describe('an export with decimal commas (decimalSeparator: ",")', () => {
  const profile = validateProfile({
    name: "german-deals",
    description: "Deals from a German spreadsheet: days since identification and amounts with decimal commas.",
    times: "durations",
    decimalSeparator: ",",
    files: {deals: {}},
    leads: {file: "deals", fields: {lead_id: "Nr"}},
    events: [
      {
        shape: "wide",
        file: "deals",
        leadId: "Nr",
        milestones: [
          {column: "Tage bis Übergabe", type: "handed_off"},
          {column: "Tage bis Abschluss", type: "won", value: "Betrag"}
        ]
      }
    ]
  });
  const deals = [
    "Nr;Tage bis Übergabe;Tage bis Abschluss;Betrag",
    "d1;3,5;10;24.000,50",
    "d2;1;4;1.5",
    "d3;2,25;5;900"
  ];

  it("adds the durations and reads the amounts, and rejects an amount written with a point", async () => {
    const result = await profileModel(profile, {deals}, async (db, summary) => ({
      summary,
      handoffs: await db.all<{lead_id: string; handoff: string; amount: number | null}>(
        `SELECT lead_id, strftime(handoff_at, '%Y-%m-%d %H:%M') AS handoff, amount FROM handoffs ORDER BY lead_id`
      ),
      rejects: await db.all<{row: number; field: string; reason: string}>("SELECT row, field, reason FROM rejects")
    }));
    expect(result.handoffs).toEqual([
      {lead_id: "d1", handoff: "2000-01-04 12:00", amount: 24000.5},
      {lead_id: "d2", handoff: "2000-01-02 00:00", amount: null},
      {lead_id: "d3", handoff: "2000-01-03 06:00", amount: 900}
    ]);
    expect(result.rejects).toEqual([{row: 2, field: "Betrag", reason: "amount is not a number"}]);
  });

  it("is a key the profile schema knows, with no other value than '.' or ','", () => {
    expect(() => validateProfile({...profile, decimalSeparator: ";"}, "crm")).toThrow("decimalSeparator");
  });
});
