// The bench's report: docs/benchmarks.md is rewritten on every run and keeps the part written by hand below a
// marker; each contender runs in several rounds and is reported by its median round, each ratio taken within a round.
import {describe, expect, it} from "vitest";
import {
  factorText,
  failure,
  keptMarker,
  median,
  medianRuns,
  pipelineTargets,
  roundRatio,
  roundRatioText,
  wallTime,
  withKeptPart,
  type Run
} from "../../../../loaders/tools/bench/report.js";

describe("withKeptPart", () => {
  it("keeps what the previous report had below the marker, after the new report", () => {
    const previous = `# old\n\nold figures\n\n${keptMarker}\n\n## Ten million leads\n\nby hand\n`;
    expect(withKeptPart("# new\n\nnew figures\n", previous)).toBe(
      `# new\n\nnew figures\n\n${keptMarker}\n\n## Ten million leads\n\nby hand\n`
    );
  });

  it("writes the report alone when there was none or it had no marker", () => {
    expect(withKeptPart("# new\n", null)).toBe("# new\n");
    expect(withKeptPart("# new\n", "# old\n")).toBe("# new\n");
  });
});

describe("failure", () => {
  it("quotes the error's own line, not the source line Node prints first", () => {
    const stderr = [
      "/work/main/loaders/pipeline/input.ts:54",
      "    throw new InputError(`input folder ${directory} not found`);",
      "          ^",
      "",
      "InputError: input folder /tmp/x not found",
      "    at locateInput (/work/main/loaders/pipeline/input.ts:54:11)"
    ].join("\n");
    expect(failure(stderr)).toBe("InputError: input folder /tmp/x not found");
  });

  it("finds V8's fatal out-of-memory line, and keeps a table cell whole", () => {
    const stderr =
      "<--- Last few GCs --->\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory";
    expect(failure(stderr)).toMatch(/^FATAL ERROR: Reached heap limit/);
    expect(failure("RangeError: Invalid string length | x")).toBe("RangeError: Invalid string length / x");
  });
});

describe("median", () => {
  it("takes the middle value, the mean of the two middle ones for an even count, NaN for none", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

/** One round of the six contenders the targets read, with their times in ms. */
const round = (floorParquet: number, parquet: number, floorCsv: number, csv: number, arquero: number, typed: number) =>
  [
    {contender: "read-floor", format: "parquet", ms: floorParquet, maxRssMB: 100},
    {contender: "leadstage", format: "parquet", ms: parquet, maxRssMB: 400, handoffs: parquet},
    {contender: "read-floor", format: "csv", ms: floorCsv, maxRssMB: 100},
    {contender: "leadstage", format: "csv", ms: csv, maxRssMB: 500},
    {contender: "arquero", format: "csv", ms: arquero, maxRssMB: 700},
    {contender: "typed-arrays", format: "csv", ms: typed, maxRssMB: 300}
  ] as Run[];

describe("medianRuns", () => {
  it("stands for each contender by its median round, with every round's time and the highest peak memory", () => {
    const rounds = [round(300, 2_500, 800, 3_200, 6_000, 2_600), round(350, 2_100, 700, 3_000, 5_800, 2_400)];
    rounds.push(round(330, 2_300, 750, 3_100, 5_000, 3_400));
    rounds[2][1].maxRssMB = 450;
    const parquet = medianRuns(rounds)[1];
    // The median round's own run: its other figures (here handoffs) are that run's.
    expect(parquet).toMatchObject({ms: 2_300, handoffs: 2_300, roundsMs: [2_500, 2_100, 2_300], maxRssMB: 450});
    expect(medianRuns(rounds.slice(0, 2))[1].ms).toBe(2_100); // the lower middle of two
  });

  it("reads as the median round's time with the range of all, or one time for one round", () => {
    const run = medianRuns([
      round(300, 2_500, 800, 3_200, 6_000, 2_600),
      round(350, 2_100, 700, 3_000, 5_800, 2_400)
    ])[1];
    expect(wallTime(run)).toBe("2.10 s (2.10–2.50 s)");
    expect(wallTime({contender: "leadstage", ms: 2_345, maxRssMB: 1})).toBe("2.35 s");
  });

  it("is the failure when a contender failed in any round", () => {
    const rounds = [round(300, 2_500, 800, 3_200, 6_000, 2_600), round(350, 2_100, 700, 3_000, 5_800, 2_400)];
    rounds[1][4] = {contender: "arquero", format: "csv", ms: NaN, maxRssMB: NaN, error: "timed out"};
    expect(medianRuns(rounds)[4]).toMatchObject({error: "timed out"});
  });
});

describe("roundRatio", () => {
  const rounds = [round(300, 2_400, 800, 3_200, 6_400, 2_600), round(400, 2_000, 700, 3_000, 6_000, 3_600)];
  rounds.push(round(500, 2_500, 750, 3_100, 9_300, 3_000));

  it("takes the ratio within each round, not of the medians", () => {
    const factor = roundRatio(
      rounds,
      (r) => r[1],
      (r) => r[0]
    );
    // Within the rounds: 8, 5, 5; the medians' ratio would be 2,400 / 400 = 6.
    expect(factor).toEqual({median: 5, low: 5, high: 8, rounds: 3});
    expect(factorText(factor)).toBe("5.0× (5.0–8.0× over 3 rounds)");
    expect(factorText(factor, 2)).toBe("5.00× (5.00–8.00× over 3 rounds)");
    expect(factorText({...factor, rounds: 1})).toBe("5.0×");
  });

  it("gives a contender slower than leadstage in the same sense, its range inverted", () => {
    const faster = roundRatio(
      rounds,
      (r) => r[4],
      (r) => r[3]
    );
    expect(roundRatioText(faster)).toBe("leadstage 2.0× (2.0–3.0× over 3 rounds) faster");
    const slower = roundRatio(
      rounds,
      (r) => r[5],
      (r) => r[3]
    );
    // 2,600/3,200, 3,600/3,000, 3,000/3,100: the median round is 0.968, i.e. leadstage 1.03× slower.
    expect(roundRatioText(slower)).toBe("leadstage 1.0× (0.8–1.2× over 3 rounds) slower");
  });

  it("is NaN when a run of either side failed", () => {
    const failed = rounds.map((r) => r.map((d) => ({...d})));
    failed[1][0].ms = NaN;
    expect(
      roundRatio(
        failed,
        (r) => r[1],
        (r) => r[0]
      ).median
    ).toBeNaN();
  });
});

describe("pipelineTargets", () => {
  it("judges every target by the median of its ratios over the rounds", () => {
    const rounds = [round(500, 1_400, 1_000, 2_900, 15_000, 3_000), round(400, 1_300, 1_000, 3_100, 14_000, 2_900)];
    rounds.push(round(450, 1_600, 1_000, 3_000, 15_500, 3_100));
    expect(pipelineTargets(100_000, rounds)).toEqual([
      "- 100,000 leads, parquet input: pipeline 1.40 s = 3.3× (2.8–3.6× over 3 rounds) the read floor 0.45 s (medians; target ≤ 3×): NOT met",
      "- 100,000 leads, csv input: pipeline 3.00 s = 3.0× (2.9–3.1× over 3 rounds) the read floor 1.00 s (medians; target ≤ 3×): met",
      "- 100,000 leads: against arquero on CSV: leadstage 5.2× (4.5–5.2× over 3 rounds) faster (median; target ≥ 5× faster): met",
      "- 100,000 leads: against typed-arrays on CSV: leadstage 1.0× (0.9–1.0× over 3 rounds) faster (median; target not slower): met"
    ]);
  });
});
