/**
 * The handoff ladder: the qualification levels a lead climbs, defined once as data. The TypeScript classifier below
 * reads it directly; loaders/pipeline/ladder-sql.ts compiles the same definition to DuckDB SQL, and a test demands that both
 * agree handoff for handoff. This module runs in the browser too, so it imports nothing from node.
 */

/** The kinds of evidence a lead history can record; each proves one fact about the lead. */
export const evidenceTypes = [
  "icp_fit",
  "role_known",
  "need_identified",
  "requirements_defined",
  "buying_process_known",
  "budget_confirmed",
  "authority_confirmed",
  "need_confirmed",
  "timing_confirmed"
] as const;

/** One kind of evidence, e.g. `budget_confirmed`. */
export type EvidenceType = (typeof evidenceTypes)[number];

/** A text in the dashboard's two languages. */
export interface LocalizedText {
  en: string;
  de: string;
}

/** One rung of the ladder. */
export interface LadderLevel {
  /** 1-based position on the ladder; levels are numbered 1, 2, 3, … without gaps. */
  level: number;
  /** A stable identifier, used in URLs and data files. */
  key: string;
  name: LocalizedText;
  /** What a lead at this level is, in one line. */
  description: LocalizedText;
  /**
   * Evidence required on top of the levels below. The ladder is cumulative: reaching this level needs these and
   * everything the lower levels require. The first level requires nothing (any contact qualifies).
   */
  requires: EvidenceType[];
  /** Share of companies in the SiriusDecisions survey that hand off at this level, where the ladder has one. */
  surveyShare?: number;
}

/** A complete ladder definition. */
export interface HandoffLadder {
  id: string;
  name: LocalizedText;
  levels: LadderLevel[];
}

/** The default ladder: the five levels of the SiriusDecisions survey, with the survey's handoff shares. */
export const handoffLadder: HandoffLadder = {
  id: "siriusdecisions-5",
  name: {en: "SiriusDecisions five levels", de: "SiriusDecisions, fünf Stufen"},
  levels: [
    {
      level: 1,
      key: "any-contact",
      name: {en: "Any contact", de: "Jeder Kontakt"},
      description: {en: "Nothing known yet.", de: "Noch nichts bekannt."},
      requires: [],
      surveyShare: 0.28
    },
    {
      level: 2,
      key: "target-person",
      name: {en: "Target person", de: "Zielperson"},
      description: {
        en: "Role, position and company fit the ideal customer profile.",
        de: "Rolle, Position und Unternehmen passen zum idealen Kundenprofil."
      },
      requires: ["icp_fit", "role_known"],
      surveyShare: 0.25
    },
    {
      level: 3,
      key: "need",
      name: {en: "Need", de: "Bedarf"},
      description: {
        en: "A target person with a general need our offering can cover.",
        de: "Zielperson mit einem allgemeinen Bedarf, den unser Angebot abdecken kann."
      },
      requires: ["need_identified"],
      surveyShare: 0.25
    },
    {
      level: 4,
      key: "requirements",
      name: {en: "Requirements", de: "Anforderungen"},
      description: {
        en: "Concrete requirements and the buying process are understood.",
        de: "Konkrete Anforderungen und der Einkaufsprozess sind bekannt."
      },
      requires: ["requirements_defined", "buying_process_known"],
      surveyShare: 0.1
    },
    {
      level: 5,
      key: "man-t",
      name: {en: "MAN-T qualified", de: "MAN-T-qualifiziert"},
      description: {
        en: "Money, authority, need and timing are all confirmed.",
        de: "Budget, Entscheidungsbefugnis, Bedarf und Zeitpunkt sind bestätigt."
      },
      requires: ["budget_confirmed", "authority_confirmed", "need_confirmed", "timing_confirmed"],
      surveyShare: 0.1
    }
  ]
};

/**
 * When each kind of evidence first became known, relative to the handoff instant: a negative number or zero means
 * known at or before the handoff, a positive number means learned later, null or absent means never known. Any unit
 * works as long as all offsets of one handoff share it.
 */
export type EvidenceOffsets = Partial<Record<EvidenceType, number | null>>;

/** Whether one piece of evidence counts at the handoff: known at or before the handoff instant. */
export function isKnownAtHandoff(offset: number | null | undefined): boolean {
  return offset != null && offset <= 0;
}

