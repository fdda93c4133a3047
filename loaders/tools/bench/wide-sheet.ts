/**
 * A HubSpot contacts export as a workbook too large for any writer that builds its XML as one string (write-excel-file
 * stops at V8's longest string, 512 MB): the twenty columns of the hubspot-lifecycle profile's contacts file (IDs,
 * names, e-mail addresses, phone numbers, picklists, a lifecycle instant per milestone, most of them blank, amounts)
 * and six more it does not read, its parts stored in Excel's own order, the shared strings after the sheet. Streamed
 * through fflate's zip writer, so that the bench reads a sheet of a million such rows (sheet XML ~600 MB) and an
 * import can take it whole.
 */
import {closeSync, openSync, writeSync} from "node:fs";
import {Zip, ZipDeflate} from "fflate";

/** The header of the contacts sheet: data/profiles/examples/hubspot-lifecycle/contacts.csv's, then six more. */
export const wideSheetHeader = [
  "Record ID", "Create Date", "First Name", "Last Name", "Email", "Phone Number", "First Campaign", "Original Source",
  "Country/Region", "ICP Fit Date", "Role Known Date", "Need Identified Date", "Budget Confirmed Date",
  "Became a Marketing Qualified Lead Date", "Became a Sales Qualified Lead Date", "Became an Opportunity Date",
  "Became a Customer Date", "Deal Amount", "Closed Lost Date", "Closed Lost Reason",
  // What an "all properties" export adds, which the profile does not read.
  "Job Title", "Company Name", "Lifecycle Stage", "Lead Status", "Contact owner", "Last Activity Date"
]; // prettier-ignore

const stages = ["subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer"];

const sources = ["ORGANIC_SEARCH", "PAID_SEARCH", "EMAIL_MARKETING", "REFERRALS", "OFFLINE"];
const countries = ["Germany", "Austria", "Switzerland", "Netherlands"];

/** A date cell: epoch ms, written as an Excel day count under style 1 (date and time). */
type DateCell = {date: number; style: 1};

/**
 * Contact i: created within two years, every second one handed off three days later, fewer on each later milestone
 * (a quarter accepted, an eighth an opportunity, a sixteenth won, a sixteenth lost); null where the export is blank.
 */
function contact(i: number): (string | number | DateCell | null)[] {
  const created = Date.UTC(2023, 0, 1) + ((i * 7919) % 63_072_000) * 1000;
  // HubSpot's "Became a … Date" properties are instants: a milestone keeps the time of day of the creation.
  const day = (days: number, when: boolean): DateCell | null =>
    when ? {date: created + days * 86_400_000, style: 1} : null;
  const won = i % 16 === 0;
  const lost = i % 16 === 8;
  return [
    100_000 + i, {date: created, style: 1}, `Ann${i % 500}`, `Lee${i % 900}`, `user${i}@example${i % 97}.com`,
    `+49 30 ${1_000_000 + i}`, `Campaign ${i % 300}`, sources[i % 5], countries[i % 4], day(1, i % 2 === 0),
    day(1, i % 3 === 0), day(2, i % 4 === 0), day(2, i % 8 === 0), day(3, i % 2 === 0), day(4, i % 4 === 0),
    day(10, i % 8 === 0), day(40, won), won ? (i % 50) * 1000 + 5000 : null, day(30, lost), lost ? "no budget" : null,
    "Head of IT", `Company ${i % 20_000}`, stages[i % 6], "Open", `Owner ${i % 40}`, day(5, true)
  ]; // prettier-ignore
}

/** A column's letters: 0 → "A". */
const letters = (column: number) => String.fromCharCode(65 + column);

/** Text for XML. */
const escapeXml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

/** The parts around the sheet, by path. */
const fixedParts: Record<string, string> = {
  "[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  "_rels/.rels": `<Relationships xmlns="${packageRelationships}"><Relationship Id="rId1" Type="${relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  "xl/workbook.xml": `<workbook xmlns="${main}" xmlns:r="${relationships}"><sheets><sheet name="Contacts" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  "xl/_rels/workbook.xml.rels": `<Relationships xmlns="${packageRelationships}"><Relationship Id="rId1" Type="${relationships}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${relationships}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${relationships}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  "xl/styles.xml": `<styleSheet xmlns="${main}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd.mm.yyyy hh:mm:ss"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`
}; // prettier-ignore

/** Writes a contacts sheet of `rows` data rows (and a header) to `path`, as Excel orders its parts. */
export function writeWideSheet(path: string, rows: number): void {
  const fd = openSync(path, "w");
  const encoder = new TextEncoder();
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    for (let done = 0; done < chunk.length;) done += writeSync(fd, chunk, done);
  });
  const part = (name: string) => {
    const file = new ZipDeflate(name, {level: 1});
    zip.add(file);
    return file;
  };
  try {
    const strings = new Map<string, number>();
    const sheet = part("xl/worksheets/sheet1.xml");
    sheet.push(encoder.encode(`${xmlHead}<worksheet xmlns="${main}"><sheetData>`));
    for (let start = -1; start < rows; start += 10_000) {
      let xml = "";
      for (let i = start; i < Math.min(start + 10_000, rows); ++i) {
        xml += rowXml(i + 2, i < 0 ? wideSheetHeader : contact(i), strings);
      }
      sheet.push(encoder.encode(xml));
    }
    sheet.push(encoder.encode("</sheetData></worksheet>"), true);
    for (const [name, xml] of Object.entries(fixedParts)) part(name).push(encoder.encode(xmlHead + xml), true);
    const shared = part("xl/sharedStrings.xml");
    shared.push(encoder.encode(`${xmlHead}<sst xmlns="${main}" uniqueCount="${strings.size}">`));
    let xml = "";
    for (const text of strings.keys()) {
      xml += `<si><t>${escapeXml(text)}</t></si>`;
      if (xml.length > 1_000_000) (shared.push(encoder.encode(xml)), (xml = ""));
    }
    shared.push(encoder.encode(`${xml}</sst>`), true);
    zip.end();
  } finally {
    closeSync(fd);
  }
}

/** One `<row>`: text through the shared strings, dates as day counts under their style, blanks left out. */
function rowXml(row: number, cells: ReturnType<typeof contact>, strings: Map<string, number>): string {
  let xml = `<row r="${row}">`;
  cells.forEach((value, column) => {
    const reference = `${letters(column)}${row}`;
    if (value === null) return;
    if (typeof value === "number") xml += `<c r="${reference}"><v>${value}</v></c>`;
    else if (typeof value === "object")
      xml += `<c r="${reference}" s="1"><v>${value.date / 86_400_000 + 25_569}</v></c>`;
    else {
      let index = strings.get(value);
      if (index === undefined) strings.set(value, (index = strings.size));
      xml += `<c r="${reference}" t="s"><v>${index}</v></c>`;
    }
  });
  return `${xml}</row>`;
}
