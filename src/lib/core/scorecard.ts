/**
 * The ten-question qualification scorecard, defined once as data like the ladder: questions that marketing (dialogue
 * marketing, inside sales) or a sales rep answers to open up a prospect early and decide on facts. Each answer
 * option has points; the top option of a question proves an evidence type, so a filled-in scorecard counts as
 * evidence for the ladder.
 *
 * In the lead-history model an answer is an event of type `scorecard` whose value is `question=option`, e.g.
 * `budget=confirmed`; the latest answer per question at or before a handoff is what counted at that handoff.
 */
import type {EvidenceType, LocalizedText} from "./ladder.js";

/** One answer option. */
export interface ScorecardOption {
  key: string;
  label: LocalizedText;
  points: number;
}

/** One question. */
export interface ScorecardQuestion {
  key: string;
  label: LocalizedText;
  options: ScorecardOption[];
  /** The evidence type the question's top option proves, if any. */
  proves: EvidenceType | null;
}

const levels = (unknown: LocalizedText, partly: LocalizedText, yes: LocalizedText): ScorecardOption[] => [
  {key: "unknown", label: unknown, points: 0},
  {key: "partly", label: partly, points: 1},
  {key: "confirmed", label: yes, points: 2}
];
const unknown = {en: "Unknown", de: "Unbekannt"};

/** The default scorecard: ten questions, 0–2 points each, 20 at most. */
export const scorecard: ScorecardQuestion[] = [
  {
    key: "icp",
    label: {
      en: "Does the company fit the ideal customer profile?",
      de: "Passt das Unternehmen zum idealen Kundenprofil?"
    },
    options: levels(unknown, {en: "Partly", de: "Teilweise"}, {en: "Yes", de: "Ja"}),
    proves: "icp_fit"
  },
  {
    key: "role",
    label: {
      en: "Are the contact's role and position known and relevant?",
      de: "Sind Rolle und Position des Kontakts bekannt und relevant?"
    },
    options: levels(
      unknown,
      {en: "Known, not decisive", de: "Bekannt, nicht entscheidend"},
      {en: "Known and relevant", de: "Bekannt und relevant"}
    ),
    proves: "role_known"
  },
  {
    key: "need",
    label: {
      en: "Is there a stated need or pain our offering covers?",
      de: "Gibt es einen genannten Bedarf oder Schmerz, den unser Angebot abdeckt?"
    },
    options: levels(unknown, {en: "Vague", de: "Vage"}, {en: "Stated", de: "Genannt"}),
    proves: "need_identified"
  },
  {
    key: "alternatives",
    label: {
      en: "Are the current solution and the alternatives considered known?",
      de: "Sind die heutige Lösung und erwogene Alternativen bekannt?"
    },
    options: levels(
      unknown,
      {en: "Partly", de: "Teilweise"},
      {en: "Known, need confirmed", de: "Bekannt, Bedarf bestätigt"}
    ),
    proves: "need_confirmed"
  },
  {
    key: "requirements",
    label: {en: "Are the concrete requirements defined?", de: "Sind die konkreten Anforderungen definiert?"},
    options: levels(unknown, {en: "Roughly", de: "Grob"}, {en: "Defined", de: "Definiert"}),
    proves: "requirements_defined"
  },
  {
    key: "process",
    label: {
      en: "Are the buying process and decision criteria known?",
      de: "Sind Einkaufsprozess und Entscheidungskriterien bekannt?"
    },
    options: levels(unknown, {en: "Partly", de: "Teilweise"}, {en: "Known", de: "Bekannt"}),
    proves: "buying_process_known"
  },
  {
    key: "budget",
    label: {en: "Is there a budget?", de: "Gibt es ein Budget?"},
    options: levels(unknown, {en: "Planned", de: "Geplant"}, {en: "Confirmed", de: "Bestätigt"}),
    proves: "budget_confirmed"
  },
  {
    key: "authority",
    label: {
      en: "Are authority and the buying centre known?",
      de: "Sind Entscheidungsbefugnis und Buying Center bekannt?"
    },
    options: levels(unknown, {en: "Partly", de: "Teilweise"}, {en: "Confirmed", de: "Bestätigt"}),
    proves: "authority_confirmed"
  },
  {
    key: "timing",
    label: {en: "Is the timing or project start known?", de: "Sind Zeitpunkt oder Projektstart bekannt?"},
    options: levels(unknown, {en: "This year", de: "Dieses Jahr"}, {en: "Confirmed date", de: "Bestätigter Termin"}),
    proves: "timing_confirmed"
  },
  {
    key: "next_step",
    label: {en: "Is a next step agreed?", de: "Ist ein nächster Schritt vereinbart?"},
    options: levels(
      {en: "No", de: "Nein"},
      {en: "Proposed", de: "Vorgeschlagen"},
      {en: "Agreed with a date", de: "Mit Termin vereinbart"}
    ),
    proves: null
  }
];

/** The highest score the scorecard allows. */
export const maxScore = scorecard.reduce((s, q) => s + Math.max(...q.options.map((o) => o.points)), 0);

/** Answers as the form or the model holds them: option key per question key. */
export type ScorecardAnswers = Record<string, string | undefined>;

/** The score of a set of answers (unanswered questions score 0). */
export function scoreOf(answers: ScorecardAnswers, questions: ScorecardQuestion[] = scorecard): number {
  return questions.reduce((sum, q) => sum + (q.options.find((o) => o.key === answers[q.key])?.points ?? 0), 0);
}

/** The evidence types the answers prove: each question answered with its top option. */
export function evidenceOf(answers: ScorecardAnswers, questions: ScorecardQuestion[] = scorecard): EvidenceType[] {
  return questions
    .filter((q) => q.proves !== null && answers[q.key] === topOption(q).key)
    .map((q) => q.proves as EvidenceType);
}

/** A question's highest-scoring option. */
export function topOption(question: ScorecardQuestion): ScorecardOption {
  return question.options.reduce((a, b) => (b.points > a.points ? b : a));
}

/** Score bands for the calibration view. */
export const scoreBands = [
  {label: "0–4", lo: 0, hi: 4},
  {label: "5–8", lo: 5, hi: 8},
  {label: "9–12", lo: 9, hi: 12},
  {label: "13–16", lo: 13, hi: 16},
  {label: "17–20", lo: 17, hi: 20}
];
