import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {Database} from "../../../loaders/pipeline/duckdb.js";
import {
  checkDateFormat,
  localToUtcSql,
  parseDateSql,
  strptimePattern,
  typedDateSql,
  utcOffsets
} from "../../../loaders/pipeline/date-formats.js";

describe("parseDateSql", () => {
  let db: Database;
  beforeAll(async () => {
    db = await Database.open();
  });
  afterAll(() => db.close());
  const parse = async (text: string | null, formats: string[], zone?: string) =>
    (await db.one<{t: string | null}>(`SELECT ${parseDateSql("$1::VARCHAR", formats, zone)} AS t`, [text])).t;

  it.each([
    ["2025-03-31", "2025-03-31T00:00:00.000Z"],
    ["2025-03-31 14:05", "2025-03-31T14:05:00.000Z"],
    ["2025-03-31T14:05:00Z", "2025-03-31T14:05:00.000Z"],
    ["2025-03-31T14:05Z", "2025-03-31T14:05:00.000Z"],
    ["2025-03-31T14:05:00+02:00", "2025-03-31T12:05:00.000Z"],
    ["2025-03-31T14:05:00-0500", "2025-03-31T19:05:00.000Z"]
  ])("reads ISO 8601 %s", async (text, expected) => {
    expect(await parse(text, ["ISO 8601"])).toBe(expected);
  });

  // BigQuery writes "… UTC": DuckDB's cast read it and dropped the zone, and the profile's zone then moved it an hour.
  it.each([
    ["2025-01-15 10:32:00 UTC", "2025-01-15T10:32:00.000Z"],
    ["2025-01-15 10:32 GMT", "2025-01-15T10:32:00.000Z"],
    ["2025-07-15 10:32:00 utc", "2025-07-15T10:32:00.000Z"],
    ["2025-01-15 10:32:00", "2025-01-15T09:32:00.000Z"],
    ["2025-01-15 10:32:00 CET", null]
  ])("reads %s in a Berlin export as %j", async (text, expected) => {
    expect(await parse(text, ["ISO 8601"], "Europe/Berlin")).toBe(expected);
  });

  it.each([
    ["2025-3-31", "2025-03-31T00:00:00.000Z"],
    ["2098-12-31 23:59:59", "2098-12-31T23:59:59.000Z"],
    ["2099-12-31", "2099-12-31T00:00:00.000Z"],
    ["1900-01-01", "1900-01-01T00:00:00.000Z"],
    ["1899-12-31", null],
    ["0999-01-01", null],
    ["2100-01-01", null],
    ["20250-01-01", null],
    ["é025-03-31", null],
    ["2025-03-3é", null],
    ["2025–03–31", null]
  ])("reads ISO 8601 %s at the edges of its shape and range as %j", async (text, expected) => {
    expect(await parse(text, ["ISO 8601"])).toBe(expected);
  });

  it.each([
    ["31-03-2025", ["DD-MM-YYYY"], "2025-03-31T00:00:00.000Z"],
    ["31.03.2025 14:05", ["DD.MM.YYYY HH:mm"], "2025-03-31T14:05:00.000Z"],
    ["03/31/2025", ["MM/DD/YYYY"], "2025-03-31T00:00:00.000Z"],
    ["03/31/2025 14:05:09", ["MM/DD/YYYY HH:mm:ss", "MM/DD/YYYY"], "2025-03-31T14:05:09.000Z"],
    ["03/31/2025", ["MM/DD/YYYY HH:mm:ss", "MM/DD/YYYY"], "2025-03-31T00:00:00.000Z"],
    ["1743429900", ["epoch s"], "2025-03-31T14:05:00.000Z"],
    ["1743429900000", ["epoch ms"], "2025-03-31T14:05:00.000Z"],
    ["45678.5", ["Excel serial"], "2025-01-21T12:00:00.000Z"],
    ["45747.587", ["Excel serial"], "2025-03-31T14:05:16.800Z"],
    ["61", ["Excel serial"], "1900-03-01T00:00:00.000Z"],
    ["45678,5", ["Excel serial"], null],
    // Numbers too large for microseconds stopped the import with DuckDB's conversion error.
    ["99999999999999999999", ["epoch s"], null],
    ["99999999999999999999", ["epoch ms"], null],
    ["99999999999999999999", ["Excel serial"], null]
  ])("reads %s as %j", async (text, formats, expected) => {
    expect(await parse(text, formats)).toBe(expected);
  });

  // A US spreadsheet's 12-hour clock and month names, which no format could name before.
  const us = ["MM/DD/YYYY hh:mm A", "MMM DD, YYYY", "DD MMMM YYYY"];
  it.each([
    ["1/15/2025 10:32 PM", "2025-01-15T22:32:00.000Z"],
    ["01/15/2025 12:30 AM", "2025-01-15T00:30:00.000Z"],
    ["01/15/2025 12:30 pm", "2025-01-15T12:30:00.000Z"],
    ["Feb 5, 2025", "2025-02-05T00:00:00.000Z"],
    ["feb 05, 2025", "2025-02-05T00:00:00.000Z"],
    ["5 February 2025", "2025-02-05T00:00:00.000Z"],
    ["01/15/2025 13:30 PM", null],
    ["5 Februar 2025", "2025-02-05T00:00:00.000Z"],
    ["5 Febroot 2025", null],
    ["infinity", null],
    ["Epoch", null],
    ["Feb 30, 2025", null]
  ])("reads %s with a 12-hour clock or a month name as %j", async (text, expected) => {
    expect(await parse(text, us)).toBe(expected);
  });

  // A German spreadsheet's long dates: month names and abbreviations, a period after some of them.
  const german = ["DD. MMMM YYYY", "DD. MMM. YYYY", "DD.MMM.YYYY"];
  it.each([
    ["15. Januar 2025", "2025-01-15T00:00:00.000Z"],
    ["3. März 2025", "2025-03-03T00:00:00.000Z"],
    ["3. Maerz 2025", "2025-03-03T00:00:00.000Z"],
    ["1. Mai 2025", "2025-05-01T00:00:00.000Z"],
    ["30. juni 2025", "2025-06-30T00:00:00.000Z"],
    ["31. Oktober 2025", "2025-10-31T00:00:00.000Z"],
    ["24. Dezember 2025", "2025-12-24T00:00:00.000Z"],
    ["7. Jänner 2025", "2025-01-07T00:00:00.000Z"],
    ["15. Jan. 2025", "2025-01-15T00:00:00.000Z"],
    ["3. Mär. 2025", "2025-03-03T00:00:00.000Z"],
    ["3. Mrz. 2025", "2025-03-03T00:00:00.000Z"],
    ["1. Mai 2025", "2025-05-01T00:00:00.000Z"],
    ["9. Sept. 2025", "2025-09-09T00:00:00.000Z"],
    ["31. Okt. 2025", "2025-10-31T00:00:00.000Z"],
    ["24.Dez.2025", "2025-12-24T00:00:00.000Z"],
    ["15. Maibaum 2025", null],
    ["32. Dezember 2025", null]
  ])("reads the German %s as %j", async (text, expected) => {
    expect(await parse(text, german)).toBe(expected);
  });

  it("reads ISO 8601 first on its fast path exactly as the full parse does, at the range's edges and in any zone", async () => {
    // Only a list that starts with ISO 8601 takes the fast path; the formats never read the same text.
    const values = [
      "1899-12-31 23:30",
      "1900-01-01",
      "1900-01-01 00:30",
      "1901-01-01",
      "2025-02-30",
      "2025-03-31",
      "2025-03-31 14:05",
      "2025-03-31T14:05:09",
      "2025-03-31T14:05Z",
      "2025-03-31 14:05:0Z",
      "2098-12-31 23:59:59",
      "2099-12-31 23:30",
      "2100-01-01 00:30",
      "19a1-01-01",
      "epoch",
      "31.03.2025",
      null
    ];
    for (const zone of ["UTC", "Europe/Berlin", "Pacific/Kiritimati", "Pacific/Pago_Pago"]) {
      const fast = await Promise.all(values.map((v) => parse(v, ["ISO 8601", "DD.MM.YYYY"], zone)));
      const full = await Promise.all(values.map((v) => parse(v, ["DD.MM.YYYY", "ISO 8601"], zone)));
      expect(fast).toEqual(full);
      expect(fast.filter((t) => t !== null).length).toBeGreaterThanOrEqual(8);
    }
    // East of UTC, a local time just past the range's end is inside it: the full parse decides, not the fast path.
    expect(await parse("2100-01-01 00:30", ["ISO 8601"], "Europe/Berlin")).toBe("2099-12-31T23:30:00.000Z");
  });

  it("converts local times to UTC with the zone's offset of that date, summer time included", async () => {
    expect(await parse("12.02.2025 10:00", ["DD.MM.YYYY HH:mm"], "Europe/Berlin")).toBe("2025-02-12T09:00:00.000Z");
    expect(await parse("01.07.2025 10:00", ["DD.MM.YYYY HH:mm"], "Europe/Berlin")).toBe("2025-07-01T08:00:00.000Z");
    // São Paulo kept summer time (UTC−2) until February 2018, standard time (UTC−3) after.
    expect(await parse("05-12-2017 02:00", ["DD-MM-YYYY HH:mm"], "America/Sao_Paulo")).toBe("2017-12-05T04:00:00.000Z");
    expect(await parse("08-03-2018", ["DD-MM-YYYY"], "America/Sao_Paulo")).toBe("2018-03-08T03:00:00.000Z");
    // An explicit offset or an epoch is an instant already: the zone does not apply.
    expect(await parse("2025-07-01T10:00:00Z", ["ISO 8601"], "Europe/Berlin")).toBe("2025-07-01T10:00:00.000Z");
    expect(await parse("0", ["epoch s"], "Europe/Berlin")).toBe("1970-01-01T00:00:00.000Z");
  });

  it.each([
    "31/02/2024",
    "2024-02-30",
    "2025-02-29",
    "yesterday",
    "infinity",
    "epoch",
    "0000-00-00",
    "9999-12-31",
    "1899-12-31",
    "2025-01-01 10:00:00 CET",
    "",
    null
  ])("gives NULL for %j, which no format fits", async (text) => {
    expect(await parse(text, ["ISO 8601", "DD.MM.YYYY"])).toBeNull();
  });
});

