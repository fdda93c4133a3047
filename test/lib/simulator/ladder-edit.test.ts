import {describe, expect, it} from "vitest";
import {handoffLadder} from "../../../src/lib/core/ladder.js";
import {assignmentOf, ladderFromAssignment} from "../../../src/lib/simulator/ladder-edit.js";

describe("assignmentOf", () => {
  it("says at which level the ladder requires each evidence type, and null where no level does", () => {
    const assignment = assignmentOf(handoffLadder);
    expect(assignment).toMatchObject({
      icp_fit: 2,
      role_known: 2,
      need_identified: 3,
      requirements_defined: 4,
      buying_process_known: 4,
      budget_confirmed: 5,
      timing_confirmed: 5
    });
    const three = {...handoffLadder, levels: handoffLadder.levels.slice(0, 3)};
    expect(assignmentOf(three).budget_confirmed).toBeNull();
  });
});

describe("ladderFromAssignment", () => {
  it("gives back the ladder an assignment was taken from, names, descriptions and survey shares included", () => {
    const ladder = ladderFromAssignment(assignmentOf(handoffLadder), 5, handoffLadder);
    expect(ladder.levels).toEqual(handoffLadder.levels);
    expect(ladder.id).toBe("edited");
  });

  it("names levels 'Level n' when the count differs from the base ladder's, and drops its survey shares", () => {
    const assignment = {...assignmentOf(handoffLadder), budget_confirmed: 6};
    const ladder = ladderFromAssignment(assignment, 6, handoffLadder);
    expect(ladder.levels.map((d) => d.name.en)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `Level ${n}`));
    expect(ladder.levels[5]).toMatchObject({key: "level-6", requires: ["budget_confirmed"]});
    expect(ladder.levels[4].requires).not.toContain("budget_confirmed");
    expect(ladder.levels.some((d) => d.surveyShare !== undefined)).toBe(false);
  });

  it("leaves out a type no level requires, and lists a level's evidence in the known types' order", () => {
    const assignment = {...assignmentOf(handoffLadder), role_known: null, timing_confirmed: 3};
    const ladder = ladderFromAssignment(assignment, 5, handoffLadder);
    expect(ladder.levels[1].requires).toEqual(["icp_fit"]);
    expect(ladder.levels.flatMap((d) => d.requires)).not.toContain("role_known");
    expect(ladder.levels[2].requires).toEqual(["need_identified", "timing_confirmed"]);
  });

  it("refuses a level above the first that requires nothing, naming it as the ladder validation does", () => {
    const assignment = {...assignmentOf(handoffLadder), icp_fit: 3, role_known: 3};
    expect(() => ladderFromAssignment(assignment, 5, handoffLadder)).toThrow(
      "edited ladder: levels[1].requires: every level above the first requires evidence"
    );
  });
});
