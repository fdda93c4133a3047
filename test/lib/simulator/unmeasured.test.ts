import {beforeAll, describe, expect, it} from "vitest";
import type {NurtureData} from "../../../src/lib/simulator/nurture.js";
import {simulatorExtract, type SimulatorExtract} from "../../../src/lib/simulator/simulator-extract.js";
import {lossesRecorded, netValueUnmeasured, unmeasured} from "../../../src/lib/simulator/unmeasured.js";
import {outcomeCode} from "../../../src/lib/core/measures.js";
import {extractWithLeadsOf} from "../../helpers/model.js";

let extract: SimulatorExtract;
let nurture: NurtureData;
beforeAll(async () => ({extract, nurture} = await extractWithLeadsOf("test/fixtures/small")));

/** A copy of the fixture's extract (and nurture) with some columns emptied, as an export without them would be. */
function without(what: {
  evidence?: boolean;
  losses?: boolean;
  wins?: boolean;
  salesHours?: boolean;
  amounts?: boolean;
}) {
  const copy = simulatorExtract(extract);
  const columns = {...copy.columns};
  if (what.evidence) columns.evidenceAtHandoff = new Uint16Array(copy.rows);
  if (what.salesHours) columns.salesHours = new Float64Array(copy.rows);
  if (what.amounts) columns.amount = new Float64Array(copy.rows).fill(NaN);
  // An export of won deals only: every other ending is unknown, the handoff still open at the data end.
  if (what.losses) columns.outcome = columns.outcome.map((d) => (d === outcomeCode.won ? d : outcomeCode.open));
  // No deal won (every win a loss), so no amount either.
  if (what.wins) {
    columns.outcome = columns.outcome.map((d) => (d === outcomeCode.won ? outcomeCode.lost : d));
    columns.amount = new Float64Array(copy.rows).fill(NaN);
  }
  const histories = what.evidence ? {...nurture, evidenceHours: nurture.evidenceHours.map(() => NaN)} : nurture;
  return [{...copy, columns}, histories] as const;
}

describe("unmeasured", () => {
  it("finds nothing missing in data that records evidence, sales hours and won amounts", () => {
    expect(unmeasured(extract, nurture)).toEqual([]);
  });

  it("names each of the four an export lacks, in a fixed order", () => {
    expect(unmeasured(...without({evidence: true}))).toEqual(["evidence"]);
    expect(unmeasured(...without({losses: true}))).toEqual(["losses"]);
    expect(unmeasured(...without({salesHours: true}))).toEqual(["salesHours"]);
    expect(unmeasured(...without({amounts: true}))).toEqual(["amounts"]);
    expect(unmeasured(...without({amounts: true, evidence: true, losses: true, salesHours: true}))).toEqual([
      "evidence",
      "losses",
      "salesHours",
      "amounts"
    ]);
  });

  it('says "won deals", not "won amounts", of data where no handoff was won (it named the amounts)', () => {
    expect(unmeasured(...without({wins: true}))).toEqual(["wins"]);
    expect(unmeasured(...without({wins: true, salesHours: true}))).toEqual(["wins", "salesHours"]);
    expect(netValueUnmeasured(["wins"])).toBe(true);
  });

  it("takes losses as recorded when any handoff ended other than won, and in data without handoffs", () => {
    expect(lossesRecorded(extract)).toBe(true);
    expect(lossesRecorded(without({losses: true})[0])).toBe(false);
    const [onlyWon] = without({losses: true});
    const recycledOnce = {...onlyWon, columns: {...onlyWon.columns, outcome: onlyWon.columns.outcome.slice()}};
    recycledOnce.columns.outcome[recycledOnce.columns.outcome.indexOf(outcomeCode.open)] = outcomeCode.recycled;
    expect(lossesRecorded(recycledOnce)).toBe(true);
    expect(lossesRecorded({...onlyWon, rows: 0, columns: {...onlyWon.columns, outcome: new Uint8Array(0)}})).toBe(true);
  });

  it("counts evidence seen only in nurture (leads never handed off) as recorded", () => {
    const [noHandoffEvidence] = without({evidence: true});
    expect(nurture.evidenceHours.some((h) => !Number.isNaN(h))).toBe(true);
    expect(unmeasured(noHandoffEvidence, nurture)).toEqual([]);
  });

  it("says the net value is unmeasured without sales hours or without won amounts, not without evidence alone", () => {
    expect(netValueUnmeasured([])).toBe(false);
    expect(netValueUnmeasured(["evidence"])).toBe(false);
    expect(netValueUnmeasured(["salesHours"])).toBe(true);
    expect(netValueUnmeasured(["evidence", "amounts"])).toBe(true);
  });
});
