/**
 * Plain-language readings of the audience pages, computed from the same numbers the charts show, caveats included.
 */
import {extent, max} from "d3-array";
import type {GroupSummary} from "../analysis/campaigns.js";
import type {Criterion, TimeToWin} from "../analysis/conversion.js";
import {formatCount, formatInterval, formatPercent, formatPoints} from "../i18n/format.js";
import {newcombe} from "../core/stats.js";
import {t} from "../i18n/i18n.js";
import type {MessageKey} from "../i18n/en.js";
import type {FirstTouch, LevelFlow, SalesTime} from "../analysis/timing.js";

/** The timing page: where sales time goes, how fast sales follows up, which level sales rejects most. */
export function timingReading(
  {total, levels}: {total: SalesTime; levels: SalesTime[]},
  touch: FirstTouch,
  flows: LevelFlow[],
  {
    slaHours,
    hourlyRate,
    handoffs,
    money = (x: number) => formatCount(Math.round(x)),
    times = true
  }: {
    slaHours: number;
    hourlyRate: number;
    handoffs: number;
    money?: (amount: number) => string;
    /** False for data without times: no sentence about follow-up within the SLA. */
    times?: boolean;
  }
): string {
  if (handoffs === 0) return t("reading.timingNone");
  const sentences: string[] = [];
  if (total.won + total.notWon > 0) {
    const worst = levels
      .filter((d) => d.wastedShare !== null)
      .sort((a, b) => (b.wastedShare ?? 0) - (a.wastedShare ?? 0))[0];
    const cost =
      hourlyRate > 0 ? t("reading.timingCost", {cost: money(total.notWon * hourlyRate), rate: money(hourlyRate)}) : "";
    sentences.push(
      t("reading.timingHours", {
        total: formatCount(Math.round(total.won + total.notWon)),
        share: formatPercent(total.wastedShare),
        hours: formatCount(Math.round(total.notWon)),
        cost
      }) + (worst ? t("reading.timingWorst", {level: worst.level, share: formatPercent(worst.wastedShare)}) : ".")
    );
  }
  if (times) {
    sentences.push(
      t("reading.timingSla", {
        share: formatPercent(touch.withinSla.rate),
        n: formatCount(touch.withinSla.n),
        sla: slaHours,
        interval: formatInterval(touch.withinSla),
        untouched: formatCount(touch.untouched)
      })
    );
  }
  const rejecting = flows
    .filter((d) => d.handoffs > 0)
    .sort((a, b) => (b.rejectionRate.rate ?? 0) - (a.rejectionRate.rate ?? 0))[0];
  if (rejecting && rejecting.rejected > 0) {
    sentences.push(
      t("reading.timingRejects", {
        level: rejecting.level,
        share: formatPercent(rejecting.rejectionRate.rate),
        n: formatCount(rejecting.handoffs),
        interval: formatInterval(rejecting.rejectionRate)
      })
    );
  }
  return sentences.join(" ");
}

