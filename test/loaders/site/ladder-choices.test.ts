import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterEach, describe, expect, it} from "vitest";
import {ladderChoices} from "../../../loaders/site/ladder-choices.js";
import {handoffLadder} from "../../../src/lib/core/ladder.js";
import {temporaryDirectory} from "../../helpers/temporary.js";

describe("ladderChoices", () => {
  afterEach(() => void delete process.env.LEADSTAGE_LADDER);

  it("offers the build's ladder, the default and the examples, each once", () => {
    expect(ladderChoices().map((d) => d.id)).toEqual([handoffLadder.id, "four-levels", "six-levels"]);
    process.env.LEADSTAGE_LADDER = "data/ladders/six-levels.json";
    expect(ladderChoices().map((d) => d.id)).toEqual(["six-levels", handoffLadder.id, "four-levels"]);
  });

  it("checks every example like a configured ladder and names the file of a broken one", () => {
    const directory = temporaryDirectory();
    writeFileSync(join(directory, "broken.json"), JSON.stringify({id: "x", name: {en: "x", de: "x"}, levels: []}));
    expect(() => ladderChoices(directory)).toThrow(/broken\.json/);
  });
});
