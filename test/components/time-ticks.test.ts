import {describe, expect, it} from "vitest";
import {localTimeTicks} from "../../src/components/time-ticks.js";

describe("localTimeTicks", () => {
  const format = localTimeTicks("utc");
  const at = (iso: string) => new Date(iso);

  it("writes German month names, with the year on the first tick and on January", () => {
    const ticks = ["2024-11-01", "2024-12-01", "2025-01-01", "2025-03-01", "2025-10-01"].map((d, i) =>
      format(at(d), i)
    );
    expect(ticks).toEqual(["Nov 2024", "Dez", "2025", "Mär", "Okt"]);
  });

  it("writes a day inside a month as day and month", () => {
    expect(format(at("2025-05-15T00:00:00Z"), 3)).toBe("15. Mai");
  });
});
