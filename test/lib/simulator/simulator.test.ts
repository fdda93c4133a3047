import {beforeAll, describe, expect, it} from "vitest";
import type {DetailedExtract} from "../../../src/lib/core/extract.js";
import {handoffLadder} from "../../../src/lib/core/ladder.js";
import type {NurtureData} from "../../../src/lib/simulator/nurture.js";
import {stageLookup} from "../../../src/lib/core/reclassify.js";
import {estimatePolicies} from "../../../src/lib/simulator/simulator.js";
import {simulatorData, type SimulatorData} from "../../../src/lib/simulator/simulator-data.js";
import {Scratch} from "../../../src/lib/simulator/scratch.js";
import {simulatorFixture} from "../../helpers/policies.js";

let extract: DetailedExtract;
let nurture: NurtureData;
let data: SimulatorData;
let rowOf: (lead: string, seq?: number) => number;
const levels = [1, 2, 3, 4, 5];
const inputs = {costPerSalesHour: 100, nurtureCostPerLead: 10, delayLoss: 0.5};
beforeAll(async () => void ({extract, nurture, data, rowOf} = await simulatorFixture()));

describe("estimatePolicies", () => {
  it("at the lowest k is what happened: closed handoffs as they ended, under both assumptions alike", () => {
    const [actual] = estimatePolicies(data, inputs);
    expect(actual.k).toBe(1);
    expect(actual.bar).toEqual(actual.self);
    expect(actual.bar.handoffsToSales).toBe(10);
    expect(actual.bar.deferred).toBe(0);
    // Fixture: L02, L04, L05 and L07's second handoff were won; two handoffs are open.
    expect(actual.bar.wins).toBeGreaterThanOrEqual(4);
    expect(actual.bar.wins).toBeLessThanOrEqual(6);
    expect(actual.bar.netValue).toBeCloseTo(actual.bar.revenue - actual.bar.salesHours * 100, 6);
  });

  it("defers the handoffs below k and charges their nurture", () => {
    const k3 = estimatePolicies(data, inputs)[2];
    // Below level 3: L01, L02, L06, L07 (first), L08.
    expect(k3.bar.deferred).toBe(5);
    expect(k3.self.deferred).toBe(5);
    expect(k3.bar.reached).toBeGreaterThanOrEqual(0);
    expect(k3.bar.reached).toBeLessThanOrEqual(5);
    expect(k3.bar.netValue).toBeCloseTo(k3.bar.revenue - k3.bar.salesHours * 100 - 5 * 10, 6);
  });

  it("'bar' and 'self' never read evidence found after a handoff; the own-path view does", () => {
    const table = stageLookup(handoffLadder, extract.header.evidenceTypes);
    const before = estimatePolicies(simulatorData(extract, nurture, data.rows, table, levels), inputs);
    // Every piece of evidence not known at a handoff found an hour after it.
    const known = extract.columns.evidenceHours;
    const later = Float32Array.from(known, (h) => (Number.isNaN(h) ? 1 : NaN));
    const columns = {
      ...extract.columns,
      evidenceEver: new Uint16Array(extract.rows).fill(511),
      evidenceHoursAfter: later
    };
    const after = estimatePolicies(simulatorData({...extract, columns}, nurture, data.rows, table, levels), inputs);
    expect(after.map((d) => [d.bar, d.self])).toEqual(before.map((d) => [d.bar, d.self]));
    // Each stage's handoffs climbed to the top an hour after their handoff (the won ones' paths end at it): more
    // deferred handoffs reach k in the own-path view, and only there.
    for (let k = 1; k < 5; ++k) {
      expect(after[k].ownPath?.bar.reached).toBeGreaterThan(before[k].ownPath?.bar.reached ?? Infinity);
      expect(after[k].ownPath?.bar.reached).toBeLessThanOrEqual(after[k].bar.deferred + 1e-9);
    }
  });

  it("leaves the own-path view out when asked (the first table needs none), and the rest as it is", () => {
    const full = estimatePolicies(data, inputs);
    const fast = estimatePolicies(data, inputs, undefined, false);
    expect(fast.every((d) => d.ownPath === undefined)).toBe(true);
    expect(fast).toEqual(full.map(({ownPath: _, ...rest}) => rest));
  });

  it("without any lead progressing in nurture, a deferred handoff brings nothing", () => {
    const stuck: NurtureData = {...nurture, evidenceHours: new Float32Array(nurture.evidenceHours.length).fill(NaN)};
    const table = stageLookup(handoffLadder, extract.header.evidenceTypes);
    const policies = estimatePolicies(simulatorData(extract, stuck, data.rows, table, levels), inputs);
    for (const p of policies.slice(1)) {
      expect(p.bar.reached).toBe(0);
      expect(p.self.handoffsToSales).toBe(10 - p.self.deferred);
    }
  });

  it("weights act as repeated handoffs and leads (the bootstrap's resampling)", () => {
    const single = estimatePolicies(data, inputs);
    const doubled = estimatePolicies(data, inputs, {
      handoffs: new Float64Array(data.rows.length).fill(2),
      leads: new Float64Array(nurture.rows).fill(2)
    });
    doubled.forEach((d, i) => {
      expect(d.bar.salesHours).toBeCloseTo(2 * single[i].bar.salesHours, 9);
      expect(d.self.wins).toBeCloseTo(2 * single[i].self.wins, 9);
    });
  });

  it("estimates a resample in the arrays of the one before exactly as in fresh ones (scratch.ts)", () => {
    const weights = (seed: number) => ({
      handoffs: Float64Array.from(data.rows, (_, i) => (i * seed) % 3),
      leads: Float64Array.from({length: nurture.rows}, (_, i) => (i * seed + 1) % 3)
    });
    const scratch = new Scratch();
    estimatePolicies(data, inputs, {...weights(7), scratch});
    expect(estimatePolicies(data, inputs, {...weights(5), scratch})).toEqual(
      estimatePolicies(data, inputs, weights(5))
    );
  });

  it("more delay loss lowers the 'self' wins and leaves 'bar' alone", () => {
    const none = estimatePolicies(data, {...inputs, delayLoss: 0});
    const half = estimatePolicies(data, inputs);
    for (let k = 1; k < 5; ++k) {
      expect(none[k].self.wins).toBeGreaterThanOrEqual(half[k].self.wins);
      expect(none[k].bar.wins).toBe(half[k].bar.wins);
    }
  });
});
