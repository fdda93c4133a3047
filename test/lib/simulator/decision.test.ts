import {beforeAll, describe, expect, it} from "vitest";
import {selectRows} from "../../../src/lib/analysis/filters.js";
import {handoffLadder} from "../../../src/lib/core/ladder.js";
import {stageLookup} from "../../../src/lib/core/reclassify.js";
import {
  decide,
  simulate,
  simulateInSteps,
  type PolicyResult,
  type SimulationResult
} from "../../../src/lib/simulator/decision.js";
import {simulatorData, type SimulatorData} from "../../../src/lib/simulator/simulator-data.js";
import {type PolicyEstimate, type PolicyFigures} from "../../../src/lib/simulator/simulator.js";
import {extractWithLeadsOf} from "../../helpers/model.js";
import {targetOf} from "../../../src/lib/simulator/target.js";
import {toEnd} from "../../../src/lib/simulator/phases.js";
import {
  awaitingHelp,
  bootstrapSeed,
  resamplesAt,
  type IndexedResample,
  type SharedResamples
} from "../../../src/lib/simulator/resamples.js";

/** A step of simulateInSteps run without a helper: never awaitingHelp. */
type Step = SimulationResult | null;

let data: SimulatorData;
beforeAll(async () => {
  const {extract, nurture} = await extractWithLeadsOf("test/fixtures/small");
  const table = stageLookup(handoffLadder, extract.header.evidenceTypes);
  data = simulatorData(extract, nurture, selectRows(extract, {}), table, [1, 2, 3, 4, 5]);
});

/**
 * Policies whose net values under "bar" and "self" are given, with the given best shares and net value intervals
 * (none: not resampled).
 */
function policies(
  nets: [number, number][],
  best: {bar: number; self: number; both: number}[],
  intervals: [number, number][] = nets.map(() => [NaN, NaN])
): PolicyResult[] {
  const figures = (netValue: number) => ({netValue}) as PolicyFigures;
  return nets.map(([bar, self], j) => ({
    k: j + 1,
    bar: figures(bar),
    self: figures(self),
    barMissing: false,
    intervals: {netValue: {lo: intervals[j][0], hi: intervals[j][1]}} as PolicyResult["intervals"],
    changes: {} as PolicyResult["changes"],
    best: best[j]
  }));
}
const point = (p: PolicyResult[]): PolicyEstimate[] => p;

