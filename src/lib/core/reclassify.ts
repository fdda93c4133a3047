/**
 * Re-classifies the extract's handoffs with any ladder, in the browser, with the same classifier the loaders' SQL is
 * compiled from. The extract stores the evidence known at each handoff as a bitmask, so the classifier is asked once
 * per possible bitmask (512 for nine evidence types) and each handoff is then a table lookup: 100,000 handoffs take
 * well under a millisecond per ladder.
 */
import type {Extract} from "./extract.js";
import {stageAtHandoff, type EvidenceOffsets, type EvidenceType, type HandoffLadder} from "./ladder.js";

/** The stage for every evidence bitmask (bit i = evidenceTypes[i] known at handoff) under `ladder`. */
export function stageLookup(ladder: HandoffLadder, evidenceTypes: readonly string[]): Uint8Array {
  const table = new Uint8Array(1 << evidenceTypes.length);
  for (let mask = 0; mask < table.length; ++mask) {
    const offsets: EvidenceOffsets = {};
    evidenceTypes.forEach((type, i) => {
      offsets[type as EvidenceType] = mask & (1 << i) ? 0 : null;
    });
    table[mask] = stageAtHandoff(offsets, ladder);
  }
  return table;
}

/** The stage of every handoff of the extract under `ladder`, from the evidence known at handoff. */
export function reclassify(extract: Extract, ladder: HandoffLadder): Uint8Array {
  return stagesOf(extract.columns.evidenceAtHandoff, stageLookup(ladder, extract.header.evidenceTypes));
}

function stagesOf(masks: ArrayLike<number>, table: Uint8Array): Uint8Array {
  const stages = new Uint8Array(masks.length);
  for (let i = 0; i < masks.length; ++i) stages[i] = table[masks[i]];
  return stages;
}
