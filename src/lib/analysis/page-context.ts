/**
 * What every analysis page derives the same way from its ladder and dataset: the levels and their names, which rate
 * the data supports (the win rate of closed handoffs, or the share won of all handoffs where the export records no
 * lost deals) and the minimum-n setting. One place, so that no page retypes it and all pages say the same.
 */
import type {DatasetDescription} from "../core/dataset.js";
import type {HandoffLadder} from "../core/ladder.js";
import type {Denominator} from "../core/measures.js";
import {currencySymbol, formatMoney} from "../i18n/format.js";
import {localized, t} from "../i18n/i18n.js";

/** The derived values a page starts from. */
export interface PageContext {
  levels: number[];
  /** A level's name in the language in force ("Need"); the number itself for a level the ladder lacks. */
  levelName: (level: number) => string;
  /** A level's number and name ("3 · Need"). */
  levelLabel: (level: number) => string;
  /** Over what rates are taken: closed handoffs, or all where lost deals are not recorded. */
  denominator: Denominator;
  /** The rate's name as a heading ("Win rate") and inside a sentence ("win rate"). */
  rateName: string;
  rateInline: string;
  /** How groups are ranked, a whole phrase ("by the win rate shrunk toward the overall rate"). */
  rankedBy: string;
  /** The same of groups just named ("by their win rate shrunk …"). */
  rankedByTheir: string;
  /** An amount in the data's currency ("€12,345", "$1.2K" when compact); "–" for none. */
  money: (value: number | null, options?: {compact?: boolean}) => string;
  /** The data's currency symbol, for axis labels and settings ("€", "$"). */
  currencySymbol: string;
}

/** The page context of a ladder and a dataset, in the language in force. */
export function pageContext(
  ladder: HandoffLadder,
  dataset: Pick<DatasetDescription, "limits"> & Partial<Pick<DatasetDescription, "currency">>
): PageContext {
  const names = new Map(ladder.levels.map((d) => [d.level, localized(d.name)]));
  const levelName = (level: number) => names.get(level) ?? `${level}`;
  const closed = dataset.limits.lostOutcome;
  const currencyCode = dataset.currency ?? "EUR";
  return {
    levels: ladder.levels.map((d) => d.level),
    levelName,
    levelLabel: (level) => `${level} · ${levelName(level)}`,
    denominator: closed ? "closed" : "all",
    rateName: t(closed ? "common.winRate" : "common.shareWon"),
    rateInline: t(closed ? "common.winRateInline" : "common.shareWonInline"),
    rankedBy: t(closed ? "common.rankedBy.winRate" : "common.rankedBy.shareWon"),
    rankedByTheir: t(closed ? "common.rankedByTheir.winRate" : "common.rankedByTheir.shareWon"),
    money: (value, {compact = false} = {}) => formatMoney(value, currencyCode, {compact}),
    currencySymbol: currencySymbol(currencyCode)
  };
}

/** The filter bar's minimum-n setting: groups below it are flagged (default 30). */
export function minNSetting() {
  return {key: "minN", label: t("common.minN"), value: 30, min: 1, max: 1000};
}
