/**
 * The period comparison card's body: both periods' handoffs, win rate and level shares, each change with its 95%
 * interval (Newcombe), a sentence saying whether the win rate's change is beyond noise, and the level mix of both
 * periods side by side. Every figure carries its n.
 */
import {html} from "htl";
import {formatCount, formatNumber, formatPercent, formatPoints as points, type Language} from "../lib/i18n/format.js";
import {currentLanguage, t} from "../lib/i18n/i18n.js";
import type {ComparedRate, PeriodComparison} from "../lib/analysis/periods.js";
import {monthSpan} from "../lib/analysis/filters.js";
import {periodMixChart} from "./period-mix-chart.js";

/** A relative change, signed, in the language's percent format: "+18.6%" / "+18,6 %" (English had "+18.6 %"). */
export function percentChange(x: number, language: Language = currentLanguage()): string {
  const value = formatPercent(Math.abs(x), language);
  if (Math.abs(x) * 100 < 0.05) return `±${value}`;
  return `${x > 0 ? "+" : "−"}${value}`;
}

/** A compared rate's change cell: "+2.3 pp (95% CI −0.5 to +5.1)". */
export function changeText(rate: ComparedRate): string {
  const {difference, lo, hi} = rate.change;
  if (difference === null) return t("compare.noCases");
  return t("compare.change", {change: points(difference), lo: points(lo), hi: points(hi)});
}

/**
 * The plain sentence on the win rate's change. `firstMonth` is the data's first month: an earlier period wholly before
 * it (the default view, whose period is all of the data) gets a hint how to compare instead of a dead end.
 */
export function comparisonSentence(comparison: PeriodComparison, rateName: string, firstMonth?: string): string {
  const {winRate, comparison: earlier, current} = comparison;
  if (earlier.handoffs === 0 && firstMonth !== undefined && earlier.period.to < firstMonth)
    return t("compare.beforeData", {first: firstMonth, period: monthSpan(current.period.from, current.period.to)});
  if (earlier.handoffs === 0)
    return t("compare.noEarlierData", {period: monthSpan(earlier.period.from, earlier.period.to)});
  if (winRate.verdict === null) return t("compare.noClosed");
  const values = {
    rate: rateName,
    // The sentence says "rose" or "fell": the size without its sign; the interval keeps its signs.
    change:
      winRate.verdict === "noise"
        ? points(winRate.change.difference)
        : formatNumber(Math.abs(winRate.change.difference!) * 100, 1),
    lo: points(winRate.change.lo),
    hi: points(winRate.change.hi)
  };
  return t(`compare.sentence.${winRate.verdict}`, values);
}

/** The card's body for `comparison`, with levels labelled by `levelLabel`. */
export function periodComparison(
  comparison: PeriodComparison,
  {
    levelLabel,
    rateName,
    width,
    otherRates = [],
    firstMonth
  }: {
    levelLabel: (level: number) => string;
    rateName: string;
    width: number;
    /** The data's first month (YYYY-MM), for the sentence when the earlier period lies before it. */
    firstMonth?: string;
    /** A page's other headline rates, compared the same way (e.g. first contact within the SLA). */
    otherRates?: {name: string; rate: ComparedRate}[];
  }
) {
  const {current, comparison: earlier} = comparison;
  // Without a handoff in the earlier period every cell would be a dash and the chart one-sided: the sentence alone.
  if (earlier.handoffs === 0)
    return html`<div><p class="compare-sentence">${comparisonSentence(comparison, rateName, firstMonth)}</p></div>`;
  const rate = (k: number, n: number) => (n === 0 ? "–" : `${formatPercent(k / n)} (n = ${formatCount(n)})`);
  const row = (name: string, a: string, b: string, change: string) =>
    html`<tr>
      <td>${name}</td>
      <td>${a}</td>
      <td>${b}</td>
      <td>${change}</td>
    </tr>`;
  const handoffChange =
    earlier.handoffs === 0 ? "–" : percentChange((current.handoffs - earlier.handoffs) / earlier.handoffs);
  return html`<div>
    <p class="compare-sentence">${comparisonSentence(comparison, rateName)}</p>
    <div class="scroll">
      <table class="compare-table figures">
        <thead>
          <tr>
            <th>${t("compare.measure")}</th>
            <th>${monthSpan(current.period.from, current.period.to)}</th>
            <th>${monthSpan(earlier.period.from, earlier.period.to)}</th>
            <th>${t("compare.changeHeader")}</th>
          </tr>
        </thead>
        <tbody>
          ${row(t("compare.handoffs"), formatCount(current.handoffs), formatCount(earlier.handoffs), handoffChange)}
          ${row(
            rateName,
            rate(comparison.winRate.current.k, comparison.winRate.current.n),
            rate(comparison.winRate.comparison.k, comparison.winRate.comparison.n),
            changeText(comparison.winRate)
          )}
          ${otherRates.map(({name, rate: d}) =>
            row(name, rate(d.current.k, d.current.n), rate(d.comparison.k, d.comparison.n), changeText(d))
          )}
          ${comparison.levelShares.map((d, i) =>
            row(
              t("compare.levelShare", {level: levelLabel(i + 1)}),
              rate(d.current.k, d.current.n),
              rate(d.comparison.k, d.comparison.n),
              changeText(d)
            )
          )}
        </tbody>
      </table>
    </div>
    ${periodMixChart(
      comparison.levelShares.map((d, i) => ({
        label: levelLabel(i + 1),
        current: d.current.n === 0 ? null : d.current.k / d.current.n,
        comparison: d.comparison.n === 0 ? null : d.comparison.k / d.comparison.n
      })),
      {width}
    )}
  </div>`;
}
