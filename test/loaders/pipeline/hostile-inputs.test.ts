/**
 * A generated corpus of malformed and hostile inputs. Each case starts from a small valid export in the canonical
 * model, breaks one thing, and asserts either one clear error naming the file, or the exact reject (file, row,
 * field, reason) and the exact reconciliation: nothing may vanish.
 */
import {describe, expect, it} from "vitest";
import {rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {buildHandoffModel} from "../../../loaders/pipeline/handoff-model.js";
import {locateInput} from "../../../loaders/pipeline/input.js";
import {reportFooterReason} from "../../../loaders/pipeline/report-footer.js";
import {blankRowReason} from "../../../loaders/pipeline/blank-rows.js";
import {handoffLadder} from "../../../src/lib/core/ladder.js";
import {extractOf, modelOf, temporaryDirectory} from "../../helpers/model.js";
import {en} from "../../../src/lib/i18n/en.js";
import {fieldText, reasonForm} from "../../../src/lib/i18n/reject-reasons.js";

const leadsHeader = "lead_id,created_at,campaign,source";
const eventsHeader = "lead_id,at,type,value";
const baseLeads = ["A,2025-01-01,Spring webinar,Events", "B,2025-01-01,Spring webinar,Events"];
const baseEvents = ["A,2025-01-02,handed_off,", "A,2025-01-10,won,1000", "B,2025-01-03,handed_off,"];

interface Expected {
  file: "leads.csv" | "events.csv";
  row: number;
  field: string;
  reason: string | RegExp;
}

interface Case {
  name: string;
  leads?: string[];
  events?: string[];
  /** Raw bytes for a file, replacing the generated text entirely. */
  leadsBytes?: Buffer;
  eventsBytes?: Buffer;
  /** A dataset.json beside the files. */
  dataset?: object;
  /** The one reject of the case, or one per file where a case rejects a row of each. */
  reject?: Expected | Expected[];
  flag?: string;
  error?: RegExp;
  /** For inputs that must be kept: a check on the model. */
  check?: (model: Model) => void;
}

interface Model {
  dataEnd: string | null;
  files: {file: string; read: number; used: number; rejected: number}[];
  rejects: {file: string; row: number; field: string; reason: string}[];
  flags: {reason: string}[];
  leads: {lead_id: string; campaign: string | null}[];
  handoffs: {lead_id: string; outcome: string; handoff_seq: number}[];
}

async function build(c: Case): Promise<Model> {
  const directory = temporaryDirectory("leadstage-hostile-");
  writeFileSync(
    join(directory, "leads.csv"),
    c.leadsBytes ?? [leadsHeader, ...(c.leads ?? baseLeads)].join("\n") + "\n"
  );
  writeFileSync(
    join(directory, "events.csv"),
    c.eventsBytes ?? [eventsHeader, ...(c.events ?? baseEvents)].join("\n") + "\n"
  );
  if (c.dataset) writeFileSync(join(directory, "dataset.json"), JSON.stringify(c.dataset));
  return withDatabase(async (db) => {
    const summary = await buildHandoffModel(db, locateInput(directory), handoffLadder, buildClock);
    return {
      dataEnd: summary.dataEnd,
      files: summary.files,
      rejects: (await db.all("SELECT file, row, field, reason FROM rejects ORDER BY file, row")) as Model["rejects"],
      flags: (await db.all("SELECT reason FROM flags")) as Model["flags"],
      leads: (await db.all("SELECT lead_id, campaign FROM leads ORDER BY row")) as Model["leads"],
      handoffs: (await db.all(
        "SELECT lead_id, outcome, handoff_seq FROM handoffs ORDER BY lead_id, handoff_seq"
      )) as Model["handoffs"]
    };
  });
}

/** The build's clock for every case, so that "after the build date" reads the same on any day. */
const buildClock = Date.parse("2026-06-30T12:00:00Z");

const cases: Case[] = [];
const lead = (row: string): Case => ({name: "", leads: [...baseLeads, row]});
const event = (row: string): Case => ({name: "", events: [...baseEvents, row]});

// Dates no supported format reads, in a lead's creation date and in an event's date.
const badDates = [
  "31/02/2024",
  "2024-13-01",
  "2024-02-30",
  "2025-02-29",
  "yesterday",
  "0",
  "01-02-2025",
  "25-12-2024",
  "12/25/2024",
  "2024-01-01T25:00",
  "2024-01-01 24:61",
  "Jan 1 2025",
  "1.1.2025",
  "20250101",
  "2025-01",
  "2025",
  "1735689600",
  "2025-01-01T10:00:00 Z",
  "2025--01-01",
  "２０２５-01-01",
  "2025-01-01x",
  "N/A",
  "null",
  "TBD",
  "0000-00-00",
  "9999-99-99",
  "2025-01-32",
  "2025-00-10",
  "10:00",
  "2025-01-01T",
  "T10:00",
  "2025-W01",
  "2025-001",
  "Monday",
  "01.01.2025 10:00",
  "1e9",
  "2025_01_01",
  "2025.01.01",
  "infinity",
  "-infinity",
  "epoch",
  "2025-01-01 10:00:00 CET",
  "13/13/2013",
  "=NOW()",
  "+2025-01-01",
  "1899-12-31"
];
for (const date of badDates) {
  cases.push({
    ...lead(`C,${date},Spring webinar,Events`),
    name: `lead created ${JSON.stringify(date)}`,
    reject: {file: "leads.csv", row: 3, field: "created_at", reason: /^unparseable date \(expected ISO 8601/}
  });
  cases.push({
    ...event(`B,${date},accepted,`),
    name: `event at ${JSON.stringify(date)}`,
    reject: {file: "events.csv", row: 4, field: "at", reason: /^unparseable date \(expected ISO 8601/}
  });
}

// Event types that are not in the model, including formulas, markup and SQL.
const badTypes = [
  "meeting",
  "call",
  "won!",
  "handedoff",
  "hand_off",
  "handed off",
  "Handed-Off",
  "sales touch",
  "=cmd()",
  "+SUM(A1)",
  "-1+1",
  "@import",
  "<script>alert(1)</script>",
  "'; DROP TABLE leads; --",
  "null",
  "🙂",
  "wön",
  "won won",
  "lost;",
  "evidence",
  "icp",
  "budget",
  "1",
  "true",
  "opportunity2",
  "ACCEPTED!",
  "closed_won",
  "mql",
  "sql"
];
for (const type of badTypes) {
  const cell = /[",\n]/.test(type) ? `"${type.replaceAll('"', '""')}"` : type;
  cases.push({
    ...event(`B,2025-01-04,${cell},`),
    name: `event type ${JSON.stringify(type)}`,
    reject: {file: "events.csv", row: 4, field: "type", reason: "unknown event type"}
  });
}

// Spellings of known types that differ only in case or surrounding space are the same type.
for (const type of ["WON", " won ", "Won", "wOn"]) {
  cases.push({
    ...{events: ["A,2025-01-02,handed_off,", `A,2025-01-10,${type},1000`, "B,2025-01-03,handed_off,"]},
    name: `event type ${JSON.stringify(type)} is won`,
    check: (m) => expect(m.handoffs.find((d) => d.lead_id === "A")?.outcome).toBe("won")
  });
}

// Missing and unknown keys.
for (const id of ["", "   ", '""']) {
  cases.push({
    ...lead(`${id},2025-01-01,x,y`),
    name: `lead id ${JSON.stringify(id)}`,
    reject: {file: "leads.csv", row: 3, field: "lead_id", reason: "missing lead_id"}
  });
  cases.push({
    ...event(`${id},2025-01-04,accepted,`),
    name: `event lead id ${JSON.stringify(id)}`,
    reject: {file: "events.csv", row: 4, field: "lead_id", reason: "missing lead_id"}
  });
}
// A spreadsheet's unfilled rows (blank, spaces, SQL Server's NULL): a reason of their own, not "missing lead_id".
for (const row of [",,,", " , ,  ,", "NULL,,NULL,\\N"]) {
  cases.push({
    ...lead(row),
    name: `a blank leads row ${JSON.stringify(row)}`,
    reject: {file: "leads.csv", row: 3, field: "(whole row)", reason: blankRowReason}
  });
  cases.push({
    ...event(row),
    name: `a blank events row ${JSON.stringify(row)}`,
    reject: {file: "events.csv", row: 4, field: "(whole row)", reason: blankRowReason}
  });
}
for (const id of ["Z", "a", "b", "A-1", "AA", "=A", "0", "B ", "A\u200b", "ＡＢ"]) {
  const expectKnown = id === "B ";
  cases.push({
    ...event(`${id},2025-01-04,accepted,`),
    name: `event for lead ${JSON.stringify(id)}`,
    ...(expectKnown
      ? {check: (m: Model) => expect(m.files[1]).toMatchObject({used: 4, rejected: 0})}
      : {reject: {file: "events.csv", row: 4, field: "lead_id", reason: "unknown lead_id (not in the leads file)"}})
  });
}
cases.push({
  ...lead("C,,x,y"),
  name: "lead without creation date",
  reject: {file: "leads.csv", row: 3, field: "created_at", reason: "missing created_at"}
});
cases.push({
  ...event("B,,accepted,"),
  name: "event without date",
  reject: {file: "events.csv", row: 4, field: "at", reason: "missing date"}
});
cases.push({
  ...event("B,2025-01-04,,"),
  name: "event without type",
  reject: {file: "events.csv", row: 4, field: "type", reason: "missing type"}
});

// Duplicates.
for (const [i, row] of [
  "A,2025-01-01,Spring webinar,Events",
  "A,2025-02-01,Other,Other",
  "A,not a date,x,y",
  "B,2025-01-01,,"
].entries()) {
  cases.push({
    ...lead(row),
    name: `duplicate lead ${i + 1}`,
    reject: {file: "leads.csv", row: 3, field: "lead_id", reason: "duplicate lead_id"}
  });
}
for (const [i, row] of baseEvents.entries()) {
  cases.push({
    ...event(row),
    name: `duplicate event ${i + 1}`,
    reject: {file: "events.csv", row: 4, field: "(whole row)", reason: "duplicate event"}
  });
}
cases.push({
  ...event("A,2025-01-10T00:00:00Z,won,1000"),
  name: "the same event written another way is a duplicate",
  reject: {file: "events.csv", row: 4, field: "(whole row)", reason: "duplicate event"}
});
cases.push({
  ...event("A,2025-01-05,scorecard,budget=maybe"),
  name: "a scorecard answer with an option the scorecard does not have",
  reject: {file: "events.csv", row: 4, field: "value", reason: "unknown scorecard answer (expected question=option)"}
});
cases.push({
  leads: [...baseLeads, "C,yesterday,Spring webinar,Events"],
  events: [...baseEvents, "C,2025-01-05,handed_off,"],
  name: "an event of a rejected lead is rejected with it, for that reason",
  reject: [
    {file: "leads.csv", row: 3, field: "created_at", reason: /^unparseable date/},
    {file: "events.csv", row: 4, field: "lead_id", reason: "its lead was rejected"}
  ]
});
cases.push({
  ...event("A,2025-01-10,won,1001"),
  name: "a second won event with another amount is kept (the first ending decides) and flagged",
  flag: "won again (the first win and its amount count)",
  check: (m) => expect(m.files[1]).toMatchObject({used: 4, rejected: 0})
});
cases.push({
  events: [...baseEvents, "B,2025-02-01,lost,no budget", "B,2025-03-01,won,500"],
  name: "won after the deal was lost: kept, the loss counts, and the win is flagged",
  flag: "won after the deal was lost (the first ending counts)",
  check: (m) => expect(m.handoffs.find((d) => d.lead_id === "B")?.outcome).toBe("lost")
});
cases.push({
  events: [...baseEvents, "A,2025-02-01,disqualified,duplicate"],
  name: "lost after the deal was won: kept, the win counts, and the loss is flagged",
  flag: "lost after the deal was won (the first ending counts)",
  check: (m) => expect(m.handoffs.find((d) => d.lead_id === "A")?.outcome).toBe("won")
});
cases.push({
  events: [...baseEvents, "B,2025-02-01,lost,", "B,2025-02-02,handed_off,", "B,2025-03-01,won,500"],
  name: "a loss, a new handoff and then a win are two handoffs, not a contradiction",
  check: (m) => expect(m.handoffs.filter((d) => d.lead_id === "B").map((d) => d.outcome)).toEqual(["lost", "won"])
});
cases.push({
  events: [...baseEvents, "B,2025-02-01,recycled,", "B,2025-03-01,won,500"],
  name: "a win after recycling is a win later, not a contradiction",
  check: (m) => expect(m.flags).toEqual([])
});

// Events before the lead existed, and outcomes before any handoff.
for (const [i, row] of [
  "B,2024-12-31,icp_fit,",
  "B,2024-01-01,need_identified,",
  "B,2024-12-31T23:59:59Z,handed_off,",
  "B,1970-01-01,budget_confirmed,",
  "B,2024-12-31,disqualified,spam"
].entries()) {
  cases.push({
    ...event(row),
    name: `event before the lead was created ${i + 1}`,
    reject: {file: "events.csv", row: 4, field: "at", reason: "event before the lead was created"}
  });
}
// Dates outside the window the pages can show: before 1970 (and the 32-bit spans of the extract), after the export.
for (const [i, row] of [
  "A,1969-12-31T23:59:59Z,handed_off,",
  "A,1960-05-01,won,5",
  "B,1900-01-01,need_identified,"
].entries()) {
  cases.push({
    ...event(row),
    name: `event dated before 1970 ${i + 1}`,
    reject: {file: "events.csv", row: 4, field: "at", reason: "date before 1970-01-01"}
  });
}
cases.push({
  ...lead("C,1950-03-01,Old list,Import"),
  name: "a lead created in 1950",
  reject: {file: "leads.csv", row: 3, field: "created_at", reason: "date before 1970-01-01"}
});
for (const [i, row] of ["A,2099-12-31,lost,", "B,2026-06-30T12:00:01Z,accepted,"].entries()) {
  cases.push({
    ...event(row),
    name: `event after the build date ${i + 1}: rejected, and the data end stays where the data ends`,
    reject: {file: "events.csv", row: 4, field: "at", reason: "date after the build date (2026-06-30)"},
    check: (m) => expect(m.dataEnd).toBe("2025-01-10T00:00:00.000Z")
  });
}
cases.push({
  ...lead("C,2031-01-01,Typo,Web"),
  name: "a lead created after the build date",
  reject: {file: "leads.csv", row: 3, field: "created_at", reason: "date after the build date (2026-06-30)"}
});
cases.push({
  ...event("B,2025-01-11,accepted,"),
  dataset: {exportedAt: "2025-01-10T12:00:00Z"},
  name: "an event after the export date that dataset.json gives",
  reject: {file: "events.csv", row: 4, field: "at", reason: "date after the export date (2025-01-10)"}
});
cases.push({
  ...event("A,2026-06-30T12:00:00Z,sales_touch,2"),
  name: "an event at the build's very instant is kept",
  check: (m) => expect(m.dataEnd).toBe("2026-06-30T12:00:00.000Z")
});
cases.push({
  name: "an exportedAt that is not a date",
  dataset: {exportedAt: "last Tuesday"},
  error: /dataset\.json: exportedAt: "last Tuesday" is not an ISO 8601 date/
});
for (const type of ["accepted", "rejected", "recycled", "opportunity", "lost"]) {
  cases.push({
    ...event(`B,2025-01-02,${type},x`),
    name: `${type} before the first handoff`,
    reject: {file: "events.csv", row: 4, field: "at", reason: "outcome before any handoff"}
  });
}
cases.push({
  ...event("B,2025-01-02,sales_touch,1"),
  name: "sales touch before the first handoff",
  reject: {file: "events.csv", row: 4, field: "at", reason: "outcome before any handoff"}
});
cases.push({
  leads: [...baseLeads, "C,2025-01-01,x,y"],
  events: [...baseEvents, "C,2025-01-05,lost,no reply"],
  name: "an outcome of a lead never handed off",
  reject: {file: "events.csv", row: 4, field: "at", reason: "outcome before any handoff"}
});
cases.push({
  ...event("B,2025-01-02,won,500"),
  name: "a won deal dated before the handoff is kept and flagged",
  flag: "won before the first handoff",
  check: (m) => expect(m.handoffs.find((d) => d.lead_id === "B")?.outcome).toBe("won")
});
cases.push({
  ...event("B,2024-12-30,won,500"),
  name: "a won deal dated before the lead is kept and flagged",
  flag: "won before the lead was created"
});
cases.push({
  ...event("B,2025-01-02,disqualified,spam"),
  name: "marketing may disqualify a lead before any handoff",
  check: (m) => expect(m.files[1]).toMatchObject({used: 4, rejected: 0})
});

// Amounts and hours.
const values: [string, string, string][] = [
  ["won", "-1", "negative amount"],
  ["won", "-0.01", "negative amount"],
  ["won", "abc", "amount is not a number"],
  ["won", "1,000", "amount is not a number"],
  ["won", "€1000", "amount is not a number"],
  ["sales_touch", "", "sales_touch without hours"],
  ["sales_touch", "0", "hours must be positive"],
  ["sales_touch", "-2", "hours must be positive"],
  ["sales_touch", "two", "hours are not a number"],
  ["sales_touch", "1h", "hours are not a number"],
  // Non-finite and out-of-range numbers (NaN once passed every check, since it compares greater than 0).
  ["won", "inf", "amount is not a finite number"],
  ["won", "nan", "amount is not a finite number"],
  ["won", "1e400", "amount is not a finite number"],
  ["won", "2e12", "amount too large (over 1000000000000)"],
  ["sales_touch", "nan", "hours are not a finite number"],
  ["sales_touch", "inf", "hours are not a finite number"],
  ["sales_touch", "-inf", "hours are not a finite number"],
  ["sales_touch", "1e300", "hours too large (over 1000 for one touch)"]
];
for (const [type, value, reason] of values) {
  cases.push({
    ...event(`B,2025-01-05,${type},${value.includes(",") ? `"${value}"` : value}`),
    name: `${type} value ${JSON.stringify(value)}`,
    reject: {file: "events.csv", row: 4, field: "value", reason}
  });
}
for (const value of ["1e3", "1000.50", " 250 ", "0"]) {
  cases.push({
    ...event(`B,2025-01-05,won,${value}`),
    name: `won amount ${JSON.stringify(value)} is kept`,
    check: (m) => expect(m.files[1]).toMatchObject({used: 4, rejected: 0})
  });
}

// Huge fields.
cases.push({
  ...lead(`C,2025-01-01,${"x".repeat(1001)},y`),
  name: "a 1,001-character campaign",
  reject: {
    file: "leads.csv",
    row: 3,
    field: "campaign, source, segment, company_size or region",
    reason: "value too long (over 1000 characters)"
  }
});
cases.push({
  ...lead(`C,2025-01-01,${"x".repeat(100_000)},y`),
  name: "a 100,000-character campaign",
  reject: {
    file: "leads.csv",
    row: 3,
    field: "campaign, source, segment, company_size or region",
    reason: "value too long (over 1000 characters)"
  }
});
cases.push({
  ...lead(`${"C".repeat(201)},2025-01-01,x,y`),
  name: "a 201-character lead id",
  reject: {file: "leads.csv", row: 3, field: "lead_id", reason: "lead_id too long (over 200 characters)"}
});
cases.push({
  ...event(`B,2025-01-05,lost,${"r".repeat(1001)}`),
  name: "a 1,001-character lost reason",
  reject: {file: "events.csv", row: 4, field: "value", reason: "value too long (over 1000 characters)"}
});
cases.push({
  ...lead(`C,2025-01-01,${"x".repeat(1000)},y`),
  name: "a 1,000-character campaign is kept",
  check: (m) => expect(m.leads[2].campaign).toHaveLength(1000)
});

// What database tools write for a missing value: blank, like an empty cell (it was a campaign named "NULL").
cases.push({
  ...lead("C,2025-01-01,NULL,y"),
  name: "a campaign written as NULL (SQL Server's export) is unknown",
  check: (m) => expect(m.leads[2].campaign).toBeNull()
});
cases.push({
  ...event("B,2025-01-04,NULL,"),
  name: "an event type written as NULL is a missing type, not an unknown one",
  reject: {file: "events.csv", row: 4, field: "type", reason: "missing type"}
});
cases.push({
  ...lead("C,2025-01-01,\\N,y"),
  name: "a campaign written as \\N (MySQL's export) is unknown",
  check: (m) => expect(m.leads[2].campaign).toBeNull()
});

// Files joined with their header lines (a month's export appended to the last): each header again is a row.
const repeatedHeader = "repeated header line (files joined with their headers)";
cases.push({
  ...lead(leadsHeader),
  name: "the leads file's header line again",
  reject: {file: "leads.csv", row: 3, field: "(whole row)", reason: repeatedHeader}
});
cases.push({
  ...event(eventsHeader),
  name: "the events file's header line again",
  reject: {file: "events.csv", row: 4, field: "(whole row)", reason: repeatedHeader}
});

// A report's footer under the rows (Salesforce's report export): each line a reject, never quoted (it names a user).
cases.push({
  name: "a report's footer under the events",
  events: [...baseEvents, "", '"Generated By:  Petra Schmidt  12/5/2025 3:59 AM"'],
  reject: {file: "events.csv", row: 4, field: "(whole row)", reason: reportFooterReason}
});

// A NUL character in text: a damaged byte. The first 8 KB of a UTF-8 file are checked for one whole (a binary file);
// past them, or in a UTF-16 file, it reached the handoffs' sort and stopped the build with DuckDB's parser error.
const damaged = "NUL character in the value (damaged text)";
cases.push({
  name: "a NUL character in a campaign past the first 8 KB",
  leads: [
    ...baseLeads,
    ...Array.from({length: 9}, (_, i) => `P${i},2025-01-01,${"x".repeat(1000)},y`),
    "C,2025-01-01,Spr\u0000ing,y"
  ],
  reject: {file: "leads.csv", row: 12, field: "campaign", reason: damaged}
});
cases.push({
  name: "a NUL character in a source of a UTF-16 file",
  leadsBytes: Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from(`${leadsHeader}\n${baseLeads.join("\n")}\nC,2025-01-01,x,Eve\u0000nts\n`, "utf16le")
  ]),
  reject: {file: "leads.csv", row: 3, field: "source", reason: damaged}
});
cases.push({
  name: "a NUL character in a lost reason of a UTF-16 file",
  eventsBytes: Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from(`${eventsHeader}\n${baseEvents.join("\n")}\nB,2025-01-05,lost,no bud\u0000get\n`, "utf16le")
  ]),
  reject: {file: "events.csv", row: 4, field: "value", reason: damaged}
});

