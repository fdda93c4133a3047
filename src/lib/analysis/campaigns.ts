/**
 * The campaign quality page's numbers, for marketing: per campaign (or source, or segment) the handoffs it brought,
 * their level mix, how often they were won, what they earned and what sales spent on them. Win rates are ranked
 * after shrinking them toward the overall rate, so that a campaign with 3 wins of 4 does not top the list by luck.
 */
import type {Dimension} from "../core/dimensions.js";
import type {DetailedExtract} from "../core/extract.js";
import {rowsByMonth} from "./filters.js";
import {groupRows, outcomeCode, type Denominator} from "../core/measures.js";
import {
  fitBetaPrior,
  medianWithInterval,
  shrinkRates,
  wilson,
  type Proportion,
  type MedianInterval
} from "../core/stats.js";

/** One group's (campaign's, source's, segment's) numbers. */
export interface GroupSummary {
  key: string;
  handoffs: number;
  /** Handoffs per level, in ladder order. */
  levelMix: number[];
  won: number;
  closed: number;
  open: number;
  winRate: Proportion;
  /** The win rate shrunk toward the overall rate (beta-binomial empirical Bayes); ranks the table. */
  shrunkWinRate: number | null;
  /** Fewer closed handoffs than the page's minimum n: shown, flagged, not to be trusted. */
  small: boolean;
  revenue: number;
  revenuePerHandoff: number;
  /** Open handoffs that reached the opportunity stage: the pipeline still to be decided. */
  openOpportunities: number;
  pipelinePerHandoff: number;
  salesHours: number;
  salesHoursPerWin: number | null;
  /** From the optional cost table: what the campaign cost, and per won deal. */
  cost: number | null;
  costPerWin: number | null;
}

/** Per-group numbers for `dimension`, best shrunk win rate first. */
export function groupSummaries(
  extract: DetailedExtract,
  rows: ArrayLike<number>,
  dimension: Dimension,
  levels: number[],
  {
    minClosed = 30,
    costs = new Map<string, number>(),
    denominator = "closed"
  }: {minClosed?: number; costs?: Map<string, number>; denominator?: Denominator} = {}
): GroupSummary[] {
  const {columns} = extract;
  const dictionary = extract.header.dictionaries[dimension];
  const groups = groupRows(rows, (row) => columns[dimension][row]);
  const raw = [...groups.entries()].map(([code, group]) => {
    const levelMix = levels.map(() => 0);
    let won = 0;
    let closed = 0;
    let revenue = 0;
    let openOpportunities = 0;
    let hours = 0;
    for (const row of group) {
      const index = levels.indexOf(columns.stage[row]);
      if (index >= 0) levelMix[index]++;
      const outcome = columns.outcome[row];
      if (denominator === "all" || outcome !== outcomeCode.open) closed++;
      if (outcome === outcomeCode.open && !Number.isNaN(columns.hoursToOpportunity[row])) openOpportunities++;
      if (outcome === outcomeCode.won) {
        won++;
        const amount = columns.amount[row];
        if (!Number.isNaN(amount)) revenue += amount;
      }
      hours += columns.salesHours[row];
    }
    const closedOnly = group.filter((row) => columns.outcome[row] !== outcomeCode.open).length;
    return {
      key: dictionary[code as number],
      group,
      levelMix,
      won,
      closed,
      closedOnly,
      revenue,
      openOpportunities,
      hours
    };
  });
  const shrunk = shrinkRates(
    raw.map((d) => ({k: d.won, n: d.closed})),
    fitBetaPrior(raw.map((d) => ({k: d.won, n: d.closed})))
  );
  return raw
    .map((d, i): GroupSummary => {
      const cost = costs.get(d.key) ?? null;
      return {
        key: d.key,
        handoffs: d.group.length,
        levelMix: d.levelMix,
        won: d.won,
        closed: d.closed,
        open: d.group.length - d.closedOnly,
        winRate: wilson(d.won, d.closed),
        shrunkWinRate: shrunk[i],
        small: d.closed < minClosed,
        revenue: d.revenue,
        revenuePerHandoff: d.revenue / d.group.length,
        openOpportunities: d.openOpportunities,
        pipelinePerHandoff: d.openOpportunities / d.group.length,
        salesHours: d.hours,
        salesHoursPerWin: d.won > 0 ? d.hours / d.won : null,
        cost,
        costPerWin: cost !== null && d.won > 0 ? cost / d.won : null
      };
    })
    .sort(
      (a, b) => (b.shrunkWinRate ?? -1) - (a.shrunkWinRate ?? -1) || b.handoffs - a.handoffs || (a.key < b.key ? -1 : 1)
    );
}

/** One campaign looked at closely. */
export interface CampaignDetail {
  key: string;
  /** Handoffs per level and handoff month. */
  months: {month: string; counts: number[]}[];
  outcomes: Record<"won" | "lost" | "rejected" | "recycled" | "open", number>;
  /** Days from handoff to a win, with the median's interval. */
  daysToWin: number[];
  medianDaysToWin: MedianInterval | null;
}

/** The detail of one value of `dimension` (a campaign, usually) within the filtered rows. */
export function groupDetail(
  extract: DetailedExtract,
  rows: ArrayLike<number>,
  dimension: Dimension,
  key: string,
  levels: number[]
): CampaignDetail {
  const code = extract.header.dictionaries[dimension].indexOf(key);
  const {columns} = extract;
  const mine = Array.from(rows).filter((row) => columns[dimension][row] === code);
  const months = [...rowsByMonth(extract, mine)].map(([month, group]) => {
    const counts = levels.map(() => 0);
    for (const row of group) {
      const index = levels.indexOf(columns.stage[row]);
      if (index >= 0) counts[index]++;
    }
    return {month, counts};
  });
  const outcomes = {won: 0, lost: 0, rejected: 0, recycled: 0, open: 0};
  const names = extract.header.outcomes as (keyof typeof outcomes)[];
  const daysToWin: number[] = [];
  for (const row of mine) {
    outcomes[names[columns.outcome[row]]]++;
    if (columns.outcome[row] === outcomeCode.won && !Number.isNaN(columns.hoursToClose[row])) {
      daysToWin.push(columns.hoursToClose[row] / 24);
    }
  }
  return {key, months, outcomes, daysToWin, medianDaysToWin: medianWithInterval(daysToWin)};
}

/** The rate over all groups together (won ÷ closed), the line the chart draws the groups against. */
export function overallWinRate(groups: GroupSummary[]): number {
  const won = groups.reduce((s, d) => s + d.won, 0);
  const closed = groups.reduce((s, d) => s + d.closed, 0);
  return won / Math.max(1, closed);
}