describe("decide", () => {
  it("recommends k only when it is best under both assumptions in at least 95% of resamples", () => {
    const p = policies(
      [
        [1, 1],
        [3, 2],
        [2, 1]
      ],
      [
        {bar: 0, self: 0.03, both: 0},
        {bar: 0.97, self: 0.97, both: 0.96},
        {bar: 0.03, self: 0, both: 0}
      ]
    );
    expect(decide(point(p), p, 500)).toEqual({kind: "recommend", k: 2, share: 0.96});
  });

  it("says the data cannot decide when the assumptions disagree, naming every k between their answers", () => {
    const p = policies(
      [
        [1, 5],
        [2, 4],
        [3, 3],
        [4, 1]
      ],
      [
        {bar: 0, self: 1, both: 0},
        {bar: 0, self: 0, both: 0},
        {bar: 0, self: 0, both: 0},
        {bar: 1, self: 0, both: 0}
      ]
    );
    expect(decide(point(p), p, 500)).toEqual({
      kind: "undecided",
      candidates: [1, 2, 3, 4],
      reason: "assumptions",
      share: 0
    });
  });

  it("names a k beyond both assumptions' answers that the estimate does not rule out, and only such a k", () => {
    // Seed 104 of waiting-helps (8,000 leads): "bar" ranks 4 first, "self" 1, and 5 was truly best (9.8M).
    const nets: [number, number][] = [
      [3.1, 3.1],
      [5.9, 0.7],
      [9.8, -3.0],
      [14.5, -10.0],
      [7.3, -12.6]
    ];
    const shares = nets.map((_, j) => ({bar: j === 3 ? 1 : 0, self: j === 0 ? 1 : 0, both: 0}));
    const p = policies(nets, shares);
    expect(decide(point(p), p, 500)).toMatchObject({kind: "undecided", candidates: [1, 2, 3, 4, 5]});
    // A k whose better assumption (2) falls below another's worse one (3) is out…
    const nets3: [number, number][] = [
      [5, 3],
      [6, 1],
      [2, 0]
    ];
    const shares3 = [
      {bar: 0, self: 1, both: 0},
      {bar: 1, self: 0, both: 0},
      {bar: 0, self: 0, both: 0}
    ];
    const q = policies(nets3, shares3);
    expect(decide(point(q), q, 500)).toMatchObject({kind: "undecided", candidates: [1, 2], reason: "assumptions"});
    // …unless its interval reaches above another k's interval's bottom: seed 115 of waiting-helps at 2,000 leads put
    // "bar" at 5 near 0 (a handful of level-5 deals), its interval reached the truth, 5 was truly best.
    const r = policies(nets3, shares3, [
      [2, 6],
      [0, 7],
      [-1, 2.5]
    ]);
    expect(decide(point(r), r, 500)).toMatchObject({candidates: [1, 2, 3]});
    const shut = policies(nets3, shares3, [
      [2, 6],
      [0, 7],
      [-1, 1.5]
    ]);
    expect(decide(point(shut), shut, 500)).toMatchObject({candidates: [1, 2]});
  });

  it("recommends nothing when deferred leads that climb only as far as their own evidence went make another k best", () => {
    const p = policies(
      [
        [5, 5],
        [6, 6]
      ],
      [
        {bar: 0, self: 0, both: 0},
        {bar: 1, self: 1, both: 1}
      ]
    );
    expect(decide(point(p), p, 500)).toMatchObject({kind: "recommend", k: 2});
    // With the leads' own climb, fewer deferred leads reach 2 and it falls below keeping today's practice.
    const figures = (netValue: number) => ({netValue}) as PolicyFigures;
    p[1].climbed = {bar: figures(4), self: figures(4.5)};
    expect(decide(point(p), p, 500)).toEqual({kind: "undecided", candidates: [1, 2], reason: "climb", share: 1});
  });

  it("recommends nothing when deferred leads that climb as their own level's handoffs did make another k best", () => {
    const p = policies(
      [
        [6, 6],
        [5, 5]
      ],
      [
        {bar: 1, self: 1, both: 1},
        {bar: 0, self: 0, both: 0}
      ]
    );
    expect(decide(point(p), p, 500)).toMatchObject({kind: "recommend", k: 1});
    // The hot accounts handed off at once climbed fast while sales worked them: deferred, more of them reach 2.
    const figures = (netValue: number) => ({netValue}) as PolicyFigures;
    p[1].ownPath = {bar: figures(7), self: figures(5.5)};
    expect(decide(point(p), p, 500)).toEqual({kind: "undecided", candidates: [1, 2], reason: "paths", share: 1});
  });

  it("says so too when resampling moves the answer, and when there are too few closed handoffs", () => {
    const p = policies(
      [
        [2, 2],
        [1, 1]
      ],
      [
        {bar: 0.8, self: 0.8, both: 0.8},
        {bar: 0.2, self: 0.2, both: 0.2}
      ]
    );
    expect(decide(point(p), p, 500)).toMatchObject({kind: "undecided", candidates: [1, 2], reason: "noise"});
    const sure = policies([[2, 2]], [{bar: 1, self: 1, both: 1}]);
    expect(decide(point(sure), sure, 29)).toMatchObject({kind: "undecided", reason: "few"});
  });

  it("names no threshold, every k a candidate, when the data does not record what the net value rests on", () => {
    const sure = policies(
      [
        [2, 2],
        [1, 1]
      ],
      [
        {bar: 1, self: 1, both: 1},
        {bar: 0, self: 0, both: 0}
      ]
    );
    expect(decide(point(sure), sure, 500)).toMatchObject({kind: "recommend", k: 1});
    expect(decide(point(sure), sure, 500, ["evidence", "amounts"])).toEqual({
      kind: "undecided",
      candidates: [1, 2],
      reason: "unmeasured",
      share: 1,
      unmeasured: ["evidence", "amounts"]
    });
  });
});

