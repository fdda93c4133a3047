import {describe, expect, it} from "vitest";
import {handoffLadder} from "../../../src/lib/core/ladder.js";
import {targetOfBuild, type BuiltTarget} from "../../../src/lib/simulator/built-target.js";
import {targetInputs} from "../../../src/lib/simulator/target-inputs.js";
import {handoffTarget} from "../../../src/lib/simulator/target.js";
import {simulatorFixture} from "../../helpers/policies.js";

const {extract, data} = await simulatorFixture();
const {k, decision} = handoffTarget(data);
const built: BuiltTarget = {
  fingerprint: extract.header.fingerprint,
  ladder: handoffLadder.id,
  handoffs: extract.rows,
  inputs: targetInputs,
  k,
  decision
};

describe("targetOfBuild", () => {
  it("gives the build's answer for the handoffs it was worked out on, as read back from its JSON", () => {
    expect(targetOfBuild(JSON.parse(JSON.stringify(built)), extract, handoffLadder)).toEqual({k, decision});
  });

  it("refuses, with one clear error, an answer of another build, ladder or set of inputs", () => {
    const of = (change: Partial<BuiltTarget>) => () => targetOfBuild({...built, ...change}, extract, handoffLadder);
    expect(of({fingerprint: "1"})).toThrow(
      "handoff-target.json belongs to another build than handoffs.parquet: rebuild the site"
    );
    expect(of({handoffs: extract.rows + 1})).toThrow("belongs to another build than handoffs.parquet");
    expect(of({ladder: "four-levels"})).toThrow(
      "handoff-target.json was worked out under the ladder four-levels, not siriusdecisions-5: rebuild the site"
    );
    const notOurs = "handoff-target.json is not Leadstage's answer file: rebuild the site";
    expect(() => targetOfBuild(null as unknown as BuiltTarget, extract, handoffLadder)).toThrow(notOurs);
    expect(of({k: undefined})).toThrow(notOurs);
    expect(of({decision: {} as BuiltTarget["decision"]})).toThrow(notOurs);
    expect(of({inputs: {...targetInputs, replicates: 200}})).toThrow(
      "handoff-target.json was worked out at other inputs than this simulator's: rebuild the site"
    );
  });
});
