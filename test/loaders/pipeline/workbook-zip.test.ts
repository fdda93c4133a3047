import {describe, expect, it} from "vitest";
import {
  openWorkbookZip,
  readRelationships,
  relationshipTarget,
  relationshipsPart
} from "../../../loaders/pipeline/workbook-zip.js";
import {temporaryFile} from "../../helpers/temporary.js";
import {zipParts} from "../../helpers/workbook.js";

describe("relationshipTarget and relationshipsPart", () => {
  it("resolves a target against its source part's folder, or from the root when it starts with a slash", () => {
    expect(relationshipTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(relationshipTarget("xl/workbook.xml", "/xl/sharedStrings.xml")).toBe("xl/sharedStrings.xml");
    expect(relationshipTarget("xl/workbook.xml", "../customXml/item1.xml")).toBe("customXml/item1.xml");
    expect(relationshipTarget("", "xl/workbook.xml")).toBe("xl/workbook.xml");
    expect(relationshipsPart("xl/workbook.xml")).toBe("xl/_rels/workbook.xml.rels");
    expect(relationshipsPart("")).toBe("_rels/.rels");
  });
});

describe("openWorkbookZip", () => {
  it("parses a part by local tag names, whatever its prefix, and finds parts whatever their case", async () => {
    const path = zipParts("prefixed.xlsx", {
      "xl/Workbook.xml": '<x:workbook xmlns:x="urn:x"><x:sheets><x:sheet name="A &amp; B"/></x:sheets></x:workbook>'
    });
    const zip = await openWorkbookZip(path);
    const seen: string[] = [];
    await zip.parse("xl/workbook.xml", {
      open: (name, attributes) => seen.push(`<${name}${attributes.name ? ` ${attributes.name}` : ""}>`),
      close: (name) => seen.push(`</${name}>`)
    });
    zip.close();
    expect(seen).toEqual(["<workbook>", "<sheets>", "<sheet A & B>", "</sheet>", "</sheets>", "</workbook>"]);
  });

  it("names the part whose XML is broken, and refuses a file that is no zip", async () => {
    const zip = await openWorkbookZip(zipParts("broken.xlsx", {"xl/workbook.xml": "<workbook><sheets></workbook>"}));
    await expect(zip.parse("xl/workbook.xml", {})).rejects.toThrow(/^xl\/workbook\.xml: /);
    await expect(zip.parse("xl/styles.xml", {})).rejects.toThrow("the workbook has no part xl/styles.xml");
    zip.close();
    await expect(openWorkbookZip(temporaryFile("text.xlsx", "lead_id\nA\n"))).rejects.toThrow();
  });

  it("parses a part as it is inflated: rows reach the handlers chunk by chunk, never the part as one string", async () => {
    const rows = Array.from({length: 50_000}, (_, i) => `<row r="${i + 1}"><c><v>${i}</v></c></row>`).join("");
    const zip = await openWorkbookZip(zipParts("tall.xlsx", {"s.xml": `<sheetData>${rows}</sheetData>`}));
    let closed = 0;
    const closedByChunk: number[] = [];
    await zip.parse(
      "s.xml",
      {close: (name) => void (name === "row" && ++closed)},
      () => void closedByChunk.push(closed)
    );
    zip.close();
    // 1.6 MB of XML comes in many chunks, and each chunk's rows are handed on before the next is inflated.
    expect(closedByChunk.length).toBeGreaterThan(10);
    expect(closedByChunk[0]).toBeGreaterThan(0);
    expect(closedByChunk[0]).toBeLessThan(50_000);
    expect(closedByChunk.at(-1)).toBe(50_000);
  });

  it("reads a part's relationships, leaving out external targets", async () => {
    const zip = await openWorkbookZip(
      zipParts("rels.xlsx", {
        "xl/_rels/workbook.xml.rels":
          '<Relationships><Relationship Id="r1" Type="http://x/relationships/worksheet" Target="worksheets/a.xml"/>' +
          '<Relationship Id="r2" Type="http://x/relationships/hyperlink" Target="https://example.com" TargetMode="External"/>' +
          "</Relationships>"
      })
    );
    expect([...(await readRelationships(zip, "xl/workbook.xml"))]).toEqual([
      ["r1", {target: "xl/worksheets/a.xml", type: "worksheet"}]
    ]);
    expect((await readRelationships(zip, "xl/worksheets/a.xml")).size).toBe(0);
    zip.close();
  });
});
