import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import {describe, expect, it} from "vitest";
import {csvHeader, fileBytes, headerLine, splitCsvLine} from "../../../loaders/pipeline/csv-header.js";
import {withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {buildHandoffModel} from "../../../loaders/pipeline/handoff-model.js";
import {locateInput} from "../../../loaders/pipeline/input.js";
import {handoffLadder} from "../../../src/lib/core/ladder.js";
import {temporaryDirectory} from "../../helpers/temporary.js";

describe("splitCsvLine", () => {
  it("splits at the delimiter outside quotes, unescapes doubled quotes and trims each field", () => {
    expect(splitCsvLine('a, "b,c" ,"say ""hi"""', ",")).toEqual(["a", "b,c", 'say "hi"']);
    expect(splitCsvLine("a;b,c", ";")).toEqual(["a", "b,c"]);
  });

  it("gives a line without a delimiter, a footer line say, one field", () => {
    expect(splitCsvLine('"Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved."', ",")).toHaveLength(1);
    expect(splitCsvLine("", ",")).toEqual([""]);
  });
});

describe("csvHeader", () => {
  it("takes the delimiter that splits the header most, or Excel's sep= line above it, and names a nameless column", () => {
    const file = (text: string) => {
      const path = join(temporaryDirectory(), "leads.csv");
      writeFileSync(path, text);
      return path;
    };
    expect(csvHeader(file("\uFEFFlead_id;created_at;campaign\nL1;2025-01-01;x\n"))).toEqual({
      delimiter: ";",
      columns: ["lead_id", "created_at", "campaign"],
      skip: 0,
      notes: []
    });
    expect(csvHeader(file('"sep=,"\nlead_id,"created; at",\n'))).toEqual({
      delimiter: ",",
      columns: ["lead_id", "created; at", "(unnamed column 3)"],
      skip: 1,
      notes: ["leads.csv: (unnamed column 3) has no name in the header: ignored"]
    });
    expect(() => csvHeader(file("lead_id,Email,email\n"))).toThrow(/differ only in case/);
  });
});

describe("headerLine", () => {
  const names = (column: string) => ["lead id", "created", "campaign"].includes(column.toLowerCase());
  const data = ["Lead ID;Created;Campaign;Notes", "L1;2025-01-01;Webinar;x", "L2;2025-01-02;Campaign;y", ""];

  it("finds the header under a report's title, date, filters and a blank line, in any delimiter", () => {
    const title = ['"Leads by campaign"', "As of 30.11.2026 10:00", "Filtered By:;Lead Source equals Web", ""];
    expect(headerLine([...title, ...data], 0, undefined, names)).toBe(4);
    expect(headerLine([...title, ...data], 0, ";", names)).toBe(4);
    // Excel's sep= line is counted before the search starts.
    expect(headerLine(["sep=;", ...title, ...data], 1, ";", names)).toBe(5);
  });

  it("keeps the first line where it names a column, or where no later line names two", () => {
    expect(headerLine(data, 0, undefined, names)).toBe(0);
    // A later line naming more (a campaign called "Campaign" and a note "Lead ID") is data under a header.
    expect(headerLine([...data.slice(0, 2), "L3;2025-01-03;Campaign;Lead ID", ""], 0, undefined, names)).toBe(0);
    // Without a header, one value equal to a column's name does not make its line the header.
    expect(headerLine(data.slice(1), 0, undefined, names)).toBe(0);
    expect(headerLine(["no header here", "L1;2025-01-01", ""], 0, undefined, names)).toBe(0);
    // The last line of the start read may be cut off: never taken.
    expect(headerLine(["Report", "Lead ID;Created"], 0, undefined, names)).toBe(0);
  });
});

describe("csvHeader under a report's title", () => {
  it("skips the title's lines, takes the header's delimiter and says which lines it did not read", () => {
    const path = join(temporaryDirectory(), "report.csv");
    writeFileSync(path, "Leads by campaign\nAs of 30.11.2026\n\nLead ID,Created,Campaign\nL1,2025-01-01,Webinar\n");
    const names = (column: string) => ["Lead ID", "Created"].includes(column);
    expect(csvHeader(path, {}, names)).toEqual({
      delimiter: ",",
      columns: ["Lead ID", "Created", "Campaign"],
      skip: 3,
      notes: ["report.csv: header found on line 4, under a report's title: lines 1–3 not read"]
    });
    // Without names to look for (the campaign costs' file), the first line is the header.
    expect(csvHeader(path).skip).toBe(0);
  });
});

describe("fileBytes", () => {
  it("reads from the start or from any position, fewer bytes where the file ends", () => {
    const path = join(temporaryDirectory(), "bytes.bin");
    writeFileSync(path, "0123456789");
    expect(fileBytes(path, 4).toString()).toBe("0123");
    expect(fileBytes(path, 4, 8).toString()).toBe("89");
  });
});

describe("a CSV export formatted as a report: its title above the header, its footer under the data", () => {
  /** What a formatted report puts above its header: its name, when and by whom, its filters, a blank line. */
  const title = [
    '"Leads with events"',
    '"As of 12/5/2025 3:59 AM by Petra Schmidt"',
    '"Filtered By:"',
    '"    Lead Source equals Web"',
    ""
  ];
  const footer = ["", '"Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved."', '"Acme, Inc."'];
  const leads = readFileSync("test/fixtures/small/leads.csv", "utf8").trimEnd().split("\n");

  it("reads the same rows, numbered as without the title, plain and gzipped; the title is never quoted", async () => {
    const plain = await modelOf("leads.csv", leads.join("\n") + "\n");
    // Each case: the file's name, its bytes, its footer's lines (rows read, each rejected).
    const cases: [string, string | Buffer, number][] = [
      ["leads.csv", [...title, ...leads].join("\n") + "\n", 0],
      ["leads.csv", [...title, ...leads, ...footer].join("\r\n"), 2],
      // Excel for Mac's "CSV (Macintosh)": a bare CR ends each line; DuckDB counts the title's lines alike.
      ["leads.csv", [...title, ...leads].join("\r") + "\r", 0],
      ["leads.csv.gz", gzipSync([...title, ...leads, ...footer].join("\n") + "\n"), 2]
    ];
    for (const [name, content, footerLines] of cases) {
      const model = await modelOf(name, content);
      const {read, rejected} = plain.file;
      expect(model.file).toEqual({
        ...plain.file,
        file: name,
        read: read + footerLines,
        rejected: rejected + footerLines
      });
      expect(model.rejects.slice(0, 3)).toEqual(plain.rejects);
      expect(model.handoffs).toEqual(plain.handoffs);
      expect(JSON.stringify(model.rejects)).not.toMatch(/Schmidt|Lead Source/);
    }
  });

  /** The model of the small fixture with its leads file as `name` holding `content`. */
  async function modelOf(name: string, content: string | Buffer) {
    const folder = temporaryDirectory();
    writeFileSync(join(folder, name), content);
    writeFileSync(join(folder, "events.csv"), readFileSync("test/fixtures/small/events.csv"));
    return withDatabase(async (db) => {
      const summary = await buildHandoffModel(db, locateInput(folder), handoffLadder, Date.parse("2026-01-01"));
      const rejects = await db.all(
        "SELECT row, field, reason, value FROM rejects WHERE file LIKE 'leads%' ORDER BY row"
      );
      const handoffs = await db.all("SELECT lead_id, stage_at_handoff, outcome FROM handoffs ORDER BY lead_id");
      return {file: summary.files[0], rejects, handoffs};
    });
  }
});
