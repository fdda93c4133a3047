/**
 * The outcome colours shared by every chart, so that "won" is the same green everywhere.
 */
import {t} from "../lib/i18n/i18n.js";
import type {HandoffOutcome} from "../lib/core/model.js";

/** Display name of an outcome in the language in force. */
export function outcomeLabel(outcome: HandoffOutcome): string {
  return t(`outcome.${outcome}`);
}

/** Outcome colours: won stands out, the three ways of not winning share warm tones, open is neutral. */
export const outcomeColors: Record<HandoffOutcome, string> = {
  won: "#2f9e6e",
  lost: "#d1495b",
  rejected: "#edae49",
  recycled: "#9b7ede",
  open: "#a9b4c2"
};
