/**
 * The policy simulator's result on the hand-computed fixture (a short seeded bootstrap), for the policy charts'
 * snapshot tests.
 */
import {selectRows} from "../../src/lib/analysis/filters.js";
import {handoffLadder} from "../../src/lib/core/ladder.js";
import {stageLookup} from "../../src/lib/core/reclassify.js";
import {simulate, type PolicyResult} from "../../src/lib/simulator/decision.js";
import {simulatorData, type SimulatorData} from "../../src/lib/simulator/simulator-data.js";
import type {DetailedExtract} from "../../src/lib/core/extract.js";
import type {NurtureData} from "../../src/lib/simulator/nurture.js";
import {extractWithLeadsOf} from "./model.js";

/** Every threshold's figures and intervals on the fixture, 20 resamples. */
export async function fixturePolicies(): Promise<PolicyResult[]> {
  const {extract, nurture} = await extractWithLeadsOf("test/fixtures/small");
  const table = stageLookup(handoffLadder, extract.header.evidenceTypes);
  const data = simulatorData(extract, nurture, selectRows(extract, {}), table, [1, 2, 3, 4, 5]);
  return simulate(data, {costPerSalesHour: 100, nurtureCostPerLead: 10, delayLoss: 0.2}, {replicates: 20}).policies;
}

/** The fixture as the simulator reads it, and a lookup of the extract row of a lead's n-th handoff. */
export interface SimulatorFixture {
  extract: DetailedExtract;
  nurture: NurtureData;
  data: SimulatorData;
  rowOf: (lead: string, seq?: number) => number;
}

/** Loads the hand-computed fixture for the simulator's tests: all handoffs, the default ladder's five levels. */
export async function simulatorFixture(): Promise<SimulatorFixture> {
  const fixture = await extractWithLeadsOf("test/fixtures/small");
  const {extract, nurture} = fixture;
  const rowOf = (lead: string, seq = 1) =>
    [...Array(extract.rows).keys()].find((r) => fixture.leads[r] === lead && extract.columns.handoffSeq[r] === seq)!;
  const table = stageLookup(handoffLadder, extract.header.evidenceTypes);
  return {
    extract,
    nurture,
    data: simulatorData(extract, nurture, selectRows(extract, {}), table, [1, 2, 3, 4, 5]),
    rowOf
  };
}