// Quotes, separators and line breaks inside values, and formula-looking cells, are kept exactly.
const tricky = [
  'Webinar, "Cloud" 2024',
  "Line one\nline two",
  "semi;colon",
  "tab\there",
  "pipe | pipe",
  "'quoted'",
  '""',
  "=cmd()",
  "+1",
  "@SUM(1)",
  "-1+1",
  "<b>bold</b>",
  "Straße & Café",
  "東京キャンペーン"
];
for (const value of tricky) {
  const cell = `"${value.replaceAll('"', '""')}"`;
  cases.push({
    ...lead(`C,2025-01-01,${cell},y`),
    name: `campaign ${JSON.stringify(value)} is kept exactly`,
    check: (m) => expect(m.leads[2].campaign).toBe(value)
  });
}

// Out-of-order histories give the same handoffs as ordered ones.
cases.push({
  events: [...baseEvents].reverse(),
  name: "events in reverse order",
  check: (m) =>
    expect(m.handoffs).toEqual([
      {lead_id: "A", outcome: "won", handoff_seq: 1},
      {lead_id: "B", outcome: "open", handoff_seq: 1}
    ])
});
cases.push({
  events: [
    "B,2025-03-01,handed_off,",
    "A,2025-01-10,won,1000",
    "B,2025-02-01,recycled,later",
    "A,2025-01-02,handed_off,",
    "B,2025-01-03,handed_off,"
  ],
  name: "a recycled lead's second handoff listed first",
  check: (m) => expect(m.handoffs.filter((d) => d.lead_id === "B").map((d) => d.outcome)).toEqual(["recycled", "open"])
});

