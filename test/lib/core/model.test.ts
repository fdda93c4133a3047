// The model's vocabulary is written in three places besides model.ts: the data model's documentation, the SQL that
// turns an ending into an outcome, and the pages' outcome order. These hold them to it.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {evidenceTypes} from "../../../src/lib/core/ladder.js";
import {
  eventFields,
  eventTypes,
  handoffOutcomes,
  leadFields,
  lifecycleTypes,
  personalLeadFields,
  scorecardType,
  terminalTypes
} from "../../../src/lib/core/model.js";

const dataModel = readFileSync("docs/data-model.md", "utf8");
const handoffsSql = readFileSync("loaders/pipeline/sql/handoffs.sql", "utf8");

/** The `code` words of the documentation's paragraph that starts with `heading`. */
function documented(heading: string): string[] {
  const paragraph = dataModel.slice(dataModel.indexOf(heading)).split("\n\n")[0];
  return [...paragraph.matchAll(/`([a-z_]+)`/g)].map((d) => d[1]);
}

describe("the model's vocabulary", () => {
  it("accepts every evidence type, every lifecycle type and scorecard answers, each once", () => {
    expect(eventTypes).toEqual([...evidenceTypes, ...lifecycleTypes, scorecardType]);
    expect(new Set(eventTypes).size).toBe(eventTypes.length);
  });

  it("is the documented one: the evidence and lifecycle types of docs/data-model.md, in the same order", () => {
    expect(documented("Evidence types")).toEqual([...evidenceTypes]);
    expect(documented("Lifecycle types")).toEqual([...lifecycleTypes]);
  });

  it("ends a handoff only by a lifecycle event, and the SQL gives each ending its outcome", () => {
    for (const type of terminalTypes) expect(lifecycleTypes).toContain(type);
    for (const type of terminalTypes) {
      const outcome = new RegExp(`WHEN '${type}' THEN '(\\w+)'`).exec(handoffsSql)?.[1];
      expect(handoffOutcomes).toContain(outcome);
      // Lost and disqualified deals are both lost; every other ending is its own outcome.
      expect(outcome).toBe(type === "disqualified" ? "lost" : type);
    }
    // A handoff without an ending stays open: never counted as lost.
    expect(handoffsSql).toMatch(/ELSE 'open'\s+END AS outcome/);
    expect(handoffOutcomes.at(-1)).toBe("open");
  });

  it("keeps personal fields apart from the fields carried into the model", () => {
    for (const field of personalLeadFields) expect(leadFields).not.toContain(field);
    expect(leadFields[0]).toBe("lead_id");
    expect(eventFields[0]).toBe("lead_id");
  });
});
