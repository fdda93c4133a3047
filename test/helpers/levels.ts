/**
 * Level rows for component tests, as the overview page builds them from the hand-computed fixture's numbers.
 */
import {wilson} from "../../src/lib/core/stats.js";
import {handoffLadder} from "../../src/lib/core/ladder.js";
import type {LevelRow} from "../../src/components/handoffs-by-level-chart.js";

const counts: [number, number, number, number, number][] = [
  // won, lost, rejected, recycled, open
  [0, 1, 1, 0, 0],
  [1, 1, 0, 1, 0],
  [1, 0, 0, 0, 1],
  [1, 0, 0, 0, 0],
  [1, 0, 0, 0, 1]
];

/** The fixture's five levels as chart rows. */
export function fixtureLevels(): LevelRow[] {
  const total = counts.flat().reduce((a, b) => a + b, 0);
  return counts.map(([won, lost, rejected, recycled, open], i) => {
    const level = handoffLadder.levels[i];
    const closed = won + lost + rejected + recycled;
    const handoffs = closed + open;
    return {
      level: level.level,
      label: `${level.level} · ${level.name.en}`,
      handoffs,
      won,
      lost,
      rejected,
      recycled,
      open,
      closed,
      share: handoffs / total,
      surveyShare: level.surveyShare ?? null,
      winRate: wilson(won, closed),
      wonShare: wilson(won, handoffs),
      daysToHandoff: null,
      daysToClose: null,
      salesHours: 0,
      revenue: 0
    };
  });
}
