/**
 * Seeded mutations of an input file, for fuzzing the importer: each takes a file's bytes and a random source and
 * returns broken (or only differently written) bytes. They imitate what real exports and transfers do to files:
 * cut-off downloads, flipped bytes, columns dropped, doubled or reordered by a spreadsheet, broken quoting, other
 * encodings and line ends, giant fields, non-numbers and extreme dates, a report's title above the header.
 */

/** A uniform random number in [0, 1), seeded by the caller (d3-random's randomLcg). */
export type Random = () => number;

/** One kind of mutation. */
export type Mutation = (bytes: Buffer, random: Random) => Buffer;

const pick = <T>(values: readonly T[], random: Random): T => values[Math.floor(random() * values.length)];
const int = (n: number, random: Random) => Math.floor(random() * n);

/** Lines of a text file (without line ends), and the file back from them with the line end it had. */
const lines = (bytes: Buffer) =>
  bytes
    .toString("utf8")
    .replace(/\r?\n$/, "")
    .split(/\r?\n/);
const lineEnd = (bytes: Buffer) => (bytes.includes("\r\n") ? "\r\n" : "\n");
const text = (rows: string[], end = "\n") => Buffer.from(rows.join(end) + end, "utf8");

/** Splits a line at commas: naive on purpose (a spreadsheet macro does the same to a quoted comma). */
const cells = (line: string) => line.split(",");

/** Applies `change` to the cells of every line, or of one random data line. */
function everyLine(bytes: Buffer, change: (cells: string[]) => string[]): Buffer {
  return text(
    lines(bytes).map((line) => change(cells(line)).join(",")),
    lineEnd(bytes)
  );
}

function oneDataCell(bytes: Buffer, random: Random, value: (old: string) => string): Buffer {
  const rows = lines(bytes);
  if (rows.length < 2) return bytes;
  const row = 1 + int(rows.length - 1, random);
  const fields = cells(rows[row]);
  const column = int(fields.length, random);
  fields[column] = value(fields[column]);
  rows[row] = fields.join(",");
  return text(rows, lineEnd(bytes));
}

/** Every mutation by name. */
export const mutations: Record<string, Mutation> = {
  truncateMidRow: (bytes, random) => bytes.subarray(0, 1 + int(Math.max(1, bytes.length - 2), random)),
  flipBytes: (bytes, random) => {
    const out = Buffer.from(bytes);
    for (let i = 1 + int(5, random); i > 0; --i) out[int(out.length, random)] ^= 1 + int(255, random);
    return out;
  },
  dropColumn: (bytes, random) => {
    const column = int(cells(lines(bytes)[0]).length, random);
    return everyLine(bytes, (c) => c.filter((_, i) => i !== column));
  },
  duplicateColumn: (bytes, random) => {
    const column = int(cells(lines(bytes)[0]).length, random);
    return everyLine(bytes, (c) => [...c, c[column] ?? ""]);
  },
  reorderColumns: (bytes, random) => {
    const order = cells(lines(bytes)[0]).map((_, i) => i);
    for (let i = order.length - 1; i > 0; --i) {
      const j = int(i + 1, random);
      [order[i], order[j]] = [order[j], order[i]];
    }
    return everyLine(bytes, (c) => order.map((i) => c[i] ?? ""));
  },
  brokenQuote: (bytes, random) => {
    const at = int(bytes.length, random);
    return Buffer.concat([bytes.subarray(0, at), Buffer.from('"'), bytes.subarray(at)]);
  },
  utf16: (bytes) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bytes.toString("utf8"), "utf16le")]),
  latin1: (bytes, random) => Buffer.from(oneDataCell(bytes, random, (old) => `${old}Größe`).toString("utf8"), "latin1"),
  utf8Bom: (bytes) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]),
  mixedLineEnds: (bytes, random) =>
    Buffer.from(
      bytes.toString("utf8").replace(/\n/g, () => pick(["\n", "\r\n", "\r\n", "\r"], random)),
      "utf8"
    ),
  giantField: (bytes, random) => oneDataCell(bytes, random, () => "x".repeat(100_000 + int(200_000, random))),
  strangeNumber: (bytes, random) =>
    oneDataCell(bytes, random, () =>
      pick(["NaN", "nan", "Infinity", "-inf", "1e400", "1e308", "-0", "0x1F", "1,5"], random)
    ),
  extremeDate: (bytes, random) =>
    oneDataCell(bytes, random, () =>
      pick(
        [
          "0001-01-01",
          "9999-12-31",
          "1969-12-31T23:59:59Z",
          "2099-12-31",
          "2038-01-19T03:14:08Z",
          "0000-00-00",
          "2025-02-30",
          "-1"
        ],
        random
      )
    ),
  duplicateRows: (bytes, random) => {
    const rows = lines(bytes);
    const copies = Array.from({length: 1 + int(3, random)}, () => rows[1 + int(Math.max(1, rows.length - 1), random)]);
    return text([...rows, ...copies.filter((d) => d !== undefined)], lineEnd(bytes));
  },
  dropLines: (bytes, random) => {
    const rows = lines(bytes);
    const drop = new Set(Array.from({length: 1 + int(3, random)}, () => int(rows.length, random)));
    return text(
      rows.filter((_, i) => !drop.has(i)),
      lineEnd(bytes)
    );
  },
  raggedRow: (bytes, random) => oneDataCell(bytes, random, (old) => pick([`${old},extra`, ""], random)),
  nulByte: (bytes, random) => {
    const at = int(bytes.length, random);
    return Buffer.concat([bytes.subarray(0, at), Buffer.from([0]), bytes.subarray(at)]);
  },
  headerOnly: (bytes) => text([lines(bytes)[0]], lineEnd(bytes)),
  empty: () => Buffer.alloc(0),
  // A "formatted" report's title above the header: its name, run date and user, filters, often a blank line.
  reportTitle: (bytes, random) => {
    const title = ['"Leads with history"', "As of 12/5/2025 3:59 AM by Petra Schmidt", "Filtered By:,Source = Web", ""];
    const above = title.slice(int(title.length, random));
    return Buffer.concat([text(above.length ? above : [title[0]], lineEnd(bytes)), bytes]);
  }
};

/** The names of all mutations, in a fixed order (so a seed always means the same cases). */
export const mutationNames = Object.keys(mutations);
