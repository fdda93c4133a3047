/**
 * The simulator's answer in plain words: the recommended threshold with what it changes per quarter, or that the
 * data cannot decide, between which thresholds, and why (too few outcomes, noise, the assumptions, or what the data
 * does not record). A headline a meeting reads at a glance, and the detail that backs it.
 */
import {formatCount, formatList, formatNumber} from "../i18n/format.js";
import {t} from "../i18n/i18n.js";
import type {MessageKey} from "../i18n/en.js";
import {bestIndex, minimumClosed, type Interval, type SimulationResult} from "./decision.js";
import type {Unmeasured} from "./unmeasured.js";

/** How the answer formats levels and money. */
export interface AnswerFormat {
  /** Figures are divided by it and said per quarter; without calendar dates they are for the whole export (1). */
  quarters: number;
  /** False for data without calendar dates: the figures are totals over the export, not per quarter. */
  calendar?: boolean;
  levelName: (k: number) => string;
  money: (x: number) => string;
}

/** The answer: one sentence, and the sentences that back it. */
export interface Answer {
  headline: string;
  detail: string;
}

type Values = Record<string, string | number>;

/** A message whose headline and detail are kept as `key` and `keyDetail`. */
function pair(key: MessageKey, values: Values): Answer {
  return {headline: t(key, values), detail: t(`${key}Detail` as MessageKey, values)};
}

/** The answer to show for a simulation's result. */
export function answerText(
  result: SimulationResult,
  {quarters, levelName, money, calendar = true}: AnswerFormat
): Answer {
  const {decision, policies, replicates} = result;
  const per = (x: number) => x / Math.max(quarters, 1e-9);
  const signed = (x: number, f: (x: number) => string) => `${x >= 0 ? "+" : "−"}${f(Math.abs(x))}`;
  const range = (i: Interval, f: (x: number) => string) => `${signed(per(i.lo), f)} … ${signed(per(i.hi), f)}`;
  if (decision.kind === "pending") return pair("simulator.pending", {done: decision.done, of: decision.of});
  const share = Math.round(decision.share * 100);
  if (decision.kind === "recommend") {
    const chosen = policies.find((d) => d.k === decision.k)!;
    const level = {level: chosen.k, name: levelName(chosen.k), share, samples: replicates};
    if (chosen === policies[0]) return pair("simulator.recommendKeep", level);
    return pair("simulator.recommend", {
      ...level,
      hours: range(chosen.changes.salesHours, (x) => formatCount(Math.round(x))),
      wins: range(chosen.changes.wins, (x) => formatNumber(x, 1)),
      value: range(chosen.changes.netValue, money),
      per: t(calendar ? "simulator.perQuarter" : "simulator.perExport")
    });
  }
  if (decision.reason === "unmeasured") return unmeasuredAnswer(decision.unmeasured);
  const candidates = decision.candidates.join(", ");
  if (decision.reason === "few") return pair("simulator.undecidedFew", {closed: result.closed, minimum: minimumClosed});
  const best = (assumption: "bar" | "self") => policies[bestIndex(policies, assumption === "bar" ? 0 : 1)].k;
  if (decision.reason === "noise") {
    return pair("simulator.undecidedNoise", {candidates, best: best("bar"), share, samples: replicates});
  }
  if (decision.reason === "climb") {
    // The best k when deferred leads climb only as far as their own evidence went (own-climb.ts), where it differs.
    const low = [2, 3].map((view) => policies[bestIndex(policies, view)].k).find((k) => k !== best("bar"));
    return pair("simulator.undecidedClimb", {candidates, best: best("bar"), low: low ?? best("bar")});
  }
  if (decision.reason === "paths") {
    // The best k when each stage climbs as its own handoffs went on climbing (own-paths.ts), where it differs.
    const other = [4, 5].map((view) => policies[bestIndex(policies, view)].k).find((k) => k !== best("bar"));
    return pair("simulator.undecidedPaths", {candidates, best: best("bar"), other: other ?? best("bar")});
  }
  return pair("simulator.undecidedAssumptions", {candidates, bar: best("bar"), self: best("self")});
}

/** The data does not record what the answer rests on: which gaps, why each keeps it from deciding, what is shown. */
function unmeasuredAnswer(gaps: Unmeasured[]): Answer {
  const what = formatList(
    gaps.map((gap) => t(`simulator.unmeasured.${gap}`)),
    "disjunction"
  );
  const why = gaps.map((gap) => t(`simulator.unmeasuredWhy.${gap}`));
  return {
    headline: t("simulator.undecidedUnmeasured", {what}),
    detail: [...why, t("simulator.unmeasuredFigures")].join(" ")
  };
}