describe("simulate", () => {
  it("is seeded: the same intervals on every run; best shares sum to 1 under each assumption", () => {
    const inputs = {costPerSalesHour: 100, nurtureCostPerLead: 10, delayLoss: 0.2};
    const a = simulate(data, inputs, {replicates: 40});
    const b = simulate(data, inputs, {replicates: 40});
    expect(a).toEqual(b);
    expect(a.policies.reduce((s, d) => s + d.best.bar, 0)).toBeCloseTo(1, 9);
    expect(a.policies.reduce((s, d) => s + d.best.self, 0)).toBeCloseTo(1, 9);
    for (const p of a.policies) expect(p.intervals.salesHours.hi).toBeGreaterThanOrEqual(p.intervals.salesHours.lo);
    // Ten handoffs, eight closed: far too few to name a threshold.
    expect(a.closed).toBe(8);
    expect(a.decision).toMatchObject({kind: "undecided", reason: "few"});
  });
});

describe("simulate on an export without won amounts", () => {
  it("says the data cannot decide and why, and the lead check's target is today's practice", () => {
    // The fixture's ten handoffs with every amount gone, as in an export that lists no deal values (Olist's).
    const columns = {...data.extract.columns, amount: new Float64Array(data.extract.rows).fill(NaN)};
    const noAmounts = {...data, extract: {...data.extract, columns}};
    const result = simulate(
      noAmounts,
      {costPerSalesHour: 100, nurtureCostPerLead: 10, delayLoss: 0.2},
      {replicates: 5}
    );
    expect(result.decision).toMatchObject({kind: "undecided", reason: "unmeasured", unmeasured: ["amounts"]});
    expect(targetOf(result.decision)).toBe(1);
  });
});

describe("simulateInSteps", () => {
  it("shows the estimate at once, is pending while resampling, and ends exactly where simulate() ends", async () => {
    const inputs = {costPerSalesHour: 100, nurtureCostPerLead: 10, delayLoss: 0.2};
    const all: (SimulationResult | null)[] = [];
    // No time budget: one phase of a resample per step (a step always makes progress).
    for await (const step of simulateInSteps(data, inputs, {replicates: 3, budgetMs: 0})) all.push(step as Step);
    // Each resample in nine phases (two draws, the censoring survival, the expected outcomes, the exits, the cells,
    // the climb sums, the own paths' exits, their cells; the walks and the sweep pause again on larger data): eight
    // pauses before it.
    expect(all.map((d) => d?.replicates ?? null)).toEqual([
      0,
      ...[1, 2, 3].flatMap((n) => [...Array(8).fill(null), n])
    ]);
    const steps = all.filter((d) => d !== null);
    expect(steps[0].decision).toEqual({kind: "pending", done: 0, of: 3});
    expect(steps[0].policies.map((d) => d.bar)).toEqual(steps[3].policies.map((d) => d.bar));
    expect(steps[3]).toEqual(simulate(data, inputs, {replicates: 3}));
  });

  it("ends where simulate() ends whatever the time budget cuts the steps into", async () => {
    const inputs = {costPerSalesHour: 100, nurtureCostPerLead: 10, delayLoss: 0.2};
    let last: SimulationResult | null = null;
    for await (const step of simulateInSteps(data, inputs, {replicates: 25, budgetMs: 1e9})) last = step as Step;
    expect(last).toEqual(simulate(data, inputs, {replicates: 25}));
  });
});

/**
 * A helper as the tests run it: at every `every`-th take (the run takes once a step) after the first `startAfter`,
 * it finishes one more resample from the last down, never starting one the run has started, and claims the next;
 * lost after `lostAfter` deliveries.
 */
function helperShare(
  inputs: Parameters<typeof simulate>[1],
  {replicates, every = 1, startAfter = 0, lostAfter = Infinity}: Record<string, number>
): SharedResamples & {computed: number[]} {
  const resample = resamplesAt(data, inputs, bootstrapSeed);
  let [takes, deliveries, next, floor] = [0, 0, replicates - 1, 0];
  const share = {
    claimed: Infinity,
    lost: false,
    computed: [] as number[],
    started: (index: number) => void (floor = Math.max(floor, index + 1)),
    take(): IndexedResample[] {
      if (share.lost || ++takes <= startAfter || (takes - startAfter) % every !== 0) return [];
      if (deliveries++ >= lostAfter) return (void (share.lost = true), []);
      const batch: IndexedResample[] = [];
      if (share.claimed !== Infinity && next >= floor - 1 && next >= share.claimed) {
        batch.push([next, toEnd(resample(next))]);
        share.computed.push(next--);
      }
      // The next one started, unless the run has started it.
      share.claimed = next >= floor ? next : next + 1;
      return batch;
    },
    delivered: () => Promise.resolve()
  };
  return share;
}

