/**
 * The policy simulator's result on the hand-computed fixture (a short seeded bootstrap), for the policy charts'
 * snapshot tests.
 */
import {selectRows} from "../../src/lib/analysis/filters.js";
import {handoffLadder} from "../../src/lib/core/ladder.js";
import {stageLookup} from "../../src/lib/core/reclassify.js";
import {simulate, type PolicyResult} from "../../src/lib/simulator/decision.js";
import {simulatorData} from "../../src/lib/simulator/simulator-data.js";
import {extractWithLeadsOf} from "./model.js";

/** Every threshold's figures and intervals on the fixture, 20 resamples. */
export async function fixturePolicies(): Promise<PolicyResult[]> {
  const {extract, nurture} = await extractWithLeadsOf("test/fixtures/small");
  const table = stageLookup(handoffLadder, extract.header.evidenceTypes);
  const data = simulatorData(extract, nurture, selectRows(extract, {}), table, [1, 2, 3, 4, 5]);
  return simulate(data, {costPerSalesHour: 100, nurtureCostPerLead: 10, delayLoss: 0.2}, {replicates: 20}).policies;
}
