// The bench runs every contender in rounds, each run in its own process; a failed run is reported, never a crash.
import {describe, expect, it} from "vitest";
import {roundsFor, runInRounds} from "../../../../loaders/tools/bench/rounds.js";
import {UsageError} from "../../../../loaders/tools/cli-options.js";

describe("runInRounds", () => {
  it("runs every contender once per round, in order, and reports a failed run with its reason", () => {
    const rounds = runInRounds(
      2,
      [
        {contender: "read-floor", format: "csv", directory: "test/fixtures/small"},
        {contender: "read-floor", format: "csv", directory: "test/fixtures/no-such-folder"},
        {contender: "arquero", format: "csv", directory: "test/fixtures/small"}
      ],
      {leads: 2_000_000, timeoutMs: 120_000}
    );
    expect(rounds).toHaveLength(2);
    for (const [floor, missing, arquero] of rounds) {
      expect(floor).toMatchObject({contender: "read-floor", format: "csv"});
      expect(floor.ms).toBeGreaterThan(0);
      expect(floor.maxRssMB).toBeGreaterThan(0);
      expect(missing.ms).toBeNaN();
      expect(missing.error).toMatch(/^failed: InputError: input folder test\/fixtures\/no-such-folder not found/);
      // Past a million leads arquero only measures swapping: not run, and said so.
      expect(arquero).toMatchObject({ms: NaN, error: "not run above 1M leads"});
    }
  }, 120_000);
});

describe("roundsFor", () => {
  it("runs three rounds up to a million leads and one past it, unless --rounds says otherwise", () => {
    expect(roundsFor(100_000)).toBe(3);
    expect(roundsFor(1_000_000)).toBe(3);
    expect(roundsFor(10_000_000)).toBe(1);
    expect(roundsFor(10_000_000, "2")).toBe(2);
    expect(roundsFor(100_000, "1")).toBe(1);
  });

  it("refuses a count that is not a whole number of at least one, naming it", () => {
    for (const given of ["0", "-1", "1.5", "three", ""]) {
      expect(() => roundsFor(100_000, given)).toThrow(
        new UsageError(`--rounds must be a whole number ≥ 1, got ${JSON.stringify(given)}`)
      );
    }
  });
});
