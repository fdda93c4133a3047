// A status that is no event (an open deal's "Prospecting") is read and counted as such: not an event, not a reject.
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {buildHandoffModel} from "../../../loaders/pipeline/handoff-model.js";
import {withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {validateProfile} from "../../../loaders/import/profile.js";
import {handoffLadder} from "../../../src/lib/core/ladder.js";
import {temporaryDirectory} from "../../helpers/temporary.js";

const profile = validateProfile({
  name: "deals",
  description: "An opportunity export whose open stages are no events.",
  files: {leads: {}, deals: {}},
  leads: {file: "leads", fields: {lead_id: "id", created_at: "created"}},
  events: [
    {
      shape: "long",
      file: "deals",
      leadId: "id",
      at: "date",
      type: {column: "stage", values: {Handoff: "handed_off", Won: "won", Prospecting: false, Engaging: false}}
    }
  ]
});

describe("statuses mapped to no event", () => {
  it("are read and counted apart: read = used + rejected + no event, and make no event", async () => {
    const directory = temporaryDirectory();
    writeFileSync(join(directory, "leads.csv"), "id,created\nA,2025-01-01\nB,2025-01-01\n");
    writeFileSync(
      join(directory, "deals.csv"),
      [
        "id,date,stage",
        "A,2025-01-02,Handoff",
        "A,2025-01-03,Prospecting",
        "A,2025-02-01,Won",
        "B,2025-01-02,Handoff",
        "B,2025-01-05,Engaging",
        "B,2025-01-06,Closed Lost?"
      ].join("\n") + "\n"
    );
    const paths = {leads: join(directory, "leads.csv"), deals: join(directory, "deals.csv")};
    const {summary, events} = await withDatabase(async (db) => {
      const summary = await buildHandoffModel(db, {profile, paths}, handoffLadder, Date.parse("2025-06-01"));
      const events = await db.all<{type: string}>('SELECT type FROM events ORDER BY lead_row, "at"');
      return {summary, events};
    });
    expect(summary.files).toEqual([
      {file: "leads.csv", read: 2, used: 2, rejected: 0, partlyRejected: 0},
      {file: "deals.csv", read: 6, used: 3, rejected: 1, partlyRejected: 0, notEvents: 2}
    ]);
    expect(events.map((d) => d.type)).toEqual(["handed_off", "won", "handed_off"]);
  });

  it("belong in a long section's type map only", () => {
    const wrong = {
      ...profile,
      leads: {
        file: "leads",
        fields: {lead_id: "id", created_at: "created", source: {column: "src", values: {x: false}}}
      }
    };
    expect(() => validateProfile(wrong, "p.json")).toThrow("p.json: leads.fields.source.values.x: false (no event)");
  });
});
