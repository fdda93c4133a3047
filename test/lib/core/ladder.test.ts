import {describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {
  evidenceTypes,
  handoffLadder,
  hasSurveyBenchmark,
  isKnownAtHandoff,
  ladderLevel,
  stageAtHandoff,
  validateLadder,
  type EvidenceOffsets
} from "../../../src/lib/core/ladder.js";

const allKnown: EvidenceOffsets = Object.fromEntries(evidenceTypes.map((type) => [type, -1]));

describe("stageAtHandoff", () => {
  it("puts a lead with no evidence at level 1", () => {
    expect(stageAtHandoff({})).toBe(1);
  });

  it("puts a lead with everything known before the handoff at level 5", () => {
    expect(stageAtHandoff(allKnown)).toBe(5);
  });

  it("climbs one rung at a time with the evidence each requires", () => {
    expect(stageAtHandoff({icp_fit: -5})).toBe(1);
    expect(stageAtHandoff({icp_fit: -5, role_known: -3})).toBe(2);
    expect(stageAtHandoff({icp_fit: -5, role_known: -3, need_identified: -1})).toBe(3);
    expect(
      stageAtHandoff({
        icp_fit: -5,
        role_known: -3,
        need_identified: -1,
        requirements_defined: -1,
        buying_process_known: -1
      })
    ).toBe(4);
  });

  it("counts evidence known at the very instant of the handoff", () => {
    expect(stageAtHandoff({icp_fit: 0, role_known: 0})).toBe(2);
  });

  it("ignores evidence learned after the handoff, however soon", () => {
    expect(stageAtHandoff({...allKnown, need_identified: 1e-9})).toBe(2);
    expect(stageAtHandoff({...allKnown, timing_confirmed: 1})).toBe(4);
  });

  it("is cumulative: a skipped rung keeps the lead below it whatever it knows higher up", () => {
    expect(stageAtHandoff({...allKnown, icp_fit: null})).toBe(1);
    expect(stageAtHandoff({...allKnown, requirements_defined: undefined})).toBe(3);
  });

  it("works with 4- and 6-level ladders from configuration", () => {
    const four = validateLadder(JSON.parse(readFileSync("data/ladders/four-levels.json", "utf8")));
    const six = validateLadder(JSON.parse(readFileSync("data/ladders/six-levels.json", "utf8")));
    expect(four.levels).toHaveLength(4);
    expect(six.levels).toHaveLength(6);
    expect(stageAtHandoff(allKnown, four)).toBe(4);
    expect(stageAtHandoff(allKnown, six)).toBe(6);
    expect(stageAtHandoff({icp_fit: -1, role_known: -1}, four)).toBe(1);
    expect(stageAtHandoff({...allKnown, timing_confirmed: null}, six)).toBe(5);
  });
});

describe("isKnownAtHandoff", () => {
  it("treats null and undefined as never known", () => {
    expect(isKnownAtHandoff(null)).toBe(false);
    expect(isKnownAtHandoff(undefined)).toBe(false);
    expect(isKnownAtHandoff(0)).toBe(true);
    expect(isKnownAtHandoff(-0.5)).toBe(true);
    expect(isKnownAtHandoff(0.5)).toBe(false);
  });
});

describe("the default ladder", () => {
  it("is the survey's five levels with its 28/25/25/10/10% benchmark", () => {
    expect(validateLadder(handoffLadder)).toBe(handoffLadder);
    expect(handoffLadder.levels.map((d) => d.name.en)).toEqual([
      "Any contact",
      "Target person",
      "Need",
      "Requirements",
      "MAN-T qualified"
    ]);
    expect(handoffLadder.levels.map((d) => d.surveyShare)).toEqual([0.28, 0.25, 0.25, 0.1, 0.1]);
    expect(hasSurveyBenchmark(handoffLadder)).toBe(true);
    expect(ladderLevel(3).key).toBe("need");
  });

  it("requires every evidence type exactly once", () => {
    expect(handoffLadder.levels.flatMap((d) => d.requires).sort()).toEqual([...evidenceTypes].sort());
  });
});

describe("validateLadder", () => {
  const base = () => JSON.parse(JSON.stringify(handoffLadder));

  it("names the key of an unknown evidence type", () => {
    const ladder = base();
    ladder.levels[2].requires = ["need_identifed"];
    expect(() => validateLadder(ladder, "my-ladder.json")).toThrow(
      /my-ladder\.json: levels\[2\]\.requires\[0\]: unknown evidence type "need_identifed"/
    );
  });

  it("rejects levels out of order, a first level with requirements, and evidence required twice", () => {
    const gap = base();
    gap.levels[3].level = 5;
    expect(() => validateLadder(gap)).toThrow(/levels\[3\]\.level: expected 4/);
    const floor = base();
    floor.levels[0].requires = ["icp_fit"];
    expect(() => validateLadder(floor)).toThrow(/levels\[0\]\.requires: the first level is the floor/);
    const twice = base();
    twice.levels[4].requires.push("icp_fit");
    expect(() => validateLadder(twice)).toThrow(/"icp_fit" is already required by levels\[1\]/);
  });

  it("rejects a missing translation and a survey share outside 0…1", () => {
    const name = base();
    delete name.levels[1].name.de;
    expect(() => validateLadder(name)).toThrow(/levels\[1\]\.name\.de/);
    const share = base();
    share.levels[0].surveyShare = 28;
    expect(() => validateLadder(share)).toThrow(/levels\[0\]\.surveyShare/);
  });
});
