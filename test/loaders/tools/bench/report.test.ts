// The bench rewrites docs/benchmarks.md on every run; the ten-million-lead run is written by hand below a marker
// and must survive (a bench run once dropped it).
import {describe, expect, it} from "vitest";
import {keptMarker, withKeptPart} from "../../../../loaders/tools/bench/report.js";

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
