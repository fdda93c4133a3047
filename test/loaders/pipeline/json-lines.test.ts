import {describe, expect, it} from "vitest";
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {buildHandoffModel} from "../../../loaders/pipeline/handoff-model.js";
import {InputError, locateInput} from "../../../loaders/pipeline/input.js";
import {jsonLinesKeys} from "../../../loaders/pipeline/json-lines.js";
import {handoffLadder} from "../../../src/lib/core/ladder.js";
import {temporaryDirectory} from "../../helpers/model.js";

/** DuckDB decides a JSON file's columns from a sample of its first 20,480 lines; these cases lie beyond it. */
const sample = 20_480;

const line = (object: object) => JSON.stringify(object);
const events = [line({lead_id: "L1", at: "2025-01-03", type: "handed_off"})];

/** Writes leads.jsonl and events.jsonl (lines as given) into a new folder. */
function folder(leads: string[], eventLines: string[] = events): string {
  const directory = temporaryDirectory();
  writeFileSync(join(directory, "leads.jsonl"), leads.join("\n") + "\n");
  writeFileSync(join(directory, "events.jsonl"), eventLines.join("\n") + "\n");
  return directory;
}

/** The first `count` leads L0, L1, …, each a line with the given extra keys. */
const leads = (count: number, extra: (i: number) => object = () => ({})) =>
  Array.from({length: count}, (_, i) => line({lead_id: `L${i}`, created_at: "2025-01-01 10:00:00", ...extra(i)}));

/** The model's leads (campaign and ID), rejects and reconciliation. */
const modelOf = (directory: string) =>
  withDatabase(async (db) => {
    const summary = await buildHandoffModel(db, locateInput(directory), handoffLadder);
    return {
      files: summary.files,
      leads: await db.all<{lead_id: string; campaign: string | null}>(
        "SELECT lead_id, campaign FROM leads ORDER BY row"
      ),
      rejects: await db.all<{row: number; field: string; reason: string}>("SELECT row, field, reason FROM rejects"),
      amounts: await db.all<{amount: number}>("SELECT amount FROM handoffs WHERE amount IS NOT NULL ORDER BY amount")
    };
  });

describe("JSON Lines input", () => {
  it("keeps a key first seen after DuckDB's sample (it was dropped without a word)", async () => {
    const model = await modelOf(
      folder([...leads(sample + 1), line({lead_id: "C", created_at: "2025-01-01", campaign: "Late"})])
    );
    expect(model.leads.at(-1)).toEqual({lead_id: "C", campaign: "Late"});
    expect(model.files[0]).toMatchObject({read: sample + 2, used: sample + 2, rejected: 0});
  });

  it("rejects one bad date after the sample's good ones as a row, not the whole file", async () => {
    const model = await modelOf(folder([...leads(sample + 1), line({lead_id: "C", created_at: "yesterday"})]));
    expect(model.rejects).toEqual([
      {row: sample + 2, field: "created_at", reason: expect.stringMatching(/^unparseable date/)}
    ]);
  });

  it("reads a text ID after numeric ones as the text it is", async () => {
    const numeric = Array.from({length: sample + 1}, (_, i) => line({lead_id: i, created_at: "2025-01-01"}));
    const model = await modelOf(folder([...numeric, line({lead_id: "C", created_at: "2025-01-01"})]));
    expect(model.leads.slice(0, 2).map((d) => d.lead_id)).toEqual(["0", "1"]);
    expect(model.leads.at(-1)!.lead_id).toBe("C");
  });

  it("keeps the other rows' text as written when one row holds an object (it put every campaign in quotes)", async () => {
    const model = await modelOf(
      folder([
        ...leads(2, () => ({campaign: "Spring"})),
        line({lead_id: "C", created_at: "2025-01-01", campaign: {a: 1}})
      ])
    );
    expect(model.leads.map((d) => d.campaign)).toEqual(["Spring", "Spring", '{"a":1}']);
  });

  it("reads a number as an amount beside amounts written as text (the text ones were 'not a number')", async () => {
    const wins = [
      ...events,
      line({lead_id: "L1", at: "2025-01-05", type: "won", value: "1000"}),
      line({lead_id: "L0", at: "2025-01-03", type: "handed_off"}),
      line({lead_id: "L0", at: "2025-01-06", type: "won", value: 12.5})
    ];
    const model = await modelOf(folder(leads(2), wins));
    expect(model.rejects).toEqual([]);
    expect(model.amounts.map((d) => d.amount)).toEqual([12.5, 1000]);
  });

  it("lists the sample's keys in their order, then the later ones in sorted order", async () => {
    const directory = folder([...leads(sample + 1, () => ({b: 1, a: 2})), line({lead_id: "C", z: 1, y: 2})]);
    const keys = await withDatabase((db) => jsonLinesKeys(db, join(directory, "leads.jsonl")));
    expect(keys).toEqual(["lead_id", "created_at", "b", "a", "y", "z"]);
  });
});

describe("a JSON Lines file that cannot be read", () => {
  const personal = "erika.mustermann@example.com";
  const cases: [string, string[], RegExp][] = [
    ["a line that is not JSON", [...leads(3), "{lead_id: C"], /: line 4 is not valid JSON \(unexpected character\)/],
    ["an array line", [...leads(1), `["${personal}"]`], /: line 2 is an array, not a JSON object/],
    ["a value line", [...leads(2), `"${personal}"`], /: line 3 is a single value, not a JSON object/],
    ["a key twice", [...leads(1), `{"lead_id":"C","lead_id":"${personal}"}`], /: line 2 names the key "lead_id" twice/],
    ["a pretty-printed object", [...leads(1), '{\n "lead_id": "C"\n}'], /: line 2 is not valid JSON/],
    ["a byte-order mark", ["\ufeff" + leads(1)[0]], /: starts with a byte-order mark/],
    ["a JSON array of objects", [`[${leads(2).join(",")}]`], /: no line is a JSON object with keys/]
  ];
  it.each(cases)("%s: one line naming the file and the line, never the value", async (_, lines, message) => {
    const error = await modelOf(folder(lines)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain("leads.jsonl");
    expect((error as Error).message).not.toContain(personal);
    expect((error as Error).message).not.toContain("\n");
  });
});
