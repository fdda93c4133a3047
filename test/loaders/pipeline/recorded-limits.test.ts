import {copyFileSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {buildHandoffModel} from "../../../loaders/pipeline/handoff-model.js";
import {locateInput} from "../../../loaders/pipeline/input.js";
import {recordedLimits, withRecorded} from "../../../loaders/pipeline/recorded-limits.js";
import {fullLimits} from "../../../src/lib/core/dataset.js";
import {handoffLadder} from "../../../src/lib/core/ladder.js";
import {modelOf, temporaryDirectory} from "../../helpers/model.js";

/** The small fixture without the events whose type `drop` says (its leads as they are); the folder's path. */
function fixtureWithout(drop: (type: string) => boolean): string {
  const folder = temporaryDirectory();
  copyFileSync("test/fixtures/small/leads.csv", join(folder, "leads.csv"));
  const lines = readFileSync("test/fixtures/small/events.csv", "utf8").split("\n");
  const kept = lines.filter((line, i) => i === 0 || !drop(line.split(",")[2] ?? ""));
  writeFileSync(join(folder, "events.csv"), kept.join("\n"));
  return folder;
}

/** The lifecycle's event types: every other type of the fixture is qualification evidence. */
const lifecycle = ["handed_off", "accepted", "opportunity", "won", "lost", "rejected", "recycled", "sales_touch"];

const recordedIn = (folder: string) =>
  withDatabase(async (db) => {
    await buildHandoffModel(db, locateInput(folder), handoffLadder, Date.parse("2026-01-01"));
    return recordedLimits(db);
  });

describe("recordedLimits", () => {
  it("finds lost deals, evidence, sales hours and amounts in the small fixture", async () => {
    expect(await recordedIn("test/fixtures/small")).toEqual({
      lostOutcome: true,
      evidence: true,
      salesHours: true,
      amounts: true
    });
  });

  it("says what the handoffs do not record: no sales touches, no amount on any win, no losses, no evidence", async () => {
    expect(await recordedIn(fixtureWithout((type) => type === "sales_touch"))).toMatchObject({
      salesHours: false,
      amounts: true
    });
    expect(await recordedIn(fixtureWithout((type) => type === "won"))).toMatchObject({
      amounts: false,
      salesHours: true
    });
    expect(await recordedIn(fixtureWithout((type) => ["lost", "rejected", "recycled"].includes(type)))).toMatchObject({
      lostOutcome: false,
      evidence: true
    });
    const bare = await recordedIn(fixtureWithout((type) => !lifecycle.includes(type)));
    expect(bare.evidence).toBe(false);
  });
});

describe("withRecorded", () => {
  it("holds a declared limit only where the data records it, and never lifts one the profile declared", () => {
    const recorded = {lostOutcome: true, evidence: false, salesHours: true, amounts: false};
    expect(withRecorded(fullLimits, recorded)).toEqual({...fullLimits, evidence: false, amounts: false});
    expect(withRecorded({...fullLimits, lostOutcome: false, eventTimes: false}, recorded)).toEqual({
      ...fullLimits,
      lostOutcome: false,
      eventTimes: false,
      evidence: false,
      amounts: false
    });
  });
});

describe("the overview's dataset limits", () => {
  it("says an own folder without a single sales touch records no sales hours (it showed 0 hours and a 0% SLA)", async () => {
    const {overview} = await modelOf(fixtureWithout((type) => type === "sales_touch"));
    expect(overview.dataset.limits).toEqual({...fullLimits, salesHours: false});
  });
});
