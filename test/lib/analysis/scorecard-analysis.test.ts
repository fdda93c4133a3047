import {beforeAll, describe, expect, it} from "vitest";
import {quantileSorted} from "d3-array";
import {scorecardRecorded, scoresByLevel, scoreThresholdFor} from "../../../src/lib/analysis/scorecard-analysis.js";
import {missing, type DetailedExtract} from "../../../src/lib/core/extract.js";
import {extractWithLeadsOf} from "../../helpers/model.js";

let extract: DetailedExtract;
beforeAll(async () => ({extract} = await extractWithLeadsOf("test/fixtures/small")));

describe("scorecardRecorded", () => {
  it("is false for an export without any scorecard answer, true once any handoff of it had one", () => {
    // The fixture records no scorecard answers, as Olist's export does not.
    expect(scorecardRecorded(extract)).toBe(false);
    const score = extract.columns.score.slice();
    score[extract.rows - 1] = 7;
    expect(scorecardRecorded({...extract, columns: {...extract.columns, score}})).toBe(true);
  });
});

describe("scoresByLevel and scoreThresholdFor", () => {
  // 3,000 handoffs at levels 1…4 with fixed pseudo-random scores 0…254, one in five unscored; level 4 never scored.
  let seed = 5;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const stages = Uint8Array.from({length: 3000}, () => 1 + Math.floor(random() * 4));
  const score = Uint8Array.from(stages, (stage) =>
    stage === 4 || random() < 0.2 ? missing.u8 : Math.floor(random() * 255)
  );
  const scored = {columns: {score}} as unknown as DetailedExtract;
  const rows = Uint32Array.from({length: 2000}, (_, i) => 1 + i); // a filter's rows: not all of them
  const reference = (level: number) =>
    Array.from(rows)
      .filter((row) => stages[row] === level && score[row] !== missing.u8)
      .map((row) => score[row])
      .sort((a, b) => a - b);

  it("give each level's n and quartiles as of its scores sorted, null without a scored handoff", () => {
    const byLevel = scoresByLevel(scored, rows, stages, [1, 2, 3, 4, 5]);
    for (const {level, n, p25, median, p75} of byLevel) {
      const sorted = reference(level);
      const q = (p: number) => quantileSorted(sorted, p) ?? null;
      expect({level, n, p25, median, p75}).toEqual({
        level,
        n: sorted.length,
        p25: q(0.25),
        median: q(0.5),
        p75: q(0.75)
      });
    }
    expect(byLevel[0].n).toBeGreaterThan(400);
    expect(byLevel[3]).toEqual({level: 4, n: 0, p25: null, median: null, p75: null});
  });

  it("match a level's threshold score to its middle scored handoff", () => {
    const sorted = reference(2);
    expect(scoreThresholdFor(scored, rows, stages, 2)).toEqual({
      score: sorted[Math.floor(sorted.length / 2)],
      n: sorted.length
    });
    expect(scoreThresholdFor(scored, rows, stages, 4)).toBeNull();
  });
});
