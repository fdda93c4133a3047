/**
 * What the data never records that the simulator's answer rests on. Without qualification evidence no lead ever
 * climbs the ladder, so a stricter rule only looks like handing off nobody; without lost deals (an export of won deals
 * only) every closed handoff is a win, and an open one would be expected to end as one; without a single won deal, or
 * without won amounts, no rule earns anything; without sales hours a stricter rule saves nothing that is counted. The
 * net value that picks the best threshold then measures an artefact of the export, and the simulator says the data
 * cannot decide instead of naming one.
 *
 * Judged on everything the simulation is sent (every handoff, every nurture history), not on the filtered selection:
 * a campaign whose handoffs got no sales touch is a finding, an export without any is a gap.
 */
import type {NurtureData} from "./nurture.js";
import type {SimulatorExtract} from "./simulator-extract.js";
import {outcomeCode} from "../core/measures.js";

/** A figure the data does not record. */
export type Unmeasured = "evidence" | "losses" | "wins" | "salesHours" | "amounts";

const known = new WeakMap<SimulatorExtract, Unmeasured[]>();

/**
 * What the data does not record, in a fixed order (empty for data that records everything). Data without a won deal
 * is said to lack wins, not amounts: it has no amount to lack (an export of one quarter's leads named "no won amounts").
 */
export function unmeasured(extract: SimulatorExtract, nurture: NurtureData): Unmeasured[] {
  let missing = known.get(extract);
  if (!missing) {
    const {evidenceAtHandoff, salesHours, amount} = extract.columns;
    missing = [];
    if (!evidenceAtHandoff.some((bits) => bits !== 0) && !nurture.evidenceHours.some((h) => !Number.isNaN(h))) {
      missing.push("evidence");
    }
    if (!lossesRecorded(extract)) missing.push("losses");
    const won = extract.rows === 0 || extract.columns.outcome.some((code) => code === outcomeCode.won);
    if (!won) missing.push("wins");
    if (!salesHours.some((hours) => hours > 0)) missing.push("salesHours");
    if (won && !amount.some((value) => value > 0)) missing.push("amounts");
    known.set(extract, missing);
  }
  return missing;
}

const recorded = new WeakMap<SimulatorExtract, boolean>();

/**
 * Whether any handoff ended other than won (lost, disqualified, rejected, recycled). Where none did, the closed
 * handoffs are the won ones alone, and how an open handoff ends cannot be learned from them: it counts as it stands at
 * the data end (expected-outcomes.ts). An extract without handoffs has nothing to learn from either way.
 */
export function lossesRecorded(extract: SimulatorExtract): boolean {
  let answer = recorded.get(extract);
  if (answer === undefined) {
    const {outcome} = extract.columns;
    answer = extract.rows === 0 || outcome.some((code) => code !== outcomeCode.open && code !== outcomeCode.won);
    recorded.set(extract, answer);
  }
  return answer;
}

/** Whether the net value (revenue − sales hours × rate − nurture) rests on something the data does not record. */
export function netValueUnmeasured(gaps: Unmeasured[]): boolean {
  return gaps.includes("salesHours") || gaps.includes("amounts") || gaps.includes("wins");
}
