import {describe, expect, it} from "vitest";
import {readWorkbookParts, unescapeOfficeText} from "../../../loaders/pipeline/workbook-parts.js";
import {openWorkbookZip} from "../../../loaders/pipeline/workbook-zip.js";
import {handMadeWorkbook, workbookParts, zipParts} from "../../helpers/workbook.js";

const partsOf = async (path: string) => {
  const zip = await openWorkbookZip(path);
  try {
    return await readWorkbookParts(zip);
  } finally {
    zip.close();
  }
};

describe("readWorkbookParts", () => {
  it("lists the sheets in tab order with the parts the relationships give, not the parts' numbers", async () => {
    const parts = await partsOf(
      handMadeWorkbook("tabs.xlsx", {
        sheets: [
          {name: "Contacts", rows: ""},
          {name: "Notes", rows: ""}
        ]
      })
    );
    expect(parts.sheets).toEqual([
      {name: "Contacts", part: "xl/worksheets/sheet2.xml"},
      {name: "Notes", part: "xl/worksheets/sheet1.xml"}
    ]);
    expect(parts.date1904).toBe(false);
  });

  it("marks the cell styles whose number format is a date's or a time's, not the named styles' formats", async () => {
    const parts = await partsOf(
      handMadeWorkbook("styles.xlsx", {
        sheets: [{name: "A", rows: ""}],
        date1904: true,
        styles: {
          numFmts: '<numFmt numFmtId="164" formatCode="dd.mm.yyyy hh:mm"/><numFmt numFmtId="165" formatCode="0.0%"/>',
          cellStyleXfs: '<xf numFmtId="14"/>',
          cellXfs:
            '<xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/><xf/><xf numFmtId="20"/>' +
            '<xf numFmtId="46"/>'
        }
      })
    );
    expect(parts.dateStyles).toEqual([undefined, "date", undefined, "date", undefined, "time", "elapsed"]);
    expect(parts.date1904).toBe(true);
  });

  it("joins rich text runs of a shared string, leaves out phonetic readings and decodes _xHHHH_ escapes", async () => {
    const spec = {sheets: [{name: "A", rows: ""}]};
    const files = workbookParts(spec);
    files["xl/sharedStrings.xml"] =
      '<sst xmlns="urn:main"><si><t>plain</t></si>' +
      "<si><r><rPr><b/></rPr><t>Messe </t></r><r><t>München</t></r></si>" +
      '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>' +
      "<si><t>line_x000D_\nbreak, _x005F_x0041_</t></si><si><t/></si></sst>";
    const parts = await partsOf(zipParts("strings.xlsx", files));
    expect(parts.sharedStrings).toEqual(["plain", "Messe München", "東京", "line\r\nbreak, _x0041_", ""]);
  });

  it("reads a workbook without styles or shared strings, and says so for one without a workbook part", async () => {
    const files = workbookParts({sheets: [{name: "A", rows: ""}]});
    delete files["xl/styles.xml"];
    delete files["xl/sharedStrings.xml"];
    const parts = await partsOf(zipParts("bare.xlsx", files));
    expect([parts.dateStyles, parts.sharedStrings]).toEqual([[], []]);
    await expect(partsOf(zipParts("empty.xlsx", {"docProps/app.xml": "<Properties/>"}))).rejects.toThrow(
      "no workbook part (xl/workbook.xml)"
    );
  });
});

describe("unescapeOfficeText", () => {
  it("decodes left to right without overlap, and leaves other underscores alone", () => {
    expect(unescapeOfficeText("a_x0009_b")).toBe("a\tb");
    expect(unescapeOfficeText("_x005F_x0041_")).toBe("_x0041_");
    expect(unescapeOfficeText("snake_case_x")).toBe("snake_case_x");
  });
});