// Malformed files: each one clear error naming the file.
cases.push({name: "an empty leads file", leadsBytes: Buffer.from(""), error: /leads\.csv is empty$/});
cases.push({
  name: "a leads file with a header only",
  leadsBytes: Buffer.from(leadsHeader + "\n"),
  error: /leads\.csv: a header and no data rows$/
});
cases.push({
  name: "a binary events file",
  eventsBytes: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0xff, 0xfe]),
  error: /events\.csv looks like a binary file/
});
cases.push({
  name: "a ragged row (too many fields)",
  events: [...baseEvents, "B,2025-01-04,accepted,,extra"],
  error: /events\.csv: cannot be read: rows have different numbers of fields \(line 5\)/
});
cases.push({
  name: "a ragged row (too few fields)",
  leads: [...baseLeads, "C,2025-01-01"],
  error: /leads\.csv: cannot be read: rows have different numbers of fields \(line 4\)/
});
cases.push({
  name: "mixed encodings",
  leadsBytes: Buffer.concat([
    Buffer.from(`${leadsHeader}\nA,2025-01-01,Caf`),
    Buffer.from([0xe9]),
    Buffer.from(",x\n")
  ]),
  error: /leads\.csv: cannot be read: not valid UTF-8/
});
cases.push({
  name: "a header without a required column",
  leadsBytes: Buffer.from("id,created_at\nA,2025-01-01\n"),
  error: /leads\.fields\.lead_id: column "lead_id" is not in leads\.csv \(columns: id, created_at\)/
});
cases.push({
  name: "a file without its header line: the first row, maybe personal, is not repeated",
  leadsBytes: Buffer.from("L1,2025-01-01,Erika Mustermann,erika@example.com\nL2,2025-01-02,Max,max@example.com\n"),
  error:
    /^profile canonical: leads\.fields\.lead_id: column "lead_id" is not in leads\.csv \(its first line does not look like a header: is the header line missing\?\)$/
});
cases.push({
  name: "a header naming a column twice",
  leadsBytes: Buffer.from("lead_id,created_at,lead_id\nA,2025-01-01,A\n"),
  error: /leads\.csv: header names column "lead_id" twice/
});
cases.push({
  name: "a header with a blank column name: the column is read past, every row kept",
  leadsBytes: Buffer.from("lead_id,,created_at\nA,x,2025-01-01\nB,,2025-01-01\n"),
  check: (m) => expect(m.files[0]).toMatchObject({read: 2, used: 2})
});
cases.push({
  name: "a trailing delimiter on every line (an unnamed last column): every row kept",
  leadsBytes: Buffer.from("lead_id,created_at,\nA,2025-01-01,\nB,2025-01-02,\n"),
  check: (m) => expect(m.files[0]).toMatchObject({read: 2, used: 2})
});
cases.push({
  name: "a byte-order mark is not part of the first column's name",
  leadsBytes: Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(`${leadsHeader}\n${baseLeads.join("\n")}\n`)
  ]),
  check: (m) => expect(m.files[0]).toMatchObject({read: 2, used: 2})
});
cases.push({
  name: "semicolons as the delimiter are recognised from the header",
  leadsBytes: Buffer.from(
    "lead_id;created_at;campaign;source\nA;2025-01-01;Spring, webinar;Events\nB;2025-01-01;x;y\n"
  ),
  check: (m) => expect(m.leads[0].campaign).toBe("Spring, webinar")
});
cases.push({
  name: "an Excel 'sep=;' line above the header: the delimiter, and no row",
  leadsBytes: Buffer.from(
    "sep=;\r\nlead_id;created_at;campaign;source\r\nA;2025-01-01;Spring, webinar;Events\r\nB;2025-01-01;x;y\r\nC;soon;x;y\r\n"
  ),
  reject: {file: "leads.csv", row: 3, field: "created_at", reason: /^unparseable date/},
  check: (m) => expect(m.leads[0].campaign).toBe("Spring, webinar")
});
cases.push({
  name: "Windows line endings",
  leadsBytes: Buffer.from(`${leadsHeader}\r\n${baseLeads.join("\r\n")}\r\n`),
  check: (m) => expect(m.files[0]).toMatchObject({read: 2, used: 2})
});

