/**
 * The outcome colours shared by every chart, so that "won" is the same green everywhere.
 */
import type {HandoffOutcome} from "../lib/model.js";

/** Display names of the outcomes (English; the German dashboard arrives with the dictionaries). */
export const outcomeLabels: Record<HandoffOutcome, string> = {
  won: "Won",
  lost: "Lost",
  rejected: "Rejected by sales",
  recycled: "Recycled to marketing",
  open: "Open"
};

/** Outcome colours: won stands out, the three ways of not winning share warm tones, open is neutral. */
export const outcomeColors: Record<HandoffOutcome, string> = {
  won: "#2f9e6e",
  lost: "#d1495b",
  rejected: "#edae49",
  recycled: "#9b7ede",
  open: "#a9b4c2"
};
