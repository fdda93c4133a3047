/**
 * A worksheet's rows as text, streamed: each `<row>` is handed on as soon as it closes, its cells as a CSV export
 * would hold them, so that a sheet of any size is read in the memory of one row (plus its shared strings).
 */
import {dateText, excelCellText} from "./excel-dates.js";
import {InputError} from "./input.js";
import {unescapeOfficeText, type WorkbookParts} from "./workbook-parts.js";
import type {PartHandlers} from "./workbook-zip.js";

/** Receives each row: its number in the sheet (from 1) and its cells' text by column (from 0), holes empty. */
export type RowSink = (row: number, cells: string[]) => void;

/** The column of a cell reference, from 0: "A1" → 0, "AB12" → 27. */
export function columnIndex(reference: string): number {
  let column = 0;
  for (let i = 0; i < reference.length; ++i) {
    const code = reference.charCodeAt(i) | 0x20; // lower case
    if (code < 0x61 || code > 0x7a) break;
    column = column * 26 + (code - 0x60);
  }
  return column - 1;
}

/**
 * The handlers that turn a sheet's XML into rows for `sink`. Rows and cells without a reference follow the one
 * before them; a row whose number does not rise is an error (the sheet is damaged). `sheet` names the sheet in an
 * error the user can mend.
 */
export function sheetHandlers(parts: WorkbookParts, sink: RowSink, sheet = "the sheet"): PartHandlers {
  let row = 0;
  let cells: string[] = [];
  let column = 0;
  let type = "n";
  let style = 0;
  let reference = "";
  let text = "";
  let capturing = false;
  let formula = false;
  let valued = false;
  let inInline = false;
  let inPhonetic = false;
  return {
    open(name, attributes) {
      if (name === "row") {
        const number = attributes.r === undefined ? row + 1 : Number(attributes.r);
        if (!(number > row)) throw new Error(`row ${attributes.r} comes after row ${row}`);
        row = number;
        cells = [];
        column = 0;
      } else if (name === "c") {
        reference = attributes.r ?? "";
        column = reference ? columnIndex(reference) : column;
        type = attributes.t ?? "n";
        style = Number(attributes.s ?? 0);
        text = "";
        formula = valued = false;
      } else if (name === "v") capturing = valued = true;
      else if (name === "f") formula = true;
      else if (name === "is") inInline = true;
      else if (name === "t") capturing = inInline && !inPhonetic;
      else if (name === "rPh") inPhonetic = true;
    },
    text(value) {
      if (capturing) text += value;
    },
    close(name) {
      if (name === "v" || name === "t") capturing = false;
      else if (name === "is") inInline = false;
      else if (name === "rPh") inPhonetic = false;
      else if (name === "c") {
        const cell = reference || `column ${column + 1} of row ${row}`;
        // Excel stores every formula's value beside it (<v></v> for an empty text); a program that writes formulas
        // without computing them leaves it out, and the cell would read as blank: a campaign lost without a word.
        if (formula && !valued) {
          throw new InputError(
            `${sheet}, cell ${cell}: a formula whose value was never computed (the program that wrote the workbook ` +
              "did not calculate it): open the workbook in Excel or LibreOffice and save it, which computes it"
          );
        }
        const value = cellText(parts, type, style, text, cell);
        if (value !== "") cells[column] = value;
        column += 1;
      } else if (name === "row") sink(row, cells);
    }
  };
}

/**
 * A cell's text: shared and inline strings as written, booleans as `true`/`false`, errors as Excel shows them
 * (`#N/A`), numbers as JavaScript writes them (exact, "." decimal), date cells in ISO 8601 (excel-dates.ts).
 */
function cellText(parts: WorkbookParts, type: string, style: number, text: string, cell: string): string {
  if (text === "") return "";
  switch (type) {
    case "s": {
      const value = parts.sharedStrings[Number(text)];
      if (value === undefined) throw new Error(`cell ${cell}: no shared string ${text}`);
      return value;
    }
    case "inlineStr":
    case "str":
      return unescapeOfficeText(text);
    case "b":
      return text === "1" ? "true" : text === "0" ? "false" : text;
    case "e":
      return text;
    case "d":
      return isoCellText(text);
    default: {
      const number = Number(text);
      if (!Number.isFinite(number)) return text;
      const kind = parts.dateStyles[style];
      return kind ? excelCellText(number, parts.date1904, kind) : String(number);
    }
  }
}

/** A cell of type `d` (ISO 8601 text, which some writers use instead of a day count): its clock time as shown. */
function isoCellText(text: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const zoned = /([zZ]|[+-]\d{2}:?\d{2})$/.test(text);
  const date = new Date(zoned ? text : `${text}Z`);
  return Number.isNaN(date.getTime()) ? text : dateText(date);
}
