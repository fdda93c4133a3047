import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {htmlEncoding, readHtmlTable} from "../../../loaders/pipeline/workbook-html.js";
import {htmlReport} from "../../helpers/old-workbook.js";
import {temporaryDirectory, temporaryFile} from "../../helpers/temporary.js";

/** The rows readHtmlTable hands on: [row number, cells with holes as ""]. */
async function rowsOf(path: string, sheet?: string | number): Promise<[number, string[]][]> {
  const rows: [number, string[]][] = [];
  const sink = (number: number, cells: string[]) => void rows.push([number, Array.from(cells, (d) => d ?? "")]);
  await readHtmlTable(path, sheet, sink, async () => undefined);
  return rows;
}

const html = (body: string) => temporaryFile("report.xls", `<html><body>${body}</body></html>`);

describe("readHtmlTable", () => {
  it("reads a report's cells as the text shown: leading zeros, dates as written, line breaks, entities", async () => {
    const rows = [
      ["Lead ID", "Created", "Company", "Zip"],
      ["00Q1", "1/2/2024 3:04 PM", "Müller & Söhne <GmbH>", "0049"],
      ["00Q2", "13.01.2024", "Line\nbreak", ""]
    ];
    for (const [encoding, declared] of [
      ["utf-8", true],
      ["windows-1252", true],
      ["windows-1252", false]
    ] as const) {
      const path = htmlReport("report.xls", rows, {encoding, declared});
      // A blank cell at a row's end is no cell (the CSV copy writes every line as wide as the widest).
      const expected = rows.map((row, i) => [i + 1, row[row.length - 1] === "" ? row.slice(0, -1) : row]);
      expect(await rowsOf(path)).toEqual(expected);
    }
  });

  it("collapses white space as a browser shows it, and keeps a row's place when it is blank", async () => {
    const path = html(
      "<table>\n  <tr>\n    <th>\n      Lead\n      ID\n    </th>\n    <th>At&nbsp;</th>\n  </tr>\n" +
        "  <tr></tr>\n  <tr><td>  L1 <br/> second line </td><td>2024-01-02</td></tr>\n</table>"
    );
    expect(await rowsOf(path)).toEqual([
      [1, ["Lead ID", "At"]],
      [2, []],
      [3, ["L1\nsecond line", "2024-01-02"]]
    ]);
  });

  it("gives colspan and rowspan their places, and reads rows and cells whose end tags are left out", async () => {
    const path = html(
      "<table><tr><td colspan=2>Wide<td>C" + "<tr><td rowspan=2>Tall<td>B2<td>C2" + "<tr><td>B3<td>C3</table>"
    );
    expect(await rowsOf(path)).toEqual([
      [1, ["Wide", "", "C"]],
      [2, ["Tall", "B2", "C2"]],
      [3, ["", "B3", "C3"]]
    ]);
  });

  it("takes each table as a sheet, by number or as Sheet<n>; a table in a cell is that cell's text", async () => {
    const path = html(
      "<style>td {color: red}</style><table><tr><td>Report</td></tr></table>" +
        "<table><tr><td>Lead</td><td><table><tr><td>in</td></tr></table></td></tr><tr><td>L1</td><td>x</td></tr></table>"
    );
    expect(await rowsOf(path)).toEqual([[1, ["Report"]]]);
    const second = [
      [1, ["Lead", "in"]],
      [2, ["L1", "x"]]
    ];
    expect(await rowsOf(path, 2)).toEqual(second);
    expect(await rowsOf(path, "Sheet2")).toEqual(second);
    await expect(rowsOf(path, "Leads")).rejects.toThrow(
      `${path}: no sheet "Leads" in the workbook (its sheets: "Sheet1", "Sheet2")`
    );
  });

  it("says so for an HTML file without a table (a login page saved as .xls)", async () => {
    const path = html("<p>Your session has expired. Please log in again.</p>");
    await expect(rowsOf(path)).rejects.toThrow(
      `${path}: cannot be read as a spreadsheet workbook (the HTML holds no <table>): save it again`
    );
  });
});

describe("htmlEncoding", () => {
  it("is UTF-8 when the bytes are, else the declared charset, else windows-1252", async () => {
    const file = (bytes: Buffer) => {
      const path = join(temporaryDirectory(), "a.xls");
      writeFileSync(path, bytes);
      return path;
    };
    expect(await htmlEncoding(file(Buffer.from("<td>München €</td>", "utf8")))).toBe("utf-8");
    const declared = Buffer.concat([Buffer.from('<meta charset="iso-8859-2"><td>'), Buffer.from([0xb3])]);
    expect(await htmlEncoding(file(declared))).toBe("iso-8859-2");
    expect(await htmlEncoding(file(Buffer.from([0x3c, 0x74, 0x64, 0x3e, 0x80, 0xfc])))).toBe("windows-1252");
  });
});
