// A lead id that a file repeats: the first row by file order is the lead, and a later row is rejected whole, with
// everything derived from it (a win/loss export's won date and amount on the same row), counted once per row.

import {describe, expect, it} from "vitest";

import {rejectReasons} from "../../../loaders/pipeline/reject-reasons.js";
import {validateProfile} from "../../../loaders/import/profile.js";
import {profileModel} from "../../helpers/profile-model.js";

const profile = validateProfile({
  name: "deals",
  description: "One row per opportunity: created, handed off and won dates with the amount.",
  files: {deals: {}},
  leads: {file: "deals", fields: {lead_id: "id", created_at: "created"}},
  events: [
    {
      shape: "wide",
      file: "deals",
      leadId: "id",
      milestones: [
        {column: "handoff", type: "handed_off"},
        {column: "won", type: "won", value: "amount"}
      ]
    }
  ]
});

describe("a lead id repeated in a file", () => {
  it("keeps the first row by file order and rejects a later one whole: no event of it merges into the lead", async () => {
    const deals = [
      "id,created,handoff,won,amount",
      "A,2025-01-01,2025-01-02,2025-02-01,1000",
      "B,2025-01-01,2025-01-03,,",
      // The same id again, with another won date and amount ("999" sorts before "1000" as text).
      "A,2025-01-01,2025-01-02,2025-03-01,999",
      "A,2025-01-05,2025-01-06,,"
    ];
    const result = await profileModel(profile, {deals}, async (db, summary) => {
      const won = await db.all<{lead_id: string; value: string}>(
        "SELECT l.lead_id, e.value FROM events e JOIN leads l ON l.row = e.lead_row WHERE e.type = 'won'"
      );
      return {summary, won, reasons: await rejectReasons(db, "rejects")};
    });
    expect(result.summary.files).toEqual([{file: "deals.csv", read: 4, used: 2, rejected: 2, partlyRejected: 0}]);
    expect(result.won).toEqual([{lead_id: "A", value: "1000"}]);
    expect(result.reasons.map((d) => [d.reason, d.count])).toEqual([["duplicate lead_id", 2]]);
  });
});