/**
 * The stage at handoff: the highest level whose evidence, and that of every level below, was known at or before the
 * handoff instant. A lead missing a lower rung stays below it even if it has the evidence of a higher one.
 */
export function stageAtHandoff(offsets: EvidenceOffsets, ladder: HandoffLadder = handoffLadder): number {
  let stage = ladder.levels[0].level;
  for (const rung of ladder.levels.slice(1)) {
    if (!rung.requires.every((type) => isKnownAtHandoff(offsets[type]))) break;
    stage = rung.level;
  }
  return stage;
}

/** The level of a ladder with the given number, or throws: a level outside the ladder is a programming error. */
export function ladderLevel(level: number, ladder: HandoffLadder = handoffLadder): LadderLevel {
  const found = ladder.levels.find((d) => d.level === level);
  if (!found) throw new Error(`ladder "${ladder.id}" has no level ${level}`);
  return found;
}

/**
 * Checks a ladder that came from configuration, naming the offending key, and returns it typed. Rules: at least two
 * levels numbered 1…n in order; the first requires nothing; every other level requires at least one known evidence
 * type; no evidence type is required twice; survey shares, where given, are between 0 and 1.
 */
export function validateLadder(input: unknown, origin = "ladder"): HandoffLadder {
  const fail = (key: string, message: string): never => {
    throw new Error(`${origin}: ${key}: ${message}`);
  };
  if (typeof input !== "object" || input === null) fail("(root)", "expected an object");
  const ladder = input as Record<string, unknown>;
  if (typeof ladder.id !== "string" || !ladder.id) fail("id", "expected a non-empty string");
  checkText(ladder.name, "name", fail);
  if (!Array.isArray(ladder.levels) || ladder.levels.length < 2) fail("levels", "expected at least two levels");
  const seen = new Map<string, string>();
  const keys = new Set<string>();
  (ladder.levels as unknown[]).forEach((raw, i) => {
    const at = `levels[${i}]`;
    if (typeof raw !== "object" || raw === null) fail(at, "expected an object");
    const level = raw as Record<string, unknown>;
    if (level.level !== i + 1) fail(`${at}.level`, `expected ${i + 1} (levels are numbered 1…n in order)`);
    if (typeof level.key !== "string" || !/^[a-z0-9-]+$/.test(level.key)) {
      fail(`${at}.key`, "expected lower-case letters, digits and dashes");
    }
    if (keys.has(level.key as string)) fail(`${at}.key`, `"${level.key}" is used twice`);
    keys.add(level.key as string);
    checkText(level.name, `${at}.name`, fail);
    checkText(level.description, `${at}.description`, fail);
    if (!Array.isArray(level.requires)) fail(`${at}.requires`, "expected a list of evidence types");
    const requires = level.requires as unknown[];
    if (i === 0 && requires.length > 0) fail(`${at}.requires`, "the first level is the floor and requires nothing");
    if (i > 0 && requires.length === 0) fail(`${at}.requires`, "every level above the first requires evidence");
    requires.forEach((type, j) => {
      if (!(evidenceTypes as readonly unknown[]).includes(type)) {
        fail(
          `${at}.requires[${j}]`,
          `unknown evidence type ${JSON.stringify(type)} (known: ${evidenceTypes.join(", ")})`
        );
      }
      if (seen.has(type as string))
        fail(`${at}.requires[${j}]`, `"${type}" is already required by ${seen.get(type as string)}`);
      seen.set(type as string, at);
    });
    if (level.surveyShare !== undefined) {
      const share = level.surveyShare;
      if (typeof share !== "number" || !(share >= 0 && share <= 1))
        fail(`${at}.surveyShare`, "expected a number from 0 to 1");
    }
  });
  return input as HandoffLadder;
}

function checkText(value: unknown, key: string, fail: (key: string, message: string) => never): void {
  if (typeof value !== "object" || value === null) fail(key, "expected {en, de} texts");
  const text = value as Record<string, unknown>;
  for (const lang of ["en", "de"]) {
    if (typeof text[lang] !== "string" || !text[lang]) fail(`${key}.${lang}`, "expected a non-empty string");
  }
}

/** Whether the ladder carries the survey benchmark on every level (only the survey's own five levels do). */
export function hasSurveyBenchmark(ladder: HandoffLadder): boolean {
  return ladder.levels.every((d) => d.surveyShare !== undefined);
}