describe("simulateInSteps with a helper", () => {
  const inputs = {costPerSalesHour: 100, nurtureCostPerLead: 10, delayLoss: 0.2};

  it("ends exactly where simulate() ends, the helper computing from the last resample down", () => {
    const share = helperShare(inputs, {replicates: 11, every: 12});
    const steps = [...simulateInSteps(data, inputs, {replicates: 11, budgetMs: 0, shared: share})];
    // A resample is nine steps of the run; the helper finishes one every twelve after its first claim: these four,
    // while the run does the seven below.
    expect(share.computed).toEqual([10, 9, 8, 7]);
    expect(steps.at(-1)).toEqual(simulate(data, inputs, {replicates: 11}));
    const quick = helperShare(inputs, {replicates: 11, every: 3});
    const quicker = [...simulateInSteps(data, inputs, {replicates: 11, budgetMs: 0, shared: quick})];
    expect(quick.computed).toEqual([10, 9, 8, 7, 6, 5, 4, 3]);
    expect(quicker.at(-1)).toEqual(simulate(data, inputs, {replicates: 11}));
  });

  it("waits for the helper once it reaches the helper's claim, saying so", () => {
    // A helper slower than the run: the run yields awaitingHelp between deliveries instead of spinning.
    const slow = helperShare(inputs, {replicates: 6, every: 40});
    const steps = [...simulateInSteps(data, inputs, {replicates: 6, budgetMs: 0, shared: slow})];
    expect(slow.computed).toEqual([5]);
    expect(steps).toContain(awaitingHelp);
    expect(steps.at(-1)).toEqual(simulate(data, inputs, {replicates: 6}));
    // Never a wait before the helper claims anything: the run goes on by itself.
    const late = helperShare(inputs, {replicates: 6, startAfter: 1e9});
    const alone = [...simulateInSteps(data, inputs, {replicates: 6, budgetMs: 0, shared: late})];
    expect(alone).not.toContain(awaitingHelp);
    expect(alone.at(-1)).toEqual(simulate(data, inputs, {replicates: 6}));
  });

  it("computes what a lost helper did not deliver, and still ends where simulate() ends", () => {
    const share = helperShare(inputs, {replicates: 9, every: 5, lostAfter: 2});
    const steps = [...simulateInSteps(data, inputs, {replicates: 9, budgetMs: 0, shared: share})];
    expect(share.computed).toEqual([8]);
    expect(share.lost).toBe(true);
    expect(steps.at(-1)).toEqual(simulate(data, inputs, {replicates: 9}));
  });

  it("keeps one of a resample computed twice, and stops computing one the helper delivered", () => {
    const all = [0, 1, 2].map((b) => toEnd(resamplesAt(data, inputs, bootstrapSeed)(b)));
    let takes = 0;
    // A helper whose claim came late: it delivers resample 0 while the run computes it, then 1 and 2 again.
    const share: SharedResamples = {
      claimed: Infinity,
      lost: false,
      started: () => undefined,
      take: () =>
        ++takes === 4
          ? [[0, all[0]]]
          : takes === 40
            ? [
                [1, all[1]],
                [2, all[2]]
              ]
            : [],
      delivered: () => Promise.resolve()
    };
    const steps = [...simulateInSteps(data, inputs, {replicates: 3, budgetMs: 0, shared: share})];
    expect(steps.at(-1)).toEqual(simulate(data, inputs, {replicates: 3}));
    const alone = [...simulateInSteps(data, inputs, {replicates: 3, budgetMs: 0})];
    // Resample 0 left after three of its nine phases.
    expect(steps.length).toBeLessThan(alone.length);
  });
});
