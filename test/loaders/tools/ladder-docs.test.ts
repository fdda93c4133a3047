import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {documentedLadders, ladderTable, withLadderTables} from "../../../loaders/tools/ladder-docs.js";
import {handoffLadder} from "../../../src/lib/core/ladder.js";

describe("ladderTable", () => {
  it("writes a row per level with both names, the evidence it adds and the survey share", () => {
    const lines = ladderTable(handoffLadder).split("\n");
    expect(lines).toHaveLength(2 + handoffLadder.levels.length);
    expect(lines[2]).toMatch(/^\| 1 +\| Any contact +\| Jeder Kontakt +\| nothing +\| 28% +\|$/);
    expect(lines[3]).toContain("`icp_fit`, `role_known`");
  });

  it("refuses a block naming a ladder that does not exist", () => {
    expect(() => withLadderTables("<!-- ladder-table: nine -->\n<!-- /ladder-table -->", [handoffLadder])).toThrow(
      'no ladder with id "nine"'
    );
  });
});

describe("docs/ladder.md", () => {
  it("shows the ladders as they are defined (npm run docs regenerates it)", () => {
    const markdown = readFileSync("docs/ladder.md", "utf8");
    expect(withLadderTables(markdown, documentedLadders())).toBe(markdown);
    expect(markdown.match(/<!-- ladder-table: /g)).toHaveLength(3);
  });
});
