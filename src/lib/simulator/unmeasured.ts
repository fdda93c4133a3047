/**
 * What the data never records that the simulator's answer rests on. Without qualification evidence no lead ever
 * climbs the ladder, so a stricter rule only looks like handing off nobody; without sales hours a stricter rule saves
 * nothing that is counted; without won amounts no rule earns anything. The net value that picks the best threshold
 * then measures an artefact of the export, and the simulator says the data cannot decide instead of naming one.
 *
 * Judged on everything the simulation is sent (every handoff, every nurture history), not on the filtered selection:
 * a campaign whose handoffs got no sales touch is a finding, an export without any is a gap.
 */
import type {NurtureData} from "./nurture.js";
import type {SimulatorExtract} from "./simulator-extract.js";

/** A figure the data does not record. */
export type Unmeasured = "evidence" | "salesHours" | "amounts";

const known = new WeakMap<SimulatorExtract, Unmeasured[]>();

/** What the data does not record, in a fixed order (empty for data that records all three). */
export function unmeasured(extract: SimulatorExtract, nurture: NurtureData): Unmeasured[] {
  let missing = known.get(extract);
  if (!missing) {
    const {evidenceAtHandoff, salesHours, amount} = extract.columns;
    missing = [];
    if (!evidenceAtHandoff.some((bits) => bits !== 0) && !nurture.evidenceHours.some((h) => !Number.isNaN(h))) {
      missing.push("evidence");
    }
    if (!salesHours.some((hours) => hours > 0)) missing.push("salesHours");
    if (!amount.some((value) => value > 0)) missing.push("amounts");
    known.set(extract, missing);
  }
  return missing;
}

/** Whether the net value (revenue − sales hours × rate − nurture) rests on something the data does not record. */
export function netValueUnmeasured(gaps: Unmeasured[]): boolean {
  return gaps.includes("salesHours") || gaps.includes("amounts");
}
