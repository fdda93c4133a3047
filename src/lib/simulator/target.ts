/**
 * The level the lead check and the scorecard analysis hand off at: the simulator's answer at its default inputs
 * (target-inputs.ts), worked out by the build (loaders/site/handoff-target.ts, on two threads where it can) and by
 * the simulation worker for a filter (handoffTargetIn, simulation-client.ts).
 */
import {simulate, type Decision, type FinalDecision, type SimulationResult} from "./decision.js";
import {estimateDelayLoss} from "./delay-loss.js";
import type {SimulatorData} from "./simulator-data.js";
import type {SimulatorInputs} from "./simulator.js";
import {targetInputs} from "./target-inputs.js";

/** The level to hand off at by a final decision: the recommended one, else the lowest candidate (today's practice). */
export function targetOf(decision: Decision): number {
  if (decision.kind === "pending") throw new Error("a simulation still resampling names no level");
  return decision.kind === "recommend" ? decision.k : Math.min(...decision.candidates);
}

/**
 * The level to hand off at for `data`: the simulator's answer at its default inputs (€120 per sales hour, €20
 * nurture, the estimated delay loss, 50 resamples); when the data cannot decide, the lowest candidate, which is what
 * happens today. The decision comes along, so a page can say which case it is.
 */
export function handoffTarget(data: SimulatorData): {k: number; decision: FinalDecision} {
  const {inputs, replicates} = targetRun(data);
  return targetAnswer(simulate(data, inputs, {replicates}));
}

/** What handoffTarget simulates: the default inputs with the delay loss estimated from `data`, and 50 resamples. */
export function targetRun(data: SimulatorData): {inputs: SimulatorInputs; replicates: number} {
  const {replicates, ...costs} = targetInputs;
  return {inputs: {...costs, delayLoss: estimateDelayLoss(data).delayLoss}, replicates};
}

/** handoffTarget's answer from the finished simulation of targetRun. */
export function targetAnswer({decision}: SimulationResult): {k: number; decision: FinalDecision} {
  if (decision.kind === "pending") throw new Error("a finished simulation is never pending");
  return {k: targetOf(decision), decision};
}
