/**
 * The overview's plain-language reading: what the level chart says, in a paragraph computed from the data, so that a
 * reader who does not read charts gets the same answer (and the same caveats) as one who does.
 */
import {formatCount, formatInterval, formatPercent} from "./format.js";
import type {OverviewData} from "./overview.js";

/** Below this many closed handoffs a level's win rate is called out as resting on few cases. */
export const minimumClosed = 30;

/** The reading of the overview, in English. */
export function overviewReading(data: OverviewData): string {
  const {totals, levels, ladder, dataset} = data;
  if (totals.handoffs === 0) {
    return `None of the ${formatCount(totals.leads)} leads has been handed off to sales yet, so there is nothing to compare.`;
  }
  if (!dataset.limits.lostOutcome || !dataset.limits.evidence) return limitedReading(data);
  const name = (level: number) => ladder.levels.find((d) => d.level === level)?.name.en ?? `level ${level}`;
  const sentences: string[] = [];
  const largest = levels.reduce((a, b) => (b.handoffs > a.handoffs ? b : a));
  sentences.push(
    `Of ${formatCount(totals.handoffs)} handoffs from ${formatCount(totals.leads)} leads, the most common level at ` +
      `handoff is ${largest.level} (${name(largest.level)}), with ${formatPercent(largest.share)} of all handoffs.`
  );
  const rated = levels.filter((d) => d.winRate.rate !== null);
  if (rated.length >= 2) {
    const low = rated[0];
    const high = rated[rated.length - 1];
    const rising = (high.winRate.rate ?? 0) > (low.winRate.rate ?? 0);
    const separated = (high.winRate.lo ?? 0) > (low.winRate.hi ?? 1) || (low.winRate.lo ?? 0) > (high.winRate.hi ?? 1);
    sentences.push(
      `Handoffs at level ${low.level} were won ${formatPercent(low.winRate.rate)} of the time ` +
        `(95% CI ${formatInterval(low.winRate)}, ${formatCount(low.closed)} closed), ` +
        `at level ${high.level} ${formatPercent(high.winRate.rate)} (${formatInterval(high.winRate)}, ` +
        `${formatCount(high.closed)} closed)` +
        (separated
          ? `: ${rising ? "later handoffs win clearly more often" : "earlier handoffs win clearly more often"}.`
          : `: the intervals overlap, so the data cannot yet tell these levels apart.`)
    );
  }
  if (levels.every((d) => d.surveyShare !== null) && levels.length >= 3) {
    const early = levels.slice(0, 2);
    const ours = early.reduce((s, d) => s + (d.share ?? 0), 0);
    const survey = early.reduce((s, d) => s + (d.surveyShare ?? 0), 0);
    const verdict =
      Math.abs(ours - survey) < 0.05 ? "about as often as" : ours > survey ? "more often than" : "less often than";
    sentences.push(
      `${formatPercent(ours, "en", 0)} of handoffs happen at levels 1–2, against ${formatPercent(survey, "en", 0)} ` +
        `in the SiriusDecisions survey: this company hands off early ${verdict} the surveyed companies.`
    );
  }
  if (totals.open > 0) {
    sentences.push(
      `${formatCount(totals.open)} handoffs are still open; they count in neither the wins nor the losses.`
    );
  }
  const thin = levels.filter((d) => d.closed < minimumClosed);
  if (thin.length > 0) {
    sentences.push(
      `Level${thin.length > 1 ? "s" : ""} ${thin.map((d) => d.level).join(", ")} rest${thin.length > 1 ? "" : "s"} on ` +
        `fewer than ${minimumClosed} closed handoffs: read ${thin.length > 1 ? "their" : "its"} win rate with care.`
    );
  }
  return sentences.join(" ");
}

/** The reading for data that lacks lost outcomes or evidence: say what can be said, and what cannot. */
function limitedReading({totals, levels, dataset}: OverviewData): string {
  const sentences = [
    `Of ${formatCount(totals.handoffs)} handoffs from ${formatCount(totals.leads)} leads, ${formatCount(totals.won)} ` +
      (dataset.limits.lostOutcome
        ? `were won: ${formatPercent(totals.winRate.rate)} of closed handoffs (95% CI ${formatInterval(totals.winRate)}).`
        : `were won by the end of the data: ${formatPercent(totals.wonShare.rate)} of all handoffs ` +
          `(95% CI ${formatInterval(totals.wonShare)}). Lost deals are not recorded, so the others may be lost or ` +
          `still open, and no win rate over closed handoffs can be given.`)
  ];
  if (!dataset.limits.evidence) {
    sentences.push(
      `The data records no qualification evidence, so every handoff is at level 1 and the question of the right ` +
        `level cannot be answered from it; compare campaigns and sources instead.`
    );
  } else {
    const used = levels.filter((d) => d.handoffs > 0).map((d) => d.level);
    sentences.push(`Handoffs occur at level${used.length === 1 ? "" : "s"} ${used.join(", ")}.`);
  }
  return sentences.join(" ");
}