describe("a rejected value that could be personal", () => {
  it("is never repeated: a too-long lead ID is shown by its length only, also in the site's examples", async () => {
    const directory = temporaryDirectory("leadstage-hostile-");
    const personal = `Erika Mustermann erika.mustermann@example.com ${"x".repeat(200)}`;
    writeFileSync(
      join(directory, "leads.csv"),
      [leadsHeader, ...baseLeads, `${personal},2025-01-01,x,y`].join("\n") + "\n"
    );
    writeFileSync(join(directory, "events.csv"), [eventsHeader, ...baseEvents].join("\n") + "\n");
    const {overview, rejects} = await modelOf(directory);
    rmSync(directory, {recursive: true, force: true});
    expect(rejects.map((d) => d.value)).toEqual([`(${personal.length} characters, not shown)`]);
    expect(JSON.stringify(overview)).not.toContain("Mustermann");
  });

  it("keeps 20,000 sales hours on one handoff exact in the extract (no overflow)", async () => {
    const directory = temporaryDirectory("leadstage-hostile-");
    const touches = Array.from({length: 25}, (_, i) => `B,2025-01-${String(4 + i).padStart(2, "0")},sales_touch,800`);
    writeFileSync(join(directory, "leads.csv"), [leadsHeader, ...baseLeads].join("\n") + "\n");
    writeFileSync(join(directory, "events.csv"), [eventsHeader, ...baseEvents, ...touches].join("\n") + "\n");
    const extract = await extractOf(directory);
    rmSync(directory, {recursive: true, force: true});
    expect(Math.max(...extract.columns.salesHours)).toBe(20_000);
  });
});

