import {describe, expect, it} from "vitest";
import {dateFormatKind, dateText, excelCellText, excelDateText} from "../../../loaders/pipeline/excel-dates.js";

describe("dateFormatKind", () => {
  it("takes the built-in date formats by ID, whatever their code, the clock times and elapsed time among them", () => {
    for (const id of [14, 15, 22, 57]) expect([id, dateFormatKind(id, undefined)]).toEqual([id, "date"]);
    for (const id of [18, 21, 45, 47]) expect([id, dateFormatKind(id, undefined)]).toEqual([id, "time"]);
    expect(dateFormatKind(46, undefined)).toBe("elapsed");
    for (const id of [0, 1, 2, 9, 10, 11, 37, 49]) expect(dateFormatKind(id, undefined)).toBeUndefined();
  });

  it("tells a clock time alone and elapsed time from a date in a custom code", () => {
    const kinds = {
      "hh:mm": "time",
      "h:mm AM/PM": "time",
      "mm:ss.0": "time",
      '[$-407]hh:mm" Uhr"': "time",
      "[h]:mm:ss": "elapsed",
      "[mm]:ss": "elapsed",
      mm: "date",
      "mmm yy": "date",
      "dd.mm.yyyy hh:mm": "date",
      '0.00;"-"': undefined,
      '"Time: "hh:mm;@': "time"
    };
    for (const [code, kind] of Object.entries(kinds)) expect([code, dateFormatKind(164, code)]).toEqual([code, kind]);
  });

  it("reads a custom code as a date only when every token is a date or time token", () => {
    const dates = [
      "dd.mm.yyyy hh:mm",
      "yyyy-mm-dd",
      "m/d/yyyy;@",
      "[$-407]dd. mmmm yyyy",
      "[$-F800]dddd, mmmm dd, yyyy",
      "[h]:mm:ss",
      "mm:ss.0",
      'yyyy"年"m"月"d"日"',
      "h:mm AM/PM",
      "[Red]dd/mm/yy",
      "d\\-mmm"
    ];
    const numbers = [
      "General",
      "0.00%",
      "#,##0",
      "[$€-407] #,##0.00",
      "0.00E+00",
      '0 "days"',
      "@",
      "#,##0;[Red]-#,##0"
    ];
    for (const code of dates) expect([code, dateFormatKind(164, code) !== undefined]).toEqual([code, true]);
    for (const code of numbers) expect([code, dateFormatKind(164, code)]).toEqual([code, undefined]);
  });
});

describe("excelDateText", () => {
  it("reads a day count at the clock time it shows, the date alone at midnight", () => {
    expect(excelDateText(45_691, false)).toBe("2025-02-03");
    expect(excelDateText(45_691.385416666664, false)).toBe("2025-02-03 09:15:00");
  });

  it("rounds to the millisecond: 03:30:00 is stored a hair below it and was read 03:29:59 when floored", () => {
    expect(excelDateText(45_635.14583333333, false)).toBe("2024-12-09 03:30:00");
    expect(excelDateText(45_717.41666956019, false)).toBe("2025-03-01 10:00:00.250");
  });

  it("counts Excel's 29 February 1900 (serial 60), which never was, and the 1904 date system", () => {
    expect(excelDateText(1, false)).toBe("1900-01-01");
    expect(excelDateText(59, false)).toBe("1900-02-28");
    expect(excelDateText(61, false)).toBe("1900-03-01");
    expect(excelDateText(0, true)).toBe("1904-01-01");
    expect(excelDateText(44_229, true)).toBe("2025-02-03");
  });
});

describe("excelCellText", () => {
  it("writes a clock time without a day as the time, over a day as the date, elapsed time as hours past 24", () => {
    expect(excelCellText(0.4375, false, "time")).toBe("10:30:00");
    expect(excelCellText(0.385416666664, false, "time")).toBe("09:15:00");
    expect(excelCellText(45_691.4375, false, "time")).toBe("2025-02-03 10:30:00");
    expect(excelCellText(1.5, false, "elapsed")).toBe("36:00:00");
    expect(excelCellText(100.0000115740741, false, "elapsed")).toBe("2400:00:01");
    expect(excelCellText(-0.0625, true, "elapsed")).toBe("-01:30:00");
    expect(excelCellText(0.00000289351851851852, false, "elapsed")).toBe("00:00:00.250");
    expect(excelCellText(45_691, false, "date")).toBe("2025-02-03");
  });
});

describe("dateText", () => {
  it("writes milliseconds only where there are any, and nothing for an invalid date", () => {
    expect(dateText(new Date("2025-03-01T10:00:00.250Z"))).toBe("2025-03-01 10:00:00.250");
    expect(dateText(new Date("2025-03-01T10:00:00Z"))).toBe("2025-03-01 10:00:00");
    expect(dateText(new Date(NaN))).toBe("");
  });
});
