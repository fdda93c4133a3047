import {describe, expect, it} from "vitest";
import {generateLeadHistories, messyEvery} from "../../../loaders/tools/sample-generator.js";
import {eventTypes} from "../../../src/lib/core/model.js";

function collect(leads: number, seed: number, messy = false) {
  const batches = [...generateLeadHistories({leads, seed, messy})];
  return {leads: batches.flatMap((d) => d.leads), events: batches.flatMap((d) => d.events)};
}

describe("generateLeadHistories", () => {
  const sample = collect(4000, 42);

  it("is deterministic: the same seed gives the same histories", () => {
    const again = collect(4000, 42);
    expect(again).toEqual(sample);
    expect(collect(200, 43).leads[0]).not.toEqual(sample.leads[0]);
  });

  it("spreads leads over at least 40 campaigns from at least 6 sources, and over segments, sizes and regions", () => {
    const distinct = (key: "campaign" | "source" | "segment" | "company_size" | "region") =>
      new Set(sample.leads.map((d) => d[key])).size;
    expect(distinct("campaign")).toBeGreaterThanOrEqual(40);
    expect(distinct("source")).toBeGreaterThanOrEqual(6);
    expect(distinct("segment")).toBeGreaterThanOrEqual(6);
    expect(distinct("company_size")).toBe(4);
    expect(distinct("region")).toBeGreaterThanOrEqual(6);
  });

  it("spans two years and writes nothing after the end of the data window", () => {
    const times = [...sample.leads.map((d) => d.created_at), ...sample.events.map((d) => d.at)];
    const first = Math.min(...times);
    const last = Math.max(...times);
    expect(last).toBeLessThanOrEqual(Date.parse("2025-12-31T23:59:59Z"));
    expect(last - first).toBeGreaterThan(700 * 86_400_000);
  });

  it("uses only the model's event types, with hours on every sales touch and amounts on wins", () => {
    const types = new Set(sample.events.map((d) => d.type));
    expect([...types].every((type) => eventTypes.includes(type as never))).toBe(true);
    for (const type of ["handed_off", "accepted", "rejected", "recycled", "sales_touch", "won", "lost"]) {
      expect(types.has(type)).toBe(true);
    }
    const touches = sample.events.filter((d) => d.type === "sales_touch");
    expect(touches.every((d) => Number(d.value) > 0)).toBe(true);
    const wins = sample.events.filter((d) => d.type === "won");
    expect(wins.every((d) => Number(d.value) > 0)).toBe(true);
  });

  it("hands some leads off more than once (recycled, then back)", () => {
    const handoffs = new Map<string, number>();
    for (const e of sample.events)
      if (e.type === "handed_off") handoffs.set(e.lead_id, (handoffs.get(e.lead_id) ?? 0) + 1);
    expect([...handoffs.values()].filter((n) => n > 1).length).toBeGreaterThan(20);
  });

  it("adds one set of broken rows per 2,500 leads when messy", () => {
    const messy = collect(5000, 42, true);
    expect(messy.leads.length).toBe(5000 + 5000 / messyEvery);
    expect(messy.events.filter((d) => d.type === "meeting_booked")).toHaveLength(5000 / messyEvery);
  });
});
