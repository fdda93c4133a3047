import {existsSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {CsvCopy} from "../../../loaders/pipeline/workbook-csv-copy.js";
import {temporaryDirectory} from "../../helpers/temporary.js";

/** The CSV copy of the rows (each with its sheet row number). */
async function copyOf(rows: [number, string[]][]): Promise<string> {
  const path = join(temporaryDirectory(), "sheet.csv");
  const copy = new CsvCopy(path);
  for (const [number, cells] of rows) copy.row(number, cells);
  await copy.finish();
  return readFileSync(path, "utf8");
}

const footer = (from: number, count: number): [number, string[]][] =>
  Array.from({length: count}, (_, i) => [from + i, [`Footer line ${i + 1}`]]);

describe("CsvCopy", () => {
  it("writes rows as wide as the widest, blank rows kept, quoting where CSV needs it", async () => {
    expect(
      await copyOf([
        [1, ["a"]],
        [3, ["b", 'say "hi", then\ngo']]
      ])
    ).toBe('a,\n,\nb,"say ""hi"", then\ngo"\n');
  });

  it("writes a report's footer as a CSV export has it: its blank rows empty, one field a line", async () => {
    const text = await copyOf([[1, ["Lead", "At"]], [2, ["1", "2025-01-02"]], ...footer(5, 3)]);
    expect(text).toBe("Lead,At\n1,2025-01-02\n\n\nFooter line 1\nFooter line 2\nFooter line 3\n");
  });

  it("keeps blank rows between a footer's lines (Salesforce sets its Grand Totals line apart)", async () => {
    const rows: [number, string[]][] = [
      [1, ["Lead", "At"]],
      [2, ["1", "x"]],
      [4, ["Grand Totals (1 record)"]]
    ];
    const text = await copyOf([...rows, [6, ["Confidential Information - Do Not Distribute"]], [7, ["Acme, Inc."]]]);
    expect(text).toBe(
      'Lead,At\n1,x\n\nGrand Totals (1 record)\n\nConfidential Information - Do Not Distribute\n"Acme, Inc."\n'
    );
  });

  it("takes no footer without a blank row above it, of more than 20 lines, or under a one-column header", async () => {
    const noBlank = await copyOf([[1, ["Lead", "At"]], [2, ["1", "2025-01-02"]], ...footer(3, 2)]);
    expect(noBlank).toBe("Lead,At\n1,2025-01-02\nFooter line 1,\nFooter line 2,\n");
    const long = await copyOf([[1, ["Lead", "At"]], [2, ["1", "x"]], ...footer(4, 21)]);
    expect(long.split("\n")[2]).toBe(",");
    expect(
      long
        .split("\n")
        .slice(3, -1)
        .every((line) => line.endsWith(","))
    ).toBe(true);
    expect(await copyOf([[1, ["Lead"]], [2, ["1"]], ...footer(4, 2)])).toBe(
      "Lead\n1\n\nFooter line 1\nFooter line 2\n"
    );
  });

  it("takes only the last block of one-cell rows after a blank row; a row of two cells ends a footer", async () => {
    const rows: [number, string[]][] = [
      [1, ["Lead", "At"]],
      [3, ["2"]],
      [5, ["Footer"]],
      [6, ["3", "x"]]
    ];
    expect(await copyOf(rows)).toBe("Lead,At\n,\n2,\n,\nFooter,\n3,x\n");
  });
});

describe("CsvCopy.discard", () => {
  it("leaves no file and no error behind when its folder goes before the file opened (the fuzzer's crash)", async () => {
    const directory = temporaryDirectory();
    const copy = new CsvCopy(join(directory, "sheet.csv"));
    rmSync(directory, {recursive: true});
    const uncaught: unknown[] = [];
    const listener = (error: unknown) => uncaught.push(error);
    process.on("uncaughtException", listener);
    try {
      await copy.discard();
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("uncaughtException", listener);
    }
    expect([uncaught, existsSync(directory)]).toEqual([[], false]);
  });

  it("waits for the file to close before removing it, so that no copy reappears", async () => {
    const directory = temporaryDirectory();
    const copy = new CsvCopy(join(directory, "sheet.csv"));
    copy.row(1, ["a", "b"]);
    await copy.discard();
    expect(readdirSync(directory)).toEqual([]);
  });
});
