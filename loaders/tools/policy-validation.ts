/**
 * Validates the policy simulator against ground truth: a scenario's history goes through the real pipeline (DuckDB
 * model, Parquet extract, the browser's decoder and simulator), and every policy's estimate is compared with what
 * the generator says that policy truly brings for the same leads.
 */
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {withDatabase} from "../pipeline/duckdb.js";
import {appendHistory, copyHistory, createHistoryTables} from "./history-writer.js";
import {writeExtractFiles} from "../site/extract-files.js";
import {buildHandoffModel} from "../pipeline/handoff-model.js";
import {locateInput} from "../pipeline/input.js";
import {generateScenario, type PolicyTruth, type ScenarioName} from "./policy-scenarios.js";
import {decodeExtract} from "../../src/lib/core/extract.js";
import {handoffLadder} from "../../src/lib/core/ladder.js";
import {decodeNurture} from "../../src/lib/simulator/nurture.js";
import {decodeLaterEvidence} from "../../src/lib/simulator/own-paths.js";
import {stageLookup} from "../../src/lib/core/reclassify.js";
import {simulate, type FinalDecision, type SimulationResult} from "../../src/lib/simulator/decision.js";
import type {SimulatorInputs} from "../../src/lib/simulator/simulator.js";
import {estimateDelayLoss} from "../../src/lib/simulator/delay-loss.js";
import {simulatorData} from "../../src/lib/simulator/simulator-data.js";

/** The figures checked against the truth. */
export const checkedFigures = ["wins", "salesHours", "netValue"] as const;

/** One policy's check: the truth, both assumptions' estimates, the 95% interval, covered or not. */
export interface PolicyCheck {
  k: number;
  figure: (typeof checkedFigures)[number];
  truth: number;
  bar: number;
  self: number;
  lo: number;
  hi: number;
  covered: boolean;
}

/** One validated run of a scenario. */
export interface ScenarioCheck {
  scenario: ScenarioName;
  seed: number;
  handoffs: number;
  checks: PolicyCheck[];
  decision: FinalDecision;
  /** The k with the best true net value, and the true net value of the decision's k (or of each candidate). */
  bestTrueK: number;
  /** Whether the decision is right: the recommended k is truly best, or "cannot decide" names the true best. */
  decisionRight: boolean;
  /** Whether a recommended k is truly worse than what actually happened (the lowest k). */
  recommendsWorseThanActual: boolean;
}

/** The page's default business inputs. */
export const defaultCosts = {costPerSalesHour: 120, nurtureCostPerLead: 20};

/** Runs a scenario through the pipeline and the simulator; returns the simulation and the generator's truth. */
export async function simulateScenario(
  scenario: ScenarioName,
  {leads, seed, replicates = 200}: {leads: number; seed: number; replicates?: number}
): Promise<{result: SimulationResult; truth: PolicyTruth[]; inputs: SimulatorInputs; handoffs: number}> {
  const run = generateScenario(scenario, {leads, seed});
  const directory = mkdtempSync(join(tmpdir(), "leadstage-scenario-"));
  try {
    await withDatabase(async (db) => {
      await createHistoryTables(db);
      await appendHistory(db, run.leads, run.events);
      await copyHistory(db, directory, "parquet");
      const summary = await buildHandoffModel(db, locateInput(directory), handoffLadder);
      await writeExtractFiles(db, join(directory, "extract"), summary.dataEnd);
    });
    const read = (file: string) => new Uint8Array(readFileSync(join(directory, "extract", file)));
    const extract = await decodeLaterEvidence(
      read("later-evidence.parquet"),
      await decodeExtract(read("handoffs.parquet"))
    );
    const nurture = await decodeNurture(read("nurture.parquet"), extract);
    const rows = Uint32Array.from({length: extract.rows}, (_, i) => i);
    const levels = handoffLadder.levels.map((d) => d.level);
    const data = simulatorData(
      extract,
      nurture,
      rows,
      stageLookup(handoffLadder, extract.header.evidenceTypes),
      levels
    );
    const inputs = {...defaultCosts, delayLoss: estimateDelayLoss(data).delayLoss};
    return {result: simulate(data, inputs, {replicates, seed}), truth: run.truth, inputs, handoffs: extract.rows};
  } finally {
    rmSync(directory, {recursive: true, force: true});
  }
}

/** Validates one run of a scenario: every policy's interval against the truth, and the decision. */
export async function validateScenario(
  scenario: ScenarioName,
  options: {leads: number; seed: number; replicates?: number}
): Promise<ScenarioCheck> {
  const {result, truth, inputs, handoffs} = await simulateScenario(scenario, options);
  const trueNet = (t: PolicyTruth) =>
    t.revenue - t.salesHours * inputs.costPerSalesHour - t.deferred * inputs.nurtureCostPerLead;
  const checks = result.policies.flatMap((policy) => {
    const t = truth.find((d) => d.k === policy.k)!;
    const truthOf = {wins: t.wins, salesHours: t.salesHours, netValue: trueNet(t)};
    return checkedFigures.map((figure): PolicyCheck => {
      const {lo, hi} = policy.intervals[figure];
      const value = truthOf[figure];
      return {
        k: policy.k,
        figure,
        truth: value,
        bar: policy.bar[figure],
        self: policy.self[figure],
        lo,
        hi,
        covered: lo <= value && value <= hi
      };
    });
  });
  const nets = truth.map(trueNet);
  const bestTrueK = truth[nets.indexOf(Math.max(...nets))].k;
  const {decision} = result;
  if (decision.kind === "pending") throw new Error("a finished simulation is never pending");
  const decisionRight =
    decision.kind === "recommend" ? decision.k === bestTrueK : decision.candidates.includes(bestTrueK);
  const recommendsWorseThanActual =
    decision.kind === "recommend" && nets[truth.findIndex((d) => d.k === decision.k)] < nets[0];
  return {
    scenario,
    seed: options.seed,
    handoffs,
    checks,
    decision,
    bestTrueK,
    decisionRight,
    recommendsWorseThanActual
  };
}
