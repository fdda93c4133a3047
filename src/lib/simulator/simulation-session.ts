/**
 * The policy simulation for one page: the extract's columns and the nurture histories held once, a preparation per
 * ladder and filter, and the simulation's steps per set of business inputs. What the simulation worker runs
 * (simulation-host.ts), kept free of messaging so that it is tested as it is.
 */
import {simulateInSteps, type SimulationResult, type StepOptions} from "./decision.js";
import {expectedFromPrepared} from "./expected-outcomes.js";
import type {NurtureData} from "./nurture.js";
import {prepareEstimate, type SimulatorInputs} from "./simulator.js";
import {simulatorData, type SimulatorData} from "./simulator-data.js";
import type {SimulatorExtract} from "./simulator-extract.js";
import {Scratch} from "./scratch.js";
import {awaitingHelp, resamplesDown, type HelperStep} from "./resamples.js";

/** A simulation's result, and the open handoffs that no closed handoff of their level was followed as long as. */
export type SimulationReport = SimulationResult & {unmatched: number};

/** A preparation's request: the handoffs simulated, the ladder's stage per evidence bitmask, its levels. */
export interface PrepareRequest {
  rows: ArrayLike<number>;
  table: Uint8Array;
  levels: number[];
}

/** One page's simulation: prepare for a ladder and filter, then simulate with inputs; the latest preparation wins. */
export class SimulationSession {
  private data: SimulatorData | undefined;
  /** The arrays each preparation writes, kept for the next (scratch.ts). */
  private readonly scratch = new Scratch();

  /** Holds the columns and histories every later preparation reads. */
  constructor(
    private readonly extract: SimulatorExtract,
    private readonly nurture: NurtureData
  ) {}

  /**
   * Prepares the simulation of `rows` under a ladder, up to the estimate's sums: all a run's first result needs
   * but the inputs (the page estimates the delay loss meanwhile). A helper, which computes resamples only, leaves
   * the estimate out (`estimate` false).
   */
  prepare({rows, table, levels}: PrepareRequest, estimate = true): void {
    this.data = simulatorData(this.extract, this.nurture, rows, table, levels, this.scratch);
    if (estimate) prepareEstimate(this.data);
  }

  /**
   * The simulation of the latest preparation, in steps (simulateInSteps: null for a step that completed no
   * resample); an error before any preparation, and at its next step once the session has been prepared again.
   */
  *run(inputs: SimulatorInputs, options: StepOptions): Generator<SimulationReport | null | typeof awaitingHelp> {
    const data = this.prepared();
    const steps = simulateInSteps(data, inputs, options);
    for (;;) {
      this.stillPrepared(data);
      const step = steps.next();
      if (step.done) return;
      const result = step.value;
      // The estimate computes the unweighted expected outcomes first, and they are kept: this costs nothing more.
      yield result && result !== awaitingHelp
        ? {...result, unmatched: expectedFromPrepared(data.prepared).unmatched}
        : result;
    }
  }

  /**
   * A helper's share of a run of the latest preparation (resamplesDown): resamples `to` − 1 down to `floor()` in
   * steps, with the same errors as run().
   */
  *resamples(
    inputs: SimulatorInputs,
    options: {seed: number; to: number; budgetMs: number; floor: () => number}
  ): Generator<HelperStep> {
    const data = this.prepared();
    for (const step of resamplesDown(data, inputs, options)) {
      this.stillPrepared(data);
      yield step;
    }
  }

  private prepared(): SimulatorData {
    if (!this.data) throw new Error("the simulation was asked to run before it was prepared");
    return this.data;
  }

  /** A newer preparation has written its arrays over `data`'s (scratch.ts): its run cannot go on. */
  private stillPrepared(data: SimulatorData): void {
    if (this.data !== data) throw new Error("the simulation was prepared again: this run was replaced");
  }
}
