/**
 * The level to hand off at for all handoffs under the build's ladder, worked out once by the build
 * (loaders/site/handoff-target.ts) with the code the pages' worker runs, and written to handoff-target.json. The lead
 * check and the scorecard (with no filter set) read it instead of resampling every handoff in the reader's browser:
 * at a million leads those 50 resamples kept the lead check's verdict waiting 14–16 s (docs/simulator.md).
 */
import type {Extract} from "../core/extract.js";
import type {HandoffLadder} from "../core/ladder.js";
import type {FinalDecision} from "./decision.js";
import {targetInputs} from "./target-inputs.js";

/** handoff-target.json: the answer, and what it was worked out from, so that a page never reads another build's. */
export interface BuiltTarget {
  /** The extract's fingerprint (the set of handoffs the answer is about). */
  fingerprint: string;
  /** The id of the ladder the handoffs were classified by. */
  ladder: string;
  /** How many handoffs were simulated: all of them. */
  handoffs: number;
  /** The simulator's inputs: its defaults (targetInputs), resamples included. */
  inputs: typeof targetInputs;
  /** The level to hand off at (the recommended one, else the lowest candidate: today's practice). */
  k: number;
  decision: FinalDecision;
}

/**
 * The build's answer for a page that decoded `extract` and classifies by `ladder`: the same as asking the worker
 * (handoffTargetIn) for all rows. A file of another build, ladder or simulator version fails with one clear error.
 */
export function targetOfBuild(
  target: BuiltTarget,
  extract: Pick<Extract, "header" | "rows">,
  ladder: Pick<HandoffLadder, "id">
): {k: number; decision: FinalDecision} {
  // A file of some other shape (cut short, or not this build's at all) says so rather than fail somewhere later.
  if (typeof target?.k !== "number" || typeof target.decision?.kind !== "string") {
    throw new Error("handoff-target.json is not Leadstage's answer file: rebuild the site");
  }
  const stale =
    target.fingerprint !== extract.header.fingerprint || target.handoffs !== extract.rows
      ? "belongs to another build than handoffs.parquet"
      : target.ladder !== ladder.id
        ? `was worked out under the ladder ${target.ladder}, not ${ladder.id}`
        : JSON.stringify(target.inputs) !== JSON.stringify(targetInputs)
          ? "was worked out at other inputs than this simulator's"
          : null;
  if (stale) throw new Error(`handoff-target.json ${stale}: rebuild the site`);
  return {k: target.k, decision: target.decision};
}
