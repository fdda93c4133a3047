/**
 * Hand-made .xlsx workbooks for the workbook reader's tests: the parts written as given, in the order given, so that
 * a test can build what a writer other than write-excel-file makes (prefixed tags, shared strings after the sheet,
 * sheets stored under other part names than their order, inline strings, a 1904 date system); and write-excel-file's
 * workbooks, as a spreadsheet application writes them.
 */
import {join} from "node:path";
import {strToU8, zipSync} from "fflate";
import writeExcelFile from "write-excel-file/node";
import {temporaryDirectory, temporaryFile} from "./temporary.js";

const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

/** A zip of the parts (path → XML text) in the order given; its path in a fresh folder. */
export function zipParts(name: string, parts: Record<string, string>): string {
  return temporaryFile(name, zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)]))));
}

/** What a hand-made workbook holds. */
export interface WorkbookSpec {
  /** Each sheet's name, in tab order, and its `<sheetData>` content; stored as sheet<N>.xml from the last tab back. */
  sheets: {name: string; rows: string}[];
  sharedStrings?: string[];
  /** `<numFmts>` and `<cellXfs>` content of the styles part. */
  styles?: {numFmts?: string; cellXfs: string; cellStyleXfs?: string};
  date1904?: boolean;
}

/**
 * The parts of a workbook, Excel's order (sheets first, shared strings last). Sheet parts are numbered backwards
 * (the first tab is the last part), as in a workbook whose tabs were reordered, so that a reader must follow the
 * workbook's relationships rather than part names.
 */
export function workbookParts(spec: WorkbookSpec): Record<string, string> {
  const parts: Record<string, string> = {};
  const count = spec.sheets.length;
  spec.sheets.forEach((sheet, i) => {
    parts[`xl/worksheets/sheet${count - i}.xml`] =
      `<worksheet xmlns="${main}"><sheetData>${sheet.rows}</sheetData></worksheet>`;
  });
  const sheetList = spec.sheets.map((d, i) => `<sheet name="${d.name}" sheetId="${i + 1}" r:id="rIdS${i}"/>`);
  const sheetRels = spec.sheets.map(
    (_, i) =>
      `<Relationship Id="rIdS${i}" Type="${officeRelationships}/worksheet" Target="worksheets/sheet${count - i}.xml"/>`
  );
  parts["xl/workbook.xml"] =
    `<workbook xmlns="${main}" xmlns:r="${officeRelationships}">` +
    `${spec.date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets>${sheetList.join("")}</sheets></workbook>`;
  parts["xl/_rels/workbook.xml.rels"] =
    `<Relationships xmlns="${packageRelationships}">${sheetRels.join("")}` +
    `<Relationship Id="rIdT" Type="${officeRelationships}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rIdU" Type="${officeRelationships}/sharedStrings" Target="/xl/sharedStrings.xml"/>` +
    `</Relationships>`;
  parts["_rels/.rels"] =
    `<Relationships xmlns="${packageRelationships}">` +
    `<Relationship Id="rId1" Type="${officeRelationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const styles = spec.styles ?? {cellXfs: '<xf numFmtId="0"/>'};
  parts["xl/styles.xml"] =
    `<styleSheet xmlns="${main}"><numFmts>${styles.numFmts ?? ""}</numFmts>` +
    `<cellStyleXfs>${styles.cellStyleXfs ?? ""}</cellStyleXfs><cellXfs>${styles.cellXfs}</cellXfs></styleSheet>`;
  const strings = (spec.sharedStrings ?? []).map((text) => `<si><t xml:space="preserve">${text}</t></si>`);
  parts["xl/sharedStrings.xml"] = `<sst xmlns="${main}">${strings.join("")}</sst>`;
  return parts;
}

/** A hand-made workbook's path (named `name`). */
export function handMadeWorkbook(name: string, spec: WorkbookSpec): string {
  return zipParts(name, workbookParts(spec));
}

/** A date cell as Excel stores it: the clock time shown, no time zone (written here as UTC). */
export const dateCell = (text: string, format = "dd.mm.yyyy hh:mm") => ({
  value: new Date(`${text}Z`),
  type: Date,
  format
});

/** A HubSpot-like contacts sheet: typed dates, a date typed as text, amounts, a blank row between the data. */
export const contacts = [
  ["Record ID", "Create Date", "Campaign", "Handoff Date", "Deal Amount"],
  [1001, dateCell("2025-02-03T09:15:00"), 'Webinar, "Cloud" – Q1', dateCell("2025-02-04T10:00:00"), 24000.5],
  [1002, "03.02.2025 11:30", "Messe\nMünchen", "05.02.2025 08:00", null],
  [null, null, null, null, null],
  ["1003", dateCell("2025-02-06T00:00:00", "dd.mm.yyyy"), "Newsletter", null, null]
];

/** Rows of a sheet as write-excel-file takes them. */
export type SheetRows = typeof contacts;

/** The contacts workbook at a fresh path: the contacts first, a notes sheet after them. */
export async function contactsWorkbook(): Promise<string> {
  const path = join(temporaryDirectory(), "contacts.xlsx");
  await writeExcelFile([
    {data: contacts, sheet: "Contacts"},
    {data: [["Note"], ["exported by HubSpot"]], sheet: "Notes"}
  ]).toFile(path);
  return path;
}
