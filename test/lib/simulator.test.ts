import {beforeAll, describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import type {DetailedExtract} from "../../src/lib/extract.ts";
import {selectRows} from "../../src/lib/filters.ts";
import {handoffLadder, validateLadder} from "../../src/lib/ladder.ts";
import {reachableLevels, reclassify, stageLookup} from "../../src/lib/reclassify.ts";
import {
  estimateDelayLoss,
  quartersCovered,
  seededRandom,
  waitsToReach,
  weeksToReach,
  simulate,
  simulatePolicies,
  type SimulatorData
} from "../../src/lib/simulator.ts";
import {extractWithLeadsOf} from "../helpers/model.ts";

let extract: DetailedExtract;
let data: SimulatorData;
/** Values of a per-row array in the fixture's order (by lead and handoff), which the extract's files do not keep. */
let inLeadOrder: (values: ArrayLike<number>) => number[];
/** The raw lead ID of each row. */
let leadOf: string[];
beforeAll(async () => {
  const {extract: fixture, leads, byLead} = await extractWithLeadsOf("test/fixtures/small");
  extract = fixture;
  leadOf = leads;
  inLeadOrder = (values) => byLead.map((row) => values[row]);
  data = {
    extract,
    rows: selectRows(extract, {}),
    stages: reclassify(extract, handoffLadder),
    reachable: reachableLevels(extract, handoffLadder),
    levels: [1, 2, 3, 4, 5]
  };
});

describe("reclassify", () => {
  it("gives the loader's (DuckDB's) stage for every handoff under the default ladder", () => {
    expect(Array.from(data.stages)).toEqual(Array.from(extract.columns.stage));
  });

  it("reads the level each lead reached eventually, evidence learned later included", () => {
    expect(inLeadOrder(data.reachable)).toEqual([1, 2, 3, 4, 5, 1, 3, 3, 3, 5]);
  });

  it("re-classifies with a 6-level ladder from configuration", () => {
    const six = validateLadder(JSON.parse(readFileSync("data/ladders/six-levels.json", "utf8")));
    expect(inLeadOrder(reclassify(extract, six))).toEqual([1, 2, 3, 4, 6, 1, 2, 3, 2, 6]);
    expect(stageLookup(six, extract.header.evidenceTypes)).toHaveLength(512);
  });
});

describe("simulatePolicies (hand-computed on the fixture)", () => {
  const inputs = {costPerSalesHour: 100, nurtureCostPerLead: 10, delayLoss: 0.5};

  it("k = 1 is what actually happened, open handoffs expected to win at the overall rate", () => {
    const [actual] = simulatePolicies(data, inputs);
    expect(actual).toMatchObject({
      k: 1,
      handoffsToSales: 10,
      deferred: 0,
      neverReach: 0,
      salesHours: 10,
      expectedWins: 5,
      winsAtRisk: 0
    });
    expect(actual.expectedRevenue).toBeCloseTo(110000 + 2 * 0.5 * 27500, 6);
    expect(actual.netValue).toBeCloseTo(137500 - 1000, 6);
  });

  it("k = 3 defers five handoffs: three never reach level 3, two do and convert like level-3+ handoffs less the delay loss", () => {
    const k3 = simulatePolicies(data, inputs)[2];
    expect(k3).toMatchObject({k: 3, handoffsToSales: 7, deferred: 5, neverReach: 3, salesHours: 10.5, expectedWins: 6});
    expect(k3.expectedRevenue).toBeCloseTo(200000, 6);
    // One deferred handoff (L02, level 2) was won and never reached level 3; two later ones are expected to win 0.5 each.
    expect(k3.winsAtRisk).toBeCloseTo(0, 12);
    expect(k3.netValue).toBeCloseTo(200000 - 10.5 * 100 - 5 * 10, 6);
  });

  it("more delay loss means fewer expected wins for every k above 1", () => {
    const none = simulatePolicies(data, {...inputs, delayLoss: 0});
    const half = simulatePolicies(data, inputs);
    expect(none[0].expectedWins).toBe(half[0].expectedWins);
    for (let k = 1; k < 5; ++k) expect(none[k].expectedWins).toBeGreaterThanOrEqual(half[k].expectedWins);
  });

  it("weights act as repeated handoffs (the bootstrap's resampling)", () => {
    const doubled = simulatePolicies(data, inputs, new Uint16Array(10).fill(2));
    const single = simulatePolicies(data, inputs);
    doubled.forEach((d, i) => expect(d.salesHours).toBeCloseTo(2 * single[i].salesHours, 9));
  });
});

describe("simulate", () => {
  it("is seeded: the same intervals on every run, and best shares that sum to 1", () => {
    const inputs = {costPerSalesHour: 100, nurtureCostPerLead: 10, delayLoss: 0.2};
    const a = simulate(data, inputs, {replicates: 50});
    const b = simulate(data, inputs, {replicates: 50});
    expect(a).toEqual(b);
    expect(a.bestShare.reduce((s, d) => s + d, 0)).toBeCloseTo(1, 9);
    for (const [i, interval] of a.intervals.entries()) {
      expect(interval.salesHours.lo).toBeLessThanOrEqual(a.policies[i].salesHours + 1e-9);
      expect(interval.salesHours.hi).toBeGreaterThanOrEqual(interval.salesHours.lo);
    }
  });

  it("estimates the delay loss from slow versus fast handoffs within each level", () => {
    // Slower than their level's median: only L08 (level 2, 10 days, lost). Faster or at it: six closed handoffs, three
    // won. A slow win rate of 0 against 0.5 is a loss of 100%, capped at 90%.
    expect(estimateDelayLoss(data)).toEqual({delayLoss: 0.9, slow: 1, fast: 6, slowRate: 0, fastRate: 0.5});
  });

  it("draws from a repeatable generator", () => {
    const random = seededRandom(1);
    const again = seededRandom(1);
    expect([random(), random()]).toEqual([again(), again()]);
  });
});

describe("reclassify on the bundled sample", () => {
  it("agrees with DuckDB on every one of its handoffs", async () => {
    const {extract: sample, sqlStages} = await extractWithLeadsOf("data/sample");
    const stages = reclassify(sample, handoffLadder);
    let disagreements = 0;
    for (let i = 0; i < sample.rows; ++i) if (stages[i] !== sqlStages[i]) disagreements++;
    expect(sample.rows).toBeGreaterThan(10_000);
    expect(disagreements).toBe(0);
    // The stage the file carries is DuckDB's too.
    expect(Array.from(sample.columns.stage)).toEqual(sqlStages);
  });
});

describe("quartersCovered", () => {
  it("counts whole handoff months, first to last, as quarters", () => {
    // The fixture's handoffs fall in January, February and March 2025.
    expect(quartersCovered(extract, selectRows(extract, {}))).toBe(1);
    expect(quartersCovered(extract, selectRows(extract, {from: "2025-02", to: "2025-02"}))).toBeCloseTo(1 / 3);
    expect(quartersCovered(extract, new Uint32Array(0))).toBeCloseTo(1 / 3);
  });

  it("handles a million handoffs (the page once spread them into Math.max, past the call stack)", () => {
    const rows = new Uint32Array(1_000_000).map((_, i) => i % extract.rows);
    expect(quartersCovered(extract, rows)).toBe(1);
  });
});

describe("waits to reach a level (hand-computed on the fixture)", () => {
  const row = (lead: string, seq = 1) =>
    [...Array(extract.rows).keys()].find((r) => leadOf[r] === lead && extract.columns.handoffSeq[r] === seq)!;
  const table = () => stageLookup(handoffLadder, extract.header.evidenceTypes);

  it("reads when each piece of evidence came, exactly, in hours from the handoff", () => {
    const hours = (lead: string, seq = 1) =>
      Array.from(extract.columns.evidenceHours.subarray(row(lead, seq) * 9, row(lead, seq) * 9 + 9));
    // L07, first handoff on 5 January: the need came on 1 February, 27 days later; ICP and role were known before.
    const l07 = hours("L07");
    expect(l07[0]).toBeLessThanOrEqual(0);
    expect(l07[1]).toBeLessThanOrEqual(0);
    expect(l07[2]).toBe(27 * 24);
    expect(l07.slice(3).every(Number.isNaN)).toBe(true);
    // L08: the need came one second after the handoff: one second, not a week.
    expect(hours("L08")[2]).toBeCloseTo(1 / 3600, 9);
    // L04: budget nine days after the handoff.
    expect(hours("L04")[5]).toBe(9 * 24);
  });

  it("finds how many weeks after the handoff the lead first classifies at k, exactly, or none", () => {
    expect(weeksToReach(extract, table(), row("L07"), 2)).toBe(0);
    expect(weeksToReach(extract, table(), row("L07"), 3)).toBeCloseTo(27 / 7, 12);
    expect(weeksToReach(extract, table(), row("L08"), 3)).toBeCloseTo(1 / 604800, 12);
    expect(weeksToReach(extract, table(), row("L04"), 5)).toBeNull(); // budget alone is not MAN-T
  });

  it("summarises the deferred leads that got there, per k", () => {
    // Only k = 3 has deferred handoffs whose lead got there: L07 after 27 days, L08 after one second.
    const [wait] = waitsToReach(data, handoffLadder);
    expect(waitsToReach(data, handoffLadder)).toHaveLength(1);
    expect(wait).toMatchObject({k: 3, n: 2});
    expect(wait.median).toBeCloseTo((27 / 7 + 1 / 604800) / 2, 9);
  });
});
