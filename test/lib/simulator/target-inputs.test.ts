import {describe, expect, it} from "vitest";
import {simulate} from "../../../src/lib/simulator/decision.js";
import {handoffTarget} from "../../../src/lib/simulator/target.js";
import {estimateDelayLoss} from "../../../src/lib/simulator/delay-loss.js";
import {targetInputs} from "../../../src/lib/simulator/target-inputs.js";
import {simulatorFixture} from "../../helpers/policies.js";

describe("targetInputs", () => {
  it("are the simulator's defaults with 50 resamples, and what handoffTarget() simulates at", async () => {
    expect(targetInputs).toEqual({costPerSalesHour: 120, nurtureCostPerLead: 20, replicates: 50});
    const {data} = await simulatorFixture();
    const {delayLoss} = estimateDelayLoss(data);
    const {decision} = simulate(data, {costPerSalesHour: 120, nurtureCostPerLead: 20, delayLoss}, {replicates: 50});
    expect(handoffTarget(data).decision).toEqual(decision);
  });
});
