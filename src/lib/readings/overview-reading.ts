/**
 * The overview's plain-language reading: what the level chart says, in a paragraph computed from the data, so that a
 * reader who does not read charts gets the same answer (and the same caveats) as one who does.
 */
import {formatCount, formatInterval, formatPercent} from "../i18n/format.js";
import {currentLanguage, t, type Language} from "../i18n/i18n.js";
import type {OverviewData} from "../core/overview.js";
import {minimumClosed, wilson} from "../core/stats.js";

export {minimumClosed};

/** The reading of the overview, in the language in force (English outside the browser). */
export function overviewReading(data: OverviewData, language: Language = currentLanguage()): string {
  const {totals, levels, ladder, dataset} = data;
  const count = (x: number) => formatCount(x, language);
  const percent = (x: number | null, digits = 1) => formatPercent(x, language, digits);
  const interval = (p: Parameters<typeof formatInterval>[0]) => formatInterval(p, language);
  if (totals.handoffs === 0) return t("reading.noHandoff", {leads: count(totals.leads)}, language);
  if (!dataset.limits.lostOutcome || !dataset.limits.evidence) return limitedReading(data, language);
  const name = (level: number) => ladder.levels.find((d) => d.level === level)?.name[language] ?? `${level}`;
  const sentences: string[] = [];
  const largest = levels.reduce((a, b) => (b.handoffs > a.handoffs ? b : a));
  sentences.push(
    t(
      "reading.mostCommon",
      {
        handoffs: count(totals.handoffs),
        leads: count(totals.leads),
        level: largest.level,
        name: name(largest.level),
        share: percent(largest.share)
      },
      language
    )
  );
  const rated = levels.filter((d) => d.winRate.rate !== null);
  if (rated.length >= 2) {
    const low = rated[0];
    const high = rated[rated.length - 1];
    const rising = (high.winRate.rate ?? 0) > (low.winRate.rate ?? 0);
    const separated = (high.winRate.lo ?? 0) > (low.winRate.hi ?? 1) || (low.winRate.lo ?? 0) > (high.winRate.hi ?? 1);
    sentences.push(
      t(
        "reading.lowHigh",
        {
          low: low.level,
          lowRate: percent(low.winRate.rate),
          lowInterval: interval(low.winRate),
          lowClosed: count(low.closed),
          high: high.level,
          highRate: percent(high.winRate.rate),
          highInterval: interval(high.winRate),
          highClosed: count(high.closed),
          verdict: t(separated ? (rising ? "reading.laterWin" : "reading.earlierWin") : "reading.overlap", {}, language)
        },
        language
      )
    );
  }
  if (levels.every((d) => d.surveyShare !== null) && levels.length >= 3) {
    sentences.push(surveySentence(data, language));
  }
  if (totals.open > 0) sentences.push(t("reading.open", {open: count(totals.open)}, language));
  // A level with no closed handoff has no win rate at all; one with a few has an uncertain one.
  const thin = levels.filter((d) => d.closed > 0 && d.closed < minimumClosed);
  if (thin.length > 0) {
    const key = thin.length > 1 ? "reading.thinMany" : "reading.thinOne";
    sentences.push(t(key, {levels: thin.map((d) => d.level).join(", "), min: minimumClosed}, language));
  }
  const empty = levels.filter((d) => d.closed === 0);
  if (empty.length > 0) {
    const values = {levels: empty.map((d) => d.level).join(", "), count: empty.length};
    sentences.push(t("reading.noClosed", values, language));
  }
  return sentences.join(" ");
}

/** This company's share of handoffs at levels 1–2 against the survey's, with its interval and n. */
function surveySentence({levels, totals}: OverviewData, language: Language): string {
  const early = levels.slice(0, 2);
  const share = wilson(
    early.reduce((s, d) => s + d.handoffs, 0),
    totals.handoffs
  );
  const ours = share.rate ?? 0;
  const survey = early.reduce((s, d) => s + (d.surveyShare ?? 0), 0);
  // Within 5 points is "about as often" however many handoffs; beyond, only where the interval excludes the survey
  // (ten handoffs, seven of them early, said "more often" of 70% against 53%: 95% CI 40–89%).
  const verdict =
    Math.abs(ours - survey) < 0.05
      ? "reading.aboutAsOften"
      : survey >= (share.lo ?? 0) && survey <= (share.hi ?? 1)
        ? "reading.notClearly"
        : ours > survey
          ? "reading.moreOften"
          : "reading.lessOften";
  const values = {
    ours: formatPercent(ours, language, 0),
    interval: formatInterval(share, language),
    n: formatCount(totals.handoffs, language),
    survey: formatPercent(survey, language, 0),
    verdict: t(verdict, {}, language)
  };
  return t("reading.survey", values, language);
}

/** The reading for data that lacks lost outcomes or evidence: say what can be said, and what cannot. */
function limitedReading({totals, levels, dataset}: OverviewData, language: Language): string {
  const values = {
    handoffs: formatCount(totals.handoffs, language),
    leads: formatCount(totals.leads, language),
    won: formatCount(totals.won, language)
  };
  const sentences = [
    dataset.limits.lostOutcome
      ? t(
          "reading.limitedWon",
          {
            ...values,
            rate: formatPercent(totals.winRate.rate, language),
            interval: formatInterval(totals.winRate, language)
          },
          language
        )
      : t(
          "reading.limitedShare",
          {
            ...values,
            rate: formatPercent(totals.wonShare.rate, language),
            interval: formatInterval(totals.wonShare, language)
          },
          language
        )
  ];
  if (!dataset.limits.evidence) {
    sentences.push(t("reading.noEvidence", {}, language));
  } else {
    const used = levels.filter((d) => d.handoffs > 0).map((d) => d.level);
    sentences.push(
      t(used.length === 1 ? "reading.occursOne" : "reading.occursMany", {levels: used.join(", ")}, language)
    );
  }
  return sentences.join(" ");
}
