import {describe, expect, it} from "vitest";
import {joinAlias, joinClauses} from "../../../loaders/import/join-sql.js";
import {validateProfile} from "../../../loaders/import/profile.js";

const profile = validateProfile({
  name: "joins",
  description: "Leads with an accounts file by account name and campaigns through memberships.",
  files: {
    campaigns: {join: {column: "Id", on: "CampaignId", via: "members", optional: true}},
    leads: {},
    members: {join: {column: "LeadId", optional: true}},
    accounts: {join: {column: "Account Name", on: "Company"}}
  },
  leads: {file: "leads", fields: {lead_id: "id", created_at: "created", campaign: {file: "campaigns", column: "Name"}}},
  events: []
});

describe("joinClauses", () => {
  const cell = (alias: string, file: string, column: string) => `${alias}.${file}.${column}`;

  it("joins each file on its key, a join through another file after that file", () => {
    const clauses = joinClauses(profile, "LEAD_ID", cell);
    expect(clauses.map((d) => d.file)).toEqual(["members", "accounts", "campaigns"]);
    const [members, accounts, campaigns] = clauses.map((d) => d.sql.replace(/\s+/g, " "));
    expect(members).toContain("ON j_members.join_key = LEAD_ID");
    expect(accounts).toContain("ON j_accounts.join_key = l.leads.Company");
    expect(campaigns).toContain(`ON j_campaigns.join_key = ${joinAlias("members")}.members.CampaignId`);
    // The first row per key by file order joins: later rows with the same key are the reconciliation's business.
    expect(campaigns).toContain("QUALIFY row_number() OVER (PARTITION BY join_key ORDER BY row) = 1");
  });
});
