import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {buildHandoffModel} from "../../../loaders/pipeline/handoff-model.js";
import {withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {normalizedFields} from "../../../loaders/pipeline/normalize-dimensions.js";
import {validateProfile} from "../../../loaders/import/profile.js";
import {handoffLadder} from "../../../src/lib/core/ladder.js";
import {temporaryDirectory} from "../../helpers/temporary.js";

const profile = validateProfile({
  name: "spellings",
  description: "Sources typed by hand.",
  files: {leads: {}, events: {}},
  leads: {
    file: "leads",
    fields: {lead_id: "id", created_at: "created", source: {column: "source", normalize: true}, campaign: "campaign"}
  },
  events: [{shape: "long", file: "events", leadId: "id", at: "at", type: "type"}]
});

describe("normalised lead fields", () => {
  it("are the fields a profile marks", () => {
    expect(normalizedFields(profile)).toEqual(["source"]);
  });

  it("make spellings that differ in case or spacing one value, the most common spelling; other fields stay as written", async () => {
    const directory = temporaryDirectory();
    const rows = [
      "id,created,source,campaign",
      "A,2025-01-01,Google,Spring",
      "B,2025-01-01,google,spring",
      "C,2025-01-01,Google ,Spring",
      "D,2025-01-01,  Partner   referral,Spring",
      "E,2025-01-01,partner referral,Spring",
      "F,2025-01-01,,Spring"
    ];
    writeFileSync(join(directory, "leads.csv"), rows.join("\n") + "\n");
    writeFileSync(join(directory, "events.csv"), "id,at,type\nA,2025-01-02,handed_off\n");
    const paths = {leads: join(directory, "leads.csv"), events: join(directory, "events.csv")};
    const leads = await withDatabase(async (db) => {
      await buildHandoffModel(db, {profile, paths}, handoffLadder, Date.parse("2025-06-01"));
      return db.all<{source: string | null; campaign: string}>("SELECT source, campaign FROM leads ORDER BY lead_id");
    });
    expect(leads.map((d) => d.source)).toEqual([
      "Google",
      "Google",
      "Google",
      "Partner referral",
      "Partner referral",
      null
    ]);
    expect(leads.map((d) => d.campaign)).toEqual(["Spring", "spring", "Spring", "Spring", "Spring", "Spring"]);
  });

  it("are for the descriptive lead fields only", () => {
    const wrong = structuredClone(profile);
    wrong.leads.fields.lead_id = {column: "id", normalize: true};
    expect(() => validateProfile(wrong, "p.json")).toThrow("p.json: leads.fields.lead_id.normalize: only campaign");
  });
});
