/**
 * What the benchmark's alternative pipelines compute, so that all three answer the same question on the same CSV
 * files: read leads and events, drop events with an unknown type, an unparseable date or an unknown lead, find each
 * lead's handoffs, classify each with the default ladder from the evidence known at that instant, take the first
 * ending after it as its outcome, and count per level: handoffs, won, closed without a win, open, and the median
 * days from lead creation to handoff. The real pipeline does all of that and more (every validation rule, rejects,
 * the overview, the per-handoff extract), so comparisons understate its lead, if anything.
 */
import {median} from "d3-array";
import {evidenceTypes, handoffLadder} from "../../../src/lib/core/ladder.js";
import {terminalTypes} from "../../../src/lib/core/model.js";
import {stageLookup} from "../../../src/lib/core/reclassify.js";

/** The per-level result every contender returns. */
export interface LevelCounts {
  level: number;
  handoffs: number;
  won: number;
  notWon: number;
  open: number;
  medianDaysToHandoff: number | null;
}

/** Terminal event types and whether they count as a win (the model's own list of endings). */
export const endings: Record<string, "won" | "notWon"> = Object.fromEntries(
  terminalTypes.map((type) => [type, type === "won" ? "won" : "notWon"])
);

/** Evidence bit of each evidence type, in the order the stage table is indexed by. */
export const evidenceBit = new Map(evidenceTypes.map((type, i) => [type as string, 1 << i]));

// The ladder's own classifier, evaluated once per evidence bitmask: contenders classify exactly as the site does.
const stageOfMask = stageLookup(handoffLadder, evidenceTypes);

/** Per-level tallies that a contender fills in, one handoff at a time, and then reduces to LevelCounts. */
export class LevelTally {
  private readonly counts = handoffLadder.levels.map(({level}) => ({
    level,
    handoffs: 0,
    won: 0,
    notWon: 0,
    open: 0,
    days: [] as number[]
  }));

  /** Counts one handoff: its evidence bitmask at handoff, its outcome, and days from lead creation to handoff. */
  add(mask: number, outcome: "won" | "notWon" | "open", daysToHandoff: number): void {
    const c = this.counts[stageOfMask[mask] - 1];
    c.handoffs++;
    c[outcome]++;
    c.days.push(daysToHandoff);
  }

  /** The per-level result. */
  result(): LevelCounts[] {
    return this.counts.map(({days, ...d}) => ({...d, medianDaysToHandoff: median(days) ?? null}));
  }
}
