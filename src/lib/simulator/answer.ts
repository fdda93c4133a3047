/**
 * The simulator's answer in plain words: the recommended threshold with what it changes per quarter, or that the
 * data cannot decide, between which thresholds, and why (too few outcomes, noise, the assumptions, or what the data
 * does not record).
 */
import {formatCount, formatList, formatNumber} from "../i18n/format.js";
import {t} from "../i18n/i18n.js";
import {minimumClosed, type Interval, type SimulationResult} from "./decision.js";

/** How the answer formats levels and money. */
export interface AnswerFormat {
  /** Figures are divided by it and said per quarter; without calendar dates they are for the whole export (1). */
  quarters: number;
  /** False for data without calendar dates: the figures are totals over the export, not per quarter. */
  calendar?: boolean;
  levelName: (k: number) => string;
  money: (x: number) => string;
}

/** The answer, one paragraph. */
export function answerText(
  result: SimulationResult,
  {quarters, levelName, money, calendar = true}: AnswerFormat
): string {
  const {decision, policies, replicates} = result;
  const per = (x: number) => x / Math.max(quarters, 1e-9);
  const signed = (x: number, f: (x: number) => string) => `${x >= 0 ? "+" : "−"}${f(Math.abs(x))}`;
  const range = (i: Interval, f: (x: number) => string) => `${signed(per(i.lo), f)} … ${signed(per(i.hi), f)}`;
  if (decision.kind === "pending") return t("simulator.pending", {done: decision.done, of: decision.of});
  const share = Math.round(decision.share * 100);
  if (decision.kind === "recommend") {
    const chosen = policies.find((d) => d.k === decision.k)!;
    if (chosen === policies[0]) {
      return t("simulator.recommendKeep", {level: chosen.k, name: levelName(chosen.k), share, samples: replicates});
    }
    return t("simulator.recommend", {
      level: chosen.k,
      name: levelName(chosen.k),
      hours: range(chosen.changes.salesHours, (x) => formatCount(Math.round(x))),
      wins: range(chosen.changes.wins, (x) => formatNumber(x, 1)),
      value: range(chosen.changes.netValue, money),
      share,
      samples: replicates,
      per: t(calendar ? "simulator.perQuarter" : "simulator.perExport")
    });
  }
  if (decision.reason === "unmeasured") {
    const what = formatList(
      decision.unmeasured.map((gap) => t(`simulator.unmeasured.${gap}`)),
      "disjunction"
    );
    return t("simulator.undecidedUnmeasured", {what});
  }
  const candidates = decision.candidates.join(", ");
  if (decision.reason === "few") return t("simulator.undecidedFew", {closed: result.closed, minimum: minimumClosed});
  const best = (assumption: "bar" | "self") =>
    policies.reduce((a, d) => (d[assumption].netValue > a[assumption].netValue ? d : a)).k;
  if (decision.reason === "noise") {
    return t("simulator.undecidedNoise", {candidates, best: best("bar"), share, samples: replicates});
  }
  return t("simulator.undecidedAssumptions", {candidates, bar: best("bar"), self: best("self")});
}

/**
 * Why each gap the answer names keeps the data from deciding, and what the figures then are; empty unless the answer
 * is that the data does not record what it rests on.
 */
export function unmeasuredNote({decision}: SimulationResult): string {
  if (decision.kind !== "undecided" || decision.reason !== "unmeasured") return "";
  const why = decision.unmeasured.map((gap) => t(`simulator.unmeasuredWhy.${gap}`));
  return [...why, t("simulator.unmeasuredFigures")].join(" ");
}
