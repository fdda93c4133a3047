/**
 * Editing a ladder in the browser as an assignment: each evidence type is required at one level (2…L) or not at
 * all. The ladder built from it goes through the same validation as a ladder from configuration.
 */
import {evidenceTypes, validateLadder, type EvidenceType, type HandoffLadder} from "../core/ladder.js";

/** Which level requires each evidence type (null: not required). */
export type Assignment = Record<EvidenceType, number | null>;

/** The assignment a ladder makes. */
export function assignmentOf(ladder: HandoffLadder): Assignment {
  const assignment = Object.fromEntries(evidenceTypes.map((type) => [type, null])) as Assignment;
  for (const level of ladder.levels) for (const type of level.requires) assignment[type] = level.level;
  return assignment;
}

/**
 * A ladder of `levelCount` levels from an assignment, named after `base` where it has the level, else "Level n".
 * Throws with the validator's message when a level above the first requires nothing.
 */
export function ladderFromAssignment(assignment: Assignment, levelCount: number, base: HandoffLadder): HandoffLadder {
  const levels = Array.from({length: levelCount}, (_, i) => {
    const level = i + 1;
    const named = base.levels.length === levelCount ? base.levels[i] : undefined;
    return {
      level,
      key: named?.key ?? `level-${level}`,
      name: named?.name ?? {en: `Level ${level}`, de: `Stufe ${level}`},
      description: named?.description ?? {en: "Defined in the simulator.", de: "Im Simulator festgelegt."},
      requires: evidenceTypes.filter((type) => assignment[type] === level),
      ...(named?.surveyShare !== undefined ? {surveyShare: named.surveyShare} : {})
    };
  });
  const ladder = {id: "edited", name: {en: "Edited in the browser", de: "Im Browser bearbeitet"}, levels};
  return validateLadder(ladder, "edited ladder");
}