describe("date format names", () => {
  it("accepts the documented formats and explains an unknown one", () => {
    const documented = ["ISO 8601", "epoch s", "epoch ms", "Excel serial", "DD-MM-YYYY", "MM/DD/YYYY HH:mm:ss"];
    for (const format of [...documented, "YYYY.MM.DD", "MM/DD/YYYY hh:mm A", "MMM DD, YYYY", "DD MMMM YYYY"]) {
      expect(checkDateFormat(format)).toBeNull();
    }
    // An hour that AM/PM would change, or a 12-hour clock without it, reads the wrong hour: refused.
    expect(checkDateFormat("MM/DD/YYYY HH:mm A")).toMatch(/a 12-hour clock \(hh\) goes with AM\/PM \(A\)/);
    expect(checkDateFormat("MM/DD/YYYY hh:mm")).toMatch(/a 12-hour clock/);
    expect(strptimePattern("MMM DD, YYYY hh:mm A")).toBe("%b %d, %Y %I:%M %p");
    expect(checkDateFormat("dd/mm/yy")).toMatch(/unknown date format "dd\/mm\/yy"/);
    expect(checkDateFormat("HH:mm")).toMatch(/unknown date format/);
    expect(strptimePattern("DD.MM.YYYY HH:mm:ss")).toBe("%d.%m.%Y %H:%M:%S");
  });

  it("finds the offset changes of a zone with summer time, and none for UTC", () => {
    const berlin = utcOffsets("Europe/Berlin");
    expect(berlin.filter((d) => new Date(d.localStart).getUTCFullYear() === 2025).map((d) => d.offsetMinutes)).toEqual([
      120, 60
    ]);
    expect(utcOffsets("UTC")).toHaveLength(1);
  });
});

