import {existsSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import {describe, expect, it, vi} from "vitest";
import {describeLineEnds, readWithOneLineEnd, unixLineEndsCopy} from "../../../loaders/pipeline/line-ends.js";
import {invalidCsvReason} from "../../../loaders/pipeline/read-errors.js";
import {readSourceFile} from "../../../loaders/pipeline/ingest.js";
import {withDatabase} from "../../../loaders/pipeline/duckdb.js";
import iconv from "iconv-lite";
import {modelOf, temporaryDirectory} from "../../helpers/model.js";
import {temporaryFile} from "../../helpers/temporary.js";

const fixture = "test/fixtures/small";

/** The fixture's lines of `table`, each ended by `end(i)` (the line's index, header = 0). */
function relined(table: string, end: (i: number) => string): string {
  const lines = readFileSync(join(fixture, `${table}.csv`), "utf8")
    .split("\n")
    .filter(Boolean);
  return lines.map((line, i) => line + end(i)).join("");
}

describe("unixLineEndsCopy", () => {
  it("ends every line with \\n and counts each kind, a \\r\\n split between two chunks included", async () => {
    // Node reads a file in chunks of 64 KiB: the \r at byte 65,535 ends the first, its \n starts the second.
    const long = "x".repeat(65_535 - 2);
    const path = temporaryFile("leads.csv", `a\r\n${long}\r\nb\nc\rd\r`);
    const repaired = await unixLineEndsCopy(path, temporaryDirectory());
    expect(repaired?.ends).toEqual({crlf: 2, lf: 1, cr: 2});
    expect(readFileSync(repaired!.copy, "utf8")).toBe(`a\n${long}\nb\nc\nd\n`);
    expect(describeLineEnds(repaired!.ends)).toBe("2 with \\r\\n, 1 with \\n, 2 with a bare \\r");
  });

  it("inflates a gzipped file into a plain copy of the same name", async () => {
    const path = temporaryFile("events.csv.gz", gzipSync("a\r\nb\nc\n"));
    const repaired = await unixLineEndsCopy(path, temporaryDirectory());
    expect(repaired?.copy).toMatch(/events\.csv$/);
    expect(readFileSync(repaired!.copy, "utf8")).toBe("a\nb\nc\n");
  });

  it("leaves no copy where every line ends the same way (a copy would change nothing for DuckDB)", async () => {
    const directory = temporaryDirectory();
    expect(await unixLineEndsCopy(temporaryFile("a.csv", "a\r\nb\r\n"), directory)).toBeNull();
    expect(await unixLineEndsCopy(temporaryFile("b.csv", "a\nb\n"), directory)).toBeNull();
    expect(existsSync(join(directory, "a.csv")) || existsSync(join(directory, "b.csv"))).toBe(false);
  });
});

describe("readWithOneLineEnd", () => {
  const refusal = new Error(`x.csv: cannot be read: ${invalidCsvReason}`);
  const where = (source: string, encoding?: string) => ({
    source,
    name: source,
    encoding,
    directory: temporaryDirectory()
  });

  it("lets every other refusal stand, and one of a file whose lines all end the same way", async () => {
    const mixed = temporaryFile("x.csv", "a\r\nb\n");
    const read = vi.fn(async () => "read");
    await expect(readWithOneLineEnd(new Error("ragged"), where(mixed), read)).rejects.toThrow("ragged");
    await expect(readWithOneLineEnd(refusal, where(temporaryFile("y.csv", "a\nb\n")), read)).rejects.toBe(refusal);
    expect(read).not.toHaveBeenCalled();
  });

  it("copies UTF-16 text (two bytes a line end) as UTF-8 and reads it so", async () => {
    const utf16 = temporaryFile(
      "x.csv",
      Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from("ä\r\nb\nc\r\n", "utf16le")])
    );
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const read = async (copy: string, encoding: string | undefined) => [readFileSync(copy, "utf8"), encoding];
      expect(await readWithOneLineEnd(refusal, where(utf16, "utf-16"), read)).toEqual(["ä\nb\nc\n", undefined]);
    } finally {
      stderr.mockRestore();
    }
  });

  it("reads the copy, and calls what DuckDB still refuses there a stray quote", async () => {
    const mixed = temporaryFile("x.csv", "a\r\nb\n");
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      expect(await readWithOneLineEnd(refusal, where(mixed), async (copy) => readFileSync(copy, "utf8"))).toBe(
        "a\nb\n"
      );
      expect(String(stderr.mock.calls[0][0])).toBe(
        `leadstage: ${mixed}: lines end in more than one way (1 with \\r\\n, 1 with \\n): read as if each ended in \\n\n`
      );
      const failing = readWithOneLineEnd(refusal, where(mixed), async () => {
        throw refusal;
      });
      await expect(failing).rejects.toThrow(
        /x\.csv: cannot be read: does not follow the CSV rules \(RFC 4180\): a stray quote/
      );
    } finally {
      stderr.mockRestore();
    }
  });
});

describe("a CSV whose lines end in more than one way", () => {
  it("builds the model its one-kind original builds: the same handoffs, the same rejects on the same rows", async () => {
    const expected = await modelOf(fixture);
    const directory = temporaryDirectory();
    // Windows rows with two Unix ones in between, and the other way round: files joined from two machines' exports.
    writeFileSync(
      join(directory, "leads.csv"),
      relined("leads", (i) => (i === 3 || i === 5 ? "\n" : "\r\n"))
    );
    writeFileSync(
      join(directory, "events.csv"),
      relined("events", (i) => (i % 7 === 4 ? "\r\n" : "\n"))
    );
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const model = await modelOf(directory);
      expect(model.handoffs).toEqual(expected.handoffs);
      expect(model.rejects.map((d) => ({...d, file: undefined}))).toEqual(
        expected.rejects.map((d) => ({...d, file: undefined}))
      );
      expect(model.overview.levels).toEqual(expected.overview.levels);
    } finally {
      stderr.mockRestore();
    }
  });

  it("with a stray quote too: the copy's error, naming the file and the quote's line, not the line ends", async () => {
    const directory = temporaryDirectory();
    const leads = relined("leads", (i) => (i === 3 ? "\n" : "\r\n")).replace("Webinar Q1", '"Webinar Q1"x');
    writeFileSync(join(directory, "leads.csv"), leads);
    writeFileSync(
      join(directory, "events.csv"),
      relined("events", () => "\n")
    );
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      await expect(modelOf(directory)).rejects.toThrow(
        `${join(directory, "leads.csv")}: cannot be read: a quoted value is never closed (line 2)`
      );
    } finally {
      stderr.mockRestore();
    }
  });

  it("in Windows-1252 (Excel's € and dashes): read through the UTF-8 copy, then its copy with one kind of line end", async () => {
    const text = "lead_id;Kampagne – Name\r\nA;24.000,50 €\nB;„Cloud“\r\n";
    const path = temporaryFile("leads.csv", iconv.encode(text, "windows-1252"));
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const rows = await withDatabase(async (db) => {
        const source = await readSourceFile(db, path, "src_leads", {encoding: "latin-1"});
        expect(source).toMatchObject({path, rows: 2, columns: ["lead_id", "Kampagne – Name"]});
        return db.all(`SELECT row, lead_id, "Kampagne – Name" AS name FROM src_leads ORDER BY row`);
      });
      expect(rows).toEqual([
        {row: 1, lead_id: "A", name: "24.000,50 €"},
        {row: 2, lead_id: "B", name: "„Cloud“"}
      ]);
    } finally {
      stderr.mockRestore();
    }
  });
});