/** The campaign page: which groups rank best after shrinkage, and how many rest on too few cases. */
export function campaignReading(
  groups: GroupSummary[],
  {
    dimension,
    minClosed,
    rankedBy,
    dimensionLabel = dimension
  }: {
    dimension: string;
    minClosed: number;
    /** How the groups are ranked, a whole phrase (pageContext's rankedByTheir). */
    rankedBy: string;
    /** The name of a dimension of the data's own (a product, an owner), which the sentence names. */
    dimensionLabel?: string;
  }
): string {
  if (groups.length === 0) return t("reading.timingNone");
  const trusted = groups.filter((d) => !d.small);
  // No group with enough closed handoffs (campaigns as UTM strings, one per lead or so): the first of the table
  // would lead on a single win, so no group is named.
  if (trusted.length === 0) {
    const most = max(groups, (d) => d.closed) ?? 0;
    return t("reading.campaignNoneEnough", {n: formatCount(groups.length), min: minClosed, most: formatCount(most)});
  }
  // When shrinkage pulls every group to the same rate, the data shows no difference: name no leader.
  const shrunk = groups.map((d) => d.shrunkWinRate).filter((d): d is number => d !== null);
  // extent, not Math.max(...shrunk): tens of thousands of campaigns would overflow the call stack as arguments.
  const [low, high] = extent(shrunk);
  if (shrunk.length > 1 && high! - low! < 1e-9) {
    return t("reading.campaignNoLeader", {n: formatCount(groups.length), share: formatPercent(shrunk[0])});
  }
  const best = trusted[0];
  const worst = trusted[trusted.length - 1];
  const sentences = [
    t(
      ["campaign", "source", "segment"].includes(dimension)
        ? `reading.campaignBest.${dimension as "campaign"}`
        : "reading.campaignBest.other",
      {
        dimension: dimensionLabel,
        n: formatCount(groups.length),
        rankedBy,
        best: best.key,
        share: formatPercent(best.winRate.rate),
        interval: formatInterval(best.winRate),
        closed: formatCount(best.closed)
      }
    )
  ];
  if (worst && worst !== best) {
    sentences.push(
      t("reading.campaignWorst", {
        worst: worst.key,
        share: formatPercent(worst.winRate.rate),
        interval: formatInterval(worst.winRate),
        closed: formatCount(worst.closed)
      })
    );
    // A first and a last as alike as 150 campaigns at 50% each were ranked without a word that the ranking is noise.
    const gap = newcombe(best.won, best.closed, worst.won, worst.closed);
    if (gap.lo !== null && gap.hi !== null && gap.lo <= 0 && gap.hi >= 0) {
      const [difference, lo, hi] = [gap.difference, gap.lo, gap.hi].map((d) => formatPoints(d));
      sentences.push(t("reading.campaignWithinNoise", {difference, lo, hi}));
    }
  }
  const small = groups.filter((d) => d.small).length;
  if (small > 0) sentences.push(t("reading.campaignSmall", {n: formatCount(small), min: minClosed}));
  return sentences.join(" ");
}

/** The conversion page: how the chance of a win within 90 days rises with the level, and the strongest criterion. */
export function conversionReading(
  curves: TimeToWin[],
  criteria: Criterion[],
  {
    names,
    times = true
  }: {
    names: (level: number) => string;
    /** False for data without times; "no handoff time" for data whose handoff instant is a stand-in. */
    times?: boolean | "no handoff time";
  }
): string {
  const used = curves.filter((d) => d.handoffs > 0);
  if (used.length === 0) return t("reading.timingNone");
  const sentences: string[] = [];
  if (times !== true) {
    sentences.push(t(times ? "reading.conversionNoHandoffTime" : "reading.conversionNoTimes"));
  } else {
    const at90 = (d: TimeToWin) => d.at.find((a) => a.days === 90)!;
    const low = used[0];
    const high = used[used.length - 1];
    const lowText = t("reading.conversionLow", {
      share: formatPercent(at90(low).probability),
      interval: formatInterval(at90(low)),
      level: low.level,
      name: names(low.level),
      n: formatCount(low.handoffs)
    });
    const highText =
      high !== low
        ? t("reading.conversionHigh", {
            share: formatPercent(at90(high).probability),
            interval: formatInterval(at90(high)),
            level: high.level,
            name: names(high.level),
            n: formatCount(high.handoffs)
          })
        : ".";
    sentences.push(lowText + highText + t("reading.conversionOpen"));
  }
  const strongest = criteria
    .filter((d) => d.difference !== null && d.with.n >= 30 && d.without.n >= 30)
    .sort((a, b) => (b.difference ?? 0) - (a.difference ?? 0))[0];
  if (strongest) {
    sentences.push(
      t("reading.conversionStrongest", {
        evidence: t(`evidence.${strongest.evidence}` as MessageKey),
        with: formatPercent(strongest.with.rate),
        withInterval: formatInterval(strongest.with),
        withN: formatCount(strongest.with.n),
        without: formatPercent(strongest.without.rate),
        withoutInterval: formatInterval(strongest.without),
        withoutN: formatCount(strongest.without.n)
      })
    );
  }
  return sentences.join(" ");
}