describe("localToUtcSql", () => {
  let db: Database;
  beforeAll(async () => {
    db = await Database.open();
  });
  afterAll(() => db.close());

  /** UTC of a local time (ms on the local clock): the offset of the last transition starting at or before it. */
  const reference = (local: number, zone: string) => {
    const passed = utcOffsets(zone).filter((d, i) => i === 0 || d.localStart <= local);
    return local - passed[passed.length - 1].offsetMinutes * 60_000;
  };

  it.each(["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "America/Sao_Paulo", "Asia/Kolkata"])(
    "takes the offset of the last change at or before the local time, every 20 minutes of 2023-2025 and at the ends: %s",
    async (zone) => {
      const rows = await db.all<{v: string; u: string}>(
        `SELECT v, ${localToUtcSql("v", zone)} AS u FROM (
           SELECT unnest(generate_series(TIMESTAMP '2023-01-01', TIMESTAMP '2025-12-31', INTERVAL 20 MINUTE)) AS v
           UNION ALL SELECT unnest([TIMESTAMP '1900-01-01', TIMESTAMP '1970-01-01', TIMESTAMP '2050-06-01 12:00',
             TIMESTAMP '2099-12-31 23:59'])
         )`
      );
      expect(rows.length).toBeGreaterThan(78_000);
      const wrong = rows.filter((d) => Date.parse(d.u) !== reference(Date.parse(d.v), zone));
      expect(wrong).toEqual([]);
    }
  );

  it("searches the changes with nested comparisons, never a lambda that reads the time once per change", () => {
    const sql = localToUtcSql("v", "Europe/Berlin");
    expect(sql).not.toContain("->");
    let depth = 0;
    let deepest = 0;
    for (const [token] of sql.matchAll(/\bCASE\b|\bEND\b/g)) {
      depth += token === "CASE" ? 1 : -1;
      deepest = Math.max(deepest, depth);
    }
    expect(deepest).toBeLessThanOrEqual(Math.ceil(Math.log2(utcOffsets("Europe/Berlin").length)));
    // A reading other than ISO 8601's is parsed once per cell, then searched by name: it cost 110 s at a million leads
    // when the search repeated it for each of the zone's 160 changes.
    expect(parseDateSql("x", ["DD.MM.YYYY HH:mm"], "Europe/Berlin").match(/try_strptime/g)).toHaveLength(1);
  });
});

describe("typedDateSql", () => {
  it("gives a timestamp column exactly what parseDateSql gives its text, in any zone, out of range included", async () => {
    const db = await Database.open();
    try {
      const values = `SELECT * FROM (VALUES (TIMESTAMP '2025-03-31 14:05:00'), (TIMESTAMP '2025-07-01 10:00:00.123456'),
        (TIMESTAMP '2018-02-18 00:30:00'), (TIMESTAMP '1899-12-31 23:59:59'), (TIMESTAMP '2100-01-01 00:00:00'),
        (TIMESTAMP 'infinity'), (CAST(DATE '2024-02-29' AS TIMESTAMP)), (NULL)) t(v)`;
      // Local times at the edges move into the range in a zone east (2100-01-01 in Berlin) or west of UTC.
      for (const [zone, inRange] of [
        ["UTC", 4],
        ["Europe/Berlin", 5],
        ["America/Sao_Paulo", 5]
      ] as const) {
        const rows = await db.all<{typed: string | null; text: string | null}>(
          `SELECT ${typedDateSql("v", zone)} AS typed, ${parseDateSql("CAST(v AS VARCHAR)", ["ISO 8601"], zone)} AS text
           FROM (${values})`
        );
        expect(rows.map((d) => d.typed)).toEqual(rows.map((d) => d.text));
        expect(rows.filter((d) => d.typed !== null)).toHaveLength(inRange);
      }
    } finally {
      db.close();
    }
  });
});
