import {describe, expect, it} from "vitest";
import {explainReadError} from "../../../loaders/pipeline/read-errors.js";

// DuckDB 1.5's messages as its readers give them (the JSON Lines and CSV tests check them end to end).
const csvRagged = `Invalid Input Error: CSV Error on Line: 4
Original Line: Erika,erika@example.com,x
Expected Number of Columns: 3 Found: 4
Possible fixes:
* Enable null padding (null_padding=true) to ignore missing columns`;

describe("explainReadError", () => {
  it("keeps what is wrong and the line of a CSV error, never the echoed line", () => {
    const text = explainReadError(csvRagged);
    expect(text).toBe("rows have different numbers of fields (line 4) (a ragged file, or the wrong delimiter)");
    expect(text).not.toContain("erika");
  });

  it("reads what is wrong from DuckDB's own words, not from the echoed line or the file's path", () => {
    const message = `Invalid Input Error: CSV Error on Line: 3
Original Line: L7,2025-01-01,Unicode summit (UTF-8 encoding workshop)
Expected Number of Columns: 4 Found: 3
Possible fixes:
* Enable null padding (null_padding=true) to replace missing values with NULL

  file = /exports/encoding-fixed/leads.csv
  delimiter = , (Set By User)`;
    expect(explainReadError(message)).toBe(
      "rows have different numbers of fields (line 3) (a ragged file, or the wrong delimiter)"
    );
  });

  it("counts a malformed JSON line as the file does: DuckDB says one more", () => {
    const message = `Invalid Input Error: Malformed JSON in file "/data/leads.jsonl", at byte 2 in line 5: unexpected character. `;
    expect(explainReadError(message)).toBe(
      "line 4 is not valid JSON (unexpected character): JSON Lines holds one object per line"
    );
  });

  it("names a JSON line that is not an object, without its value", () => {
    const message = `Invalid Input Error: JSON transform error in file "/data/leads.jsonl", in line 3: Expected OBJECT, but got ARRAY: ["erika@example.com"]`;
    expect(explainReadError(message)).toBe(
      "line 3 is an array, not a JSON object: JSON Lines holds one object per line"
    );
  });

  it("names a key given twice, without the object", () => {
    const message = `Invalid Input Error: JSON transform error in file "/data/leads.jsonl", in line 2: Object {"lead_id":"C","lead_id":"erika@example.com"} has duplicate key "lead_id"`;
    expect(explainReadError(message)).toBe('line 2 names the key "lead_id" twice');
  });

  it("says what to do with a byte-order mark in JSON Lines", () => {
    const message = `Invalid Input Error: Malformed JSON in file "/data/leads.jsonl", at byte 1 in line 2: byte order mark (BOM) is not supported.`;
    expect(explainReadError(message)).toMatch(/^starts with a byte-order mark, .*save it as UTF-8 without one$/);
  });
});
