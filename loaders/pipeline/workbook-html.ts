/**
 * An HTML table saved as .xls: what Salesforce Classic's report export and many web CRMs' "Export to Excel" write.
 * Streamed by htmlparser2, so that an export of any size is read in the memory of one row: SheetJS, which reads the
 * other old workbooks (workbook-whole.ts), took 1.7 GB and 8.2 s for 100,000 rows of 20 columns (58 MB of HTML), and
 * a file past V8's longest string (512 MB) could not be read at all.
 *
 * The file's tables are its sheets, in order ("Sheet1", "Sheet2", … as Excel's import names them; a table inside a
 * cell is part of that cell's text). A cell is its text as a browser shows it: runs of white space one space, `<br>` a
 * line break, entities decoded, trimmed; `colspan` and `rowspan` take the places they span, blank but for the first.
 * The text is UTF-8 when the bytes are, else what the file's `charset` declares, else Windows-1252.
 */
import {createReadStream} from "node:fs";
import iconv from "iconv-lite";
import {Parser} from "htmlparser2";
import {fileBytes} from "./csv-header.js";
import {InputError} from "./input.js";
import {isValidUtf8File} from "./valid-utf8.js";
import type {RowSink} from "./workbook-sheet.js";

/** The encoding of the HTML file at `path`: UTF-8, the declared charset, else Windows-1252. */
export async function htmlEncoding(path: string): Promise<string> {
  if (await isValidUtf8File(path)) return "utf-8";
  const declared = /charset\s*=\s*["']?([\w-]+)/i.exec(fileBytes(path, 4096).toString("latin1"))?.[1];
  return declared && iconv.encodingExists(declared) ? declared : "windows-1252";
}

/** Which table a profile's `sheet` names: a number from 1, or "Sheet<n>"; the first when absent. */
function tableIndex(sheet: string | number | undefined): number | undefined {
  if (sheet === undefined) return 0;
  if (typeof sheet === "number") return sheet - 1;
  const numbered = /^sheet\s*(\d+)$/i.exec(sheet.trim());
  return numbered ? Number(numbered[1]) - 1 : undefined;
}

/**
 * Streams the rows of the table `sheet` names in the HTML file at `path` to `sink`, row numbers from 1; `flush` is
 * awaited after each chunk of the file, so that what the sink wrote goes out before more is read.
 */
export async function readHtmlTable(
  path: string,
  sheet: string | number | undefined,
  sink: RowSink,
  flush: () => Promise<void>
): Promise<void> {
  const wanted = tableIndex(sheet);
  const table = new TableWalker(wanted ?? -1, sink);
  const parser = new Parser(table.handlers, {decodeEntities: true, lowerCaseTags: true});
  const encoding = await htmlEncoding(path);
  const stream = createReadStream(path, {highWaterMark: 1 << 20}).pipe(iconv.decodeStream(encoding));
  for await (const chunk of stream as AsyncIterable<string>) {
    parser.write(chunk);
    await flush();
  }
  parser.end();
  await flush();
  if (wanted !== undefined && wanted >= 0 && wanted < table.tables) return;
  if (table.tables === 0) {
    throw new InputError(
      `${path}: cannot be read as a spreadsheet workbook (the HTML holds no <table>): save it again`
    );
  }
  const names = Array.from({length: table.tables}, (_, i) => `"Sheet${i + 1}"`).join(", ");
  throw new InputError(`${path}: no sheet ${JSON.stringify(sheet)} in the workbook (its sheets: ${names})`);
}

/** Walks the tags, counting top-level tables and handing on the rows of the one wanted. */
class TableWalker {
  /** Top-level tables seen so far. */
  tables = 0;
  /** Tables open around the current tag, and whether we are inside the wanted one (at its own depth). */
  private depth = 0;
  private inWanted = false;
  private row = 0;
  private rowOpen = false;
  private cells: string[] = [];
  private column = 0;
  private text: string[] | undefined;
  private span = 1;
  /** Columns a cell above still takes (rowspan): column → the last row it takes. */
  private readonly spanned = new Map<number, number>();
  /** Inside <script> or <style>, whose text is no cell's. */
  private hidden = 0;

  constructor(
    private readonly wanted: number,
    private readonly sink: RowSink
  ) {}

  readonly handlers = {
    onopentag: (name: string, attributes: Record<string, string>) => this.open(name, attributes),
    onclosetag: (name: string) => this.close(name),
    ontext: (text: string) => {
      if (this.text && this.hidden === 0) this.text.push(text.replace(/[ \t\n\r\f]+/g, " "));
    }
  };

  private open(name: string, attributes: Record<string, string>): void {
    if (name === "script" || name === "style") this.hidden += 1;
    else if (name === "table") {
      if (this.depth === 0) this.inWanted = this.tables === this.wanted;
      this.depth += 1;
    } else if (!this.inWanted || this.depth !== 1) {
      if (name === "br" && this.text) this.text.push("\n");
    } else if (name === "tr") this.startRow();
    else if (name === "td" || name === "th") {
      if (!this.rowOpen) this.startRow(); // a cell outside any <tr>: a row of its own, as a browser shows it
      this.endCell();
      while ((this.spanned.get(this.column) ?? 0) >= this.row) this.column += 1;
      this.text = [];
      this.span = Math.max(1, Math.min(16384, Number.parseInt(attributes.colspan ?? "1", 10) || 1));
      const rows = Math.min(65536, Number.parseInt(attributes.rowspan ?? "1", 10) || 1);
      for (let c = 0; c < this.span && rows > 1; ++c) this.spanned.set(this.column + c, this.row + rows - 1);
    } else if (name === "br" && this.text) this.text.push("\n");
  }

  private close(name: string): void {
    if (name === "script" || name === "style") this.hidden = Math.max(0, this.hidden - 1);
    else if (name === "table") {
      this.depth = Math.max(0, this.depth - 1);
      if (this.depth === 0) {
        if (this.inWanted) this.endRow();
        this.inWanted = false;
        this.tables += 1;
      }
    } else if (!this.inWanted || this.depth !== 1) return;
    else if (name === "td" || name === "th") this.endCell();
    else if (name === "tr") this.endRow();
  }

  private startRow(): void {
    this.endRow();
    this.row += 1;
    this.rowOpen = true;
    this.cells = [];
    this.column = 0;
  }

  private endCell(): void {
    if (!this.text) return;
    const value = this.text
      .join("")
      .replaceAll("\u00a0", " ")
      .replace(/ *\n */g, "\n")
      .replace(/^ +| +$/g, "");
    if (value !== "") this.cells[this.column] = value;
    this.column += this.span;
    this.text = undefined;
  }

  /** Hands on the row, if one is open (a `</tr>` may be left out, as HTML allows). */
  private endRow(): void {
    this.endCell();
    if (!this.rowOpen) return;
    this.rowOpen = false;
    this.sink(this.row, this.cells);
  }
}
