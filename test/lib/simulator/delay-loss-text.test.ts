import {describe, expect, it} from "vitest";
import {fullLimits} from "../../../src/lib/core/dataset.js";
import {delayLossText} from "../../../src/lib/simulator/delay-loss-text.js";

const estimate = (slow: number, fast: number) => ({
  ...{delayLoss: 0.2, estimated: slow >= 30 && fast >= 30},
  ...{slow, fast, slowRate: 0.24, fastRate: 0.3}
});

describe("delayLossText", () => {
  it("names the closed handoffs and win rates an estimate from the data rests on", () => {
    expect(delayLossText(fullLimits, estimate(120, 95), 0.2)).toBe(
      "Delay loss under “self”: 20.0% (default estimated from 120 closed handoffs slower than their level's median " +
        "time to handoff, won 24.0%, against 95 faster ones, won 30.0%; slow leads may simply be weaker leads, so this " +
        "is an upper figure)."
    );
  });

  it("says it was set by hand, and why, when a side has fewer than 30 closed handoffs", () => {
    expect(delayLossText(fullLimits, estimate(3, 2), 0)).toBe(
      "Delay loss under “self”: 0.0%, set by hand: it is estimated by comparing closed handoffs slower and faster " +
        "than their level's median time to handoff, and here 3 were slower and 2 faster: too few, it needs at least 30 " +
        "of each."
    );
    expect(delayLossText(fullLimits, estimate(30, 29), 0)).toContain("30 were slower and 29 faster");
  });

  it("says what the export lacks when it cannot be estimated at all", () => {
    expect(delayLossText({...fullLimits, eventTimes: false}, estimate(0, 0), 0.1)).toMatch(/10\.0%, .*has no times/);
    expect(delayLossText({...fullLimits, handoffTimestamp: false}, estimate(0, 0), 0)).toContain(
      "has no handoff timestamp"
    );
  });
});
