/**
 * What a sheet's cells need from the rest of the workbook, read before the sheet (ECMA-376 Part 1): the sheets in
 * the workbook's order with their parts, the date system, which cell styles show dates, and the shared strings.
 */
import {dateFormatKind, type DateFormatKind} from "./excel-dates.js";
import {readRelationships, type WorkbookZip} from "./workbook-zip.js";

/** The workbook around its sheets. */
export interface WorkbookParts {
  /** The sheets in the order Excel shows their tabs, each with the part that holds its cells. */
  sheets: {name: string; part: string}[];
  /** A Mac workbook's date system: day 0 is 1904-01-01. */
  date1904: boolean;
  /** By cell style index (a cell's `s`): what its number format shows, when a date or time (else undefined). */
  dateStyles: (DateFormatKind | undefined)[];
  /** The shared strings, by index (a cell of type `s` holds one). */
  sharedStrings: string[];
}

/**
 * Decodes the `_xHHHH_` escapes of an Office string (ECMA-376 §22.9.2.19): characters XML 1.0 cannot hold, a carriage
 * return most often (`_x000D_`). `_x005F_` escapes the underscore of a text that only looks like one.
 */
export function unescapeOfficeText(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Reads the workbook part, its relationships, its styles and its shared strings. */
export async function readWorkbookParts(zip: WorkbookZip): Promise<WorkbookParts> {
  const workbookPart = await officeDocument(zip);
  const relationships = await readRelationships(zip, workbookPart);
  const byType = (type: string) => [...relationships.values()].find((d) => d.type === type)?.target;
  const listed: {name: string; id: string}[] = [];
  let date1904 = false;
  await zip.parse(workbookPart, {
    open(name, attributes) {
      if (name === "workbookPr") date1904 = ["1", "true"].includes(attributes.date1904);
      // The relationship ID is `r:id` by convention; any prefix may stand for its namespace.
      const id = Object.entries(attributes).find(([key]) => key.endsWith(":id"))?.[1];
      if (name === "sheet" && id !== undefined) listed.push({name: attributes.name ?? "", id});
    }
  });
  const sheets = listed.flatMap(({name, id}) => {
    const relationship = relationships.get(id);
    return relationship?.type === "worksheet" ? [{name, part: relationship.target}] : [];
  });
  const styles = byType("styles");
  const strings = byType("sharedStrings");
  return {
    sheets,
    date1904,
    dateStyles: styles && zip.has(styles) ? await readDateStyles(zip, styles) : [],
    sharedStrings: strings && zip.has(strings) ? await readSharedStrings(zip, strings) : []
  };
}

/** The workbook part: the package's office document (`xl/workbook.xml` wherever a writer does not say otherwise). */
async function officeDocument(zip: WorkbookZip): Promise<string> {
  const relationships = await readRelationships(zip, "");
  const target = [...relationships.values()].find((d) => d.type === "officeDocument")?.target;
  const part = target ?? "xl/workbook.xml";
  if (!zip.has(part)) throw new Error(`no workbook part (${part})`);
  return part;
}

/** By cell style (`cellXfs`, not the named styles' `cellStyleXfs`): the date or time its number format shows. */
async function readDateStyles(zip: WorkbookZip, part: string): Promise<(DateFormatKind | undefined)[]> {
  const codes = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  await zip.parse(part, {
    open(name, attributes) {
      if (name === "numFmt") codes.set(Number(attributes.numFmtId), attributes.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) formats.push(Number(attributes.numFmtId ?? 0));
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    }
  });
  return formats.map((id) => dateFormatKind(id, codes.get(id)));
}

/**
 * The shared strings: each `<si>` the text of its `<t>` elements, rich text runs joined, without the phonetic
 * reading (`<rPh>`) that Japanese workbooks add.
 */
async function readSharedStrings(zip: WorkbookZip, part: string): Promise<string[]> {
  const strings: string[] = [];
  let text = "";
  let inText = false;
  let inPhonetic = false;
  await zip.parse(part, {
    open(name) {
      if (name === "si") text = "";
      else if (name === "t") inText = !inPhonetic;
      else if (name === "rPh") inPhonetic = true;
    },
    text(value) {
      if (inText) text += value;
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") inPhonetic = false;
      else if (name === "si") strings.push(unescapeOfficeText(text));
    }
  });
  return strings;
}
