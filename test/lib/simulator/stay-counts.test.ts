import {describe, expect, it} from "vitest";
import {randomLcg} from "d3-random";
import {Scratch} from "../../../src/lib/simulator/scratch.js";
import {stayCountsInPhases, type NurtureData} from "../../../src/lib/simulator/stay-counts.js";

// A three-level ladder over two kinds of evidence: a → level 2, a and b → level 3 (b alone is not enough).
const table = Uint8Array.from([1, 2, 1, 3]);

/** `rows` leads watched up to 200 hours, a third without evidence, the others with a and b at seeded hours. */
function histories(rows: number, seed = 7): NurtureData {
  const random = randomLcg(seed);
  const hoursObserved = new Float64Array(rows);
  const evidenceHours = new Float32Array(rows * 2).fill(NaN);
  for (let lead = 0; lead < rows; ++lead) {
    hoursObserved[lead] = Math.floor(random() * 200);
    if (lead % 3 === 0) continue;
    evidenceHours[lead * 2] = Math.floor(random() * 150);
    if (random() < 0.5) evidenceHours[lead * 2 + 1] = Math.floor(random() * 150);
  }
  return {rows, evidenceTypes: ["a", "b"], hoursObserved, evidenceHours};
}

/** The counts of a walk, and how many times it paused. */
function walk(...args: Parameters<typeof stayCountsInPhases>) {
  const phases = stayCountsInPhases(...args);
  let pauses = 0;
  for (;;) {
    const phase = phases.next();
    if (phase.done) return {counts: phase.value.map((levels) => levels.map((d) => Array.from(d.exits))), pauses};
    pauses++;
  }
}

describe("stayCountsInPhases", () => {
  it("counts the leads without evidence from their histogram exactly as walking them counts them", () => {
    const data = histories(3000);
    const ones = new Float64Array(data.rows).fill(1);
    // Weighted, every lead is walked; unweighted, the quiet ones are counted by hour.
    expect(walk(data, table, 3).counts).toEqual(walk(data, table, 3, ones).counts);
  });

  it("counts a level's stays by hour and the level left for (0: censored)", () => {
    const data = {
      rows: 2,
      evidenceTypes: ["a", "b"],
      hoursObserved: Float64Array.from([30, 12]),
      evidenceHours: Float32Array.from([10, 20, NaN, NaN])
    };
    const [, one, two, three] = walk(data, table, 3).counts[0];
    const span = one.length / 4;
    expect(span).toBe(31); // the longest stay any ladder can give: 30 hours
    expect(one[2 * span + 10]).toBe(1); // 10 h at level 1, then a: on to 2
    expect(one[0 * span + 12]).toBe(1); // the quiet lead: 12 h at level 1, censored
    expect(two[3 * span + 10]).toBe(1); // 10 h at level 2, then b: on to 3
    expect(three[0 * span + 10]).toBe(1); // 10 h at level 3 until the watch ended at 30 h
    expect([one, two, three].flat().reduce((sum, n) => sum + n, 0)).toBe(4);
  });

  it("pauses every 262,144 leads it walks, and walks no lead without evidence when unweighted", () => {
    const data = histories(262_144 + 10);
    const ones = new Float64Array(data.rows).fill(1);
    expect(walk(data, table, 3, ones).pauses).toBe(1);
    expect(walk(data, table, 3).pauses).toBe(0); // two thirds of the leads have evidence: one phase
    const busy = {...data, evidenceHours: data.evidenceHours.map((h, i) => (i % 2 === 0 ? 5 : h))};
    expect(walk(busy, table, 3).pauses).toBe(1);
  });

  it("counts in a scratch's arrays, zeroed between walks, what it counts in fresh ones", () => {
    const data = histories(2000);
    const scratch = new Scratch();
    const fresh = walk(data, table, 3).counts;
    walk(data, Uint8Array.from([1, 1, 3, 3]), 3, undefined, undefined, scratch);
    expect(walk(data, table, 3, undefined, undefined, scratch).counts).toEqual(fresh);
  });
});
