// Which rows of a section's file are its events: a long section's `when`, statuses mapped to no event, and a lead
// found through another column of the leads file (`leadKey`). A row is no event only when no section of its file
// takes it; a row one section takes and rejects stays a reject.

import {describe, expect, it} from "vitest";

import {validateProfile} from "../../../loaders/import/profile.js";
import {profileModel} from "../../helpers/profile-model.js";

const profile = validateProfile({
  name: "history",
  description: "Leads, a field history with status and evidence rows, and deals keyed by the converted deal id.",
  files: {leads: {}, history: {}, deals: {}},
  leads: {file: "leads", fields: {lead_id: "id", created_at: "created"}},
  events: [
    {
      shape: "long",
      file: "history",
      leadId: "lead",
      when: {column: "field", values: ["Status"]},
      at: "at",
      type: {column: "new", values: {Working: "handed_off", Open: false}}
    },
    {
      shape: "long",
      file: "history",
      leadId: "lead",
      when: {column: "new", values: ["true"]},
      at: "at",
      type: {column: "field", values: {Fit: "icp_fit", Role: "role_known"}}
    },
    {
      shape: "long",
      file: "deals",
      leadId: "deal",
      leadKey: "converted_deal",
      at: "closed",
      type: {column: "stage", values: {Won: "won"}},
      value: "amount"
    }
  ]
});

const files = {
  leads: ["id,created,converted_deal", "A,2025-01-01,D1", "B,2025-01-02,"],
  history: [
    "lead,field,at,new",
    "A,Fit,2025-01-02,true",
    "A,Role,2025-01-02,true",
    "A,Status,2025-01-03,Working",
    "B,Status,2025-01-03,Open",
    "B,Rating,2025-01-04,Hot",
    "B,Fit,2025-01-04,false",
    "B,Status,2025-01-05,Qualified"
  ],
  deals: ["deal,stage,closed,amount", "D1,Won,2025-02-01,900", "D9,Won,2025-02-02,50"]
};

describe("sectionScope", () => {
  it("takes a history's Status and evidence rows apart and finds a deal's lead by the converted deal id", async () => {
    const result = await profileModel(profile, files, async (db, summary) => ({
      summary,
      handoffs: await db.all(
        "SELECT lead_id, stage_at_handoff AS stage, outcome, amount::DOUBLE AS amount FROM handoffs"
      ),
      rejects: await db.all("SELECT file, row, field, reason FROM rejects ORDER BY file, row")
    }));
    expect(result.handoffs).toEqual([{lead_id: "A", stage: 2, outcome: "won", amount: 900}]);
    // Row 7 ("Qualified") is a Status row the first section takes and cannot map: a reject, never "no event".
    expect(result.rejects).toEqual([{file: "history.csv", row: 7, field: "new", reason: "unknown event type"}]);
    expect(result.summary.files).toEqual([
      {file: "leads.csv", read: 2, used: 2, rejected: 0, partlyRejected: 0},
      {file: "history.csv", read: 7, used: 3, rejected: 1, partlyRejected: 0, notEvents: 3},
      {file: "deals.csv", read: 2, used: 1, rejected: 0, partlyRejected: 0, notEvents: 1}
    ]);
  });
});
