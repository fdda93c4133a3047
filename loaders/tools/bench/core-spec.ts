/**
 * What the benchmark's alternative pipelines compute, so that all three answer the same question on the same CSV
 * files: read leads and events, drop events with an unknown type, an unparseable date or an unknown lead, find each
 * lead's handoffs, classify each with the default ladder from the evidence known at that instant, take the first
 * ending after it as its outcome, and count per level: handoffs, won, closed without a win, open, and the median
 * days from lead creation to handoff. The real pipeline does all of that and more (every validation rule, rejects,
 * the overview, the per-handoff extract), so comparisons understate its lead, if anything.
 */
import {evidenceTypes, handoffLadder} from "../../../src/lib/core/ladder.js";

/** The per-level result every contender returns. */
export interface LevelCounts {
  level: number;
  handoffs: number;
  won: number;
  notWon: number;
  open: number;
  medianDaysToHandoff: number | null;
}

/** Terminal event types and whether they count as a win. */
export const endings: Record<string, "won" | "notWon"> = {
  won: "won",
  lost: "notWon",
  disqualified: "notWon",
  rejected: "notWon",
  recycled: "notWon"
};

/** Evidence bit of each evidence type, and the bitmask each level requires (cumulative). */
export const evidenceBit = new Map(evidenceTypes.map((type, i) => [type as string, 1 << i]));
export const levelMasks = handoffLadder.levels.map((_, i) =>
  handoffLadder.levels
    .slice(1, i + 1)
    .reduce((mask, level) => mask | level.requires.reduce((m, t) => m | evidenceBit.get(t)!, 0), 0)
);

/** The stage for an evidence bitmask (the same cumulative rule as stageAtHandoff). */
export function stageOfMask(mask: number): number {
  let stage = 1;
  for (let i = 1; i < levelMasks.length; ++i) {
    if ((mask & levelMasks[i]) !== levelMasks[i]) break;
    stage = i + 1;
  }
  return stage;
}

/** The median of numbers, null when empty. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Per-level tallies that a contender fills in, one handoff at a time, and then reduces to LevelCounts. */
export class LevelTally {
  private readonly counts = Array.from({length: 5}, (_, i) => ({
    level: i + 1,
    handoffs: 0,
    won: 0,
    notWon: 0,
    open: 0,
    days: [] as number[]
  }));

  /** Counts one handoff: its evidence bitmask at handoff, its outcome, and days from lead creation to handoff. */
  add(mask: number, outcome: "won" | "notWon" | "open", daysToHandoff: number): void {
    const c = this.counts[stageOfMask(mask) - 1];
    c.handoffs++;
    c[outcome]++;
    c.days.push(daysToHandoff);
  }

  /** The per-level result. */
  result(): LevelCounts[] {
    return this.counts.map(({days, ...d}) => ({...d, medianDaysToHandoff: median(days)}));
  }
}