describe("hostile and malformed inputs", () => {
  it("has at least 200 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_, c) => {
    if (c.error) {
      await expect(build(c)).rejects.toThrow(c.error);
      return;
    }
    const model = await build(c);
    // Nothing vanishes: every row read is used or rejected, in every case.
    for (const file of model.files) expect(file.used + file.rejected).toBe(file.read);
    const expected = c.reject === undefined ? [] : [c.reject].flat();
    expect(model.rejects).toHaveLength(expected.length);
    for (const want of expected) {
      const reject = model.rejects.find((d) => d.file === want.file);
      expect(reject && {file: reject.file, row: reject.row, field: reject.field}).toEqual({
        file: want.file,
        row: want.row,
        field: want.field
      });
      if (typeof want.reason === "string") expect(reject!.reason).toBe(want.reason);
      else expect(reject!.reason).toMatch(want.reason);
      expect(model.files.find((d) => d.file === want.file)!.rejected).toBe(1);
    }
    if (c.flag) expect(model.flags.map((d) => d.reason)).toEqual([c.flag]);
    // Every reason is one the pages translate (src/lib/i18n/reject-reasons.ts), and its English form is the pipeline's.
    for (const reason of [...model.rejects, ...model.flags].map((d) => d.reason)) {
      const form = reasonForm(reason);
      expect(form, reason).toBeDefined();
      recognised.add(form!.key);
    }
    for (const reject of model.rejects) expect(fieldText(reject.field, "de"), reject.field).not.toBe("(whole row)");
    c.check?.(model);
  });

  it("gives, across the cases, every reason the pipeline's validation writes (so each translation is checked)", () => {
    // The importer's own reasons (joins, rows that map to nothing) are checked by its tests.
    const importer = ["noJoinedRow", "duplicateJoinKey", "matchesNoLead", "matchesNoJoinedRow", "nothingToImport"];
    const expected = Object.keys(en).filter((k) => k.startsWith("reason.") && !importer.includes(k.slice(7)));
    expect([...recognised].sort()).toEqual(expected.sort());
  });
});

/** The reason messages the cases above produced. */
const recognised = new Set<string>();
