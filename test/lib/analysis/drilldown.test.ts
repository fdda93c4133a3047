import {describe, expect, it} from "vitest";
import {handoffRecords, recordsToCsv, type HandoffRecord} from "../../../src/lib/analysis/drilldown.js";
import {extractWithLeadsOf, modelOf} from "../../helpers/model.js";

const record = (campaign: string, reason = ""): HandoffRecord => ({
  lead: "P-0123456789abcdef0123",
  handoffDate: "2025-01-02",
  level: 3,
  outcome: "lost",
  campaign,
  source: "Web",
  segment: "SMB",
  companySize: "10-49",
  region: "DACH",
  daysToHandoff: 1.5,
  daysToClose: null,
  salesHours: 2,
  amount: null,
  reason
});

describe("recordsToCsv", () => {
  it("writes a header and one RFC 4180 line per record, quoting commas, quotes and line breaks", () => {
    const csv = recordsToCsv([record('Spring, "VIP"', "no\nbudget")]);
    const [header, ...rest] = csv.split("\n");
    expect(header).toBe(
      "lead,handoffDate,level,outcome,campaign,source,segment,companySize,region,daysToHandoff,daysToClose,salesHours,amount,reason"
    );
    expect(rest.join("\n")).toBe(
      'P-0123456789abcdef0123,2025-01-02,3,lost,"Spring, ""VIP""",Web,SMB,10-49,DACH,1.5,,2,,"no\nbudget"\n'
    );
  });

  it.each(["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx", "＝1+1", "＋cmd", "－2", "＠SUM(A1)"])(
    "defuses a cell starting like a formula: %j",
    (campaign) => {
      const line = recordsToCsv([record(campaign)]).split("\n")[1];
      const cell = line.split(",")[4].replace(/^"|"$/g, "");
      expect(cell).toBe(`'${campaign}`);
    }
  );

  it("leaves numbers and ordinary text as they are", () => {
    const line = recordsToCsv([record("Webinar - Q1")]).split("\n")[1];
    expect(line.split(",")[4]).toBe("Webinar - Q1");
  });
});

describe("handoffRecords", () => {
  it("lists each handoff as the model holds it, days floored to a tenth, its lead by the ids given", async () => {
    const [{extract, leads, byLead}, {handoffs}] = await Promise.all([
      extractWithLeadsOf("test/fixtures/small"),
      modelOf("test/fixtures/small")
    ]);
    // Stand-in pseudonyms: the raw lead ID of each extract row.
    const records = handoffRecords(extract, byLead, leads);
    const tenth = (days: unknown) => (days === null ? null : Math.floor(Number(days) * 10) / 10);
    expect(records.map((d) => d.daysToHandoff)).toContain(2.3); // 2.375 days: floored, not rounded to 2.4
    expect(records).toEqual(
      handoffs.map((d) => ({
        lead: d.lead_id,
        handoffDate: String(d.handoff_at).slice(0, 10),
        level: d.stage_at_handoff,
        outcome: d.outcome,
        campaign: d.campaign ?? "(unknown)",
        source: d.source ?? "(unknown)",
        segment: d.segment ?? "(unknown)",
        companySize: d.company_size ?? "(unknown)",
        region: d.region ?? "(unknown)",
        daysToHandoff: tenth(d.days_to_handoff),
        daysToClose: d.outcome === "open" ? null : tenth(d.days_to_close),
        salesHours: d.sales_hours,
        amount: d.outcome === "won" ? d.amount : null,
        reason: d.ending_reason ?? ""
      }))
    );
    // Before the pseudonyms are fetched, the lead column is empty rather than wrong.
    expect(handoffRecords(extract, [byLead[0]], null)[0].lead).toBe("");
  });
});
