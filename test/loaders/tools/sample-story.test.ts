import {describe, expect, it} from "vitest";
import {Random} from "../../../loaders/tools/sample-random.js";
import {leadEvents, roundToMinute, type SampleLead} from "../../../loaders/tools/sample-story.js";
import {evidenceTypes, stageAtHandoff, type EvidenceOffsets} from "../../../src/lib/core/ladder.js";

const lead: SampleLead = {
  lead_id: "L-1",
  created_at: Date.UTC(2025, 0, 6, 9, 30),
  campaign: "Webinar",
  source: "Events",
  segment: "SMB",
  company_size: "10-49",
  region: "DACH",
  name: "Ada Example",
  email: "ada@example.com",
  phone: "+49 30 1234567"
};
const setting = {source: {quality: 1, tilt: 0}, quality: 1, amountMedian: 20_000};

/** The stories of one lead under seeds 1…n. */
const stories = (n: number) => Array.from({length: n}, (_, i) => leadEvents(new Random(i + 1), lead, setting));
const isEvidence = (type: string) => (evidenceTypes as readonly string[]).includes(type);

describe("leadEvents", () => {
  it("tells the same story for the same seed", () => {
    expect(leadEvents(new Random(9), lead, setting)).toEqual(leadEvents(new Random(9), lead, setting));
  });

  it("records whole minutes, none before the lead was created, and each fact once", () => {
    for (const events of stories(300)) {
      for (const event of events) {
        expect(event.lead_id).toBe("L-1");
        expect(event.at % 60_000).toBe(0);
        expect(event.at).toBeGreaterThanOrEqual(lead.created_at);
      }
      const facts = events.filter((d) => isEvidence(d.type)).map((d) => d.type);
      expect(new Set(facts).size).toBe(facts.length);
    }
  });

  it("hands a lead off at most three times, each handoff ended by sales before the next", () => {
    let recycledAndBack = 0;
    for (const events of stories(300)) {
      const handoffs = events.filter((d) => d.type === "handed_off").map((d) => d.at);
      expect(handoffs.length).toBeLessThanOrEqual(3);
      for (const [i, at] of handoffs.entries()) {
        const next = handoffs[i + 1] ?? Infinity;
        const endings = events.filter((d) => ["won", "lost", "disqualified", "rejected", "recycled"].includes(d.type));
        const ending = endings.filter((d) => d.at >= at && d.at < next);
        // An ending per handoff, except where the story stops while sales still works it (none here: no data end).
        expect(ending).toHaveLength(1);
        if (next !== Infinity) expect(ending[0].type).toBe("recycled");
      }
      if (handoffs.length > 1) ++recycledAndBack;
    }
    expect(recycledAndBack).toBeGreaterThan(0);
  });

  it("hands off at every level of the ladder, by the evidence known at that instant", () => {
    const levels = new Set<number>();
    for (const events of stories(400)) {
      const first = events.find((d) => d.type === "handed_off");
      if (!first) continue;
      const offsets: EvidenceOffsets = Object.fromEntries(
        events.filter((d) => isEvidence(d.type)).map((d) => [d.type, d.at - first.at])
      );
      levels.add(stageAtHandoff(offsets));
    }
    expect([...levels].sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("roundToMinute", () => {
  it("gives the nearest whole minute", () => {
    expect(roundToMinute(Date.UTC(2025, 0, 1, 9, 0, 29, 999))).toBe(Date.UTC(2025, 0, 1, 9, 0));
    expect(roundToMinute(Date.UTC(2025, 0, 1, 9, 0, 30))).toBe(Date.UTC(2025, 0, 1, 9, 1));
  });
});
