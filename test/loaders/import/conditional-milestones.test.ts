// A win/loss export has one close date per opportunity and a status saying how it closed: the close date is a win
// only where the status says Won, a loss only where it says Lost, and no event while the deal is open.

import {describe, expect, it} from "vitest";

import {validateProfile} from "../../../loaders/import/profile.js";
import {profileModel} from "../../helpers/profile-model.js";

const profile = validateProfile({
  name: "winloss",
  description: "One row per opportunity: engaged and close dates, and the status it closed with.",
  files: {deals: {}},
  leads: {file: "deals", fields: {lead_id: "id", created_at: "engaged"}},
  events: [
    {
      shape: "wide",
      file: "deals",
      leadId: "id",
      milestones: [
        {column: "engaged", type: "handed_off"},
        {column: "closed", type: "won", value: "amount", when: {column: "status", values: ["Won"]}},
        {column: "closed", type: "lost", when: {column: "status", values: ["Lost", "Disqualified"]}}
      ]
    }
  ]
});

describe("milestones that count only under a status", () => {
  it("turn one close date into a win or a loss by the status, and into nothing for an open deal", async () => {
    const deals = [
      "id,engaged,closed,status,amount",
      "A,2025-01-01,2025-02-01,Won,5000",
      "B,2025-01-02,2025-02-02,Lost,",
      "C,2025-01-03,2025-02-03,Engaging,",
      "D,2025-01-04,,Prospecting,"
    ];
    const result = await profileModel(profile, {deals}, async (db, summary) => {
      const outcomes = await db.all<{lead_id: string; outcome: string}>(
        "SELECT lead_id, outcome FROM handoffs ORDER BY lead_id"
      );
      return {summary, outcomes};
    });
    expect(result.summary.files).toEqual([{file: "deals.csv", read: 4, used: 4, rejected: 0, partlyRejected: 0}]);
    expect(result.outcomes).toEqual([
      {lead_id: "A", outcome: "won"},
      {lead_id: "B", outcome: "lost"},
      {lead_id: "C", outcome: "open"},
      {lead_id: "D", outcome: "open"}
    ]);
  });

  it("check the status column like any other: a missing one names the key and the file's columns", async () => {
    const broken = structuredClone(profile);
    broken.events[0].shape === "wide" && (broken.events[0].milestones[1].when = {column: "stage", values: ["Won"]});
    const deals = ["id,engaged,closed,status,amount", "A,2025-01-01,2025-02-01,Won,5000"];
    await expect(profileModel(broken, {deals}, async () => null)).rejects.toThrow(
      'events[0].milestones[1].when.column: column "stage" is not in deals.csv'
    );
  });
});
