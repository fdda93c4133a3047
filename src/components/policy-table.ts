/**
 * Every threshold k side by side: handoffs to sales, deferred (and how many are expected to reach k), sales hours,
 * wins, revenue and net value under both assumptions ("bar" / "self") with the 95% interval over both beneath, the
 * change in net value against what actually happened, and how often k is best under both assumptions. What the data
 * does not record (unmeasured.ts) says so in its cells instead of showing zeros, and then nothing is "best".
 */
import {html} from "htl";
import {formatCount, formatNumber, formatPercent} from "../lib/i18n/format.js";
import {t} from "../lib/i18n/i18n.js";
import {stickyColumns} from "./sticky-columns.js";
import type {Interval, PolicyResult} from "../lib/simulator/decision.js";
import type {Figure} from "../lib/simulator/simulator.js";
import {netValueUnmeasured, type Unmeasured} from "../lib/simulator/unmeasured.js";

/** The table; figures are divided by `quarters` (per quarter); `money` formats amounts. */
export function policyTable(
  policies: PolicyResult[],
  {
    quarters = 1,
    money = (x: number) => formatCount(Math.round(x)),
    levelName = (k: number) => `${k}`,
    highlight = null as number | null,
    unmeasured = [] as Unmeasured[]
  } = {}
) {
  const per = (x: number) => x / Math.max(quarters, 1e-9);
  const count = (x: number) => formatCount(Math.round(per(x)));
  const wins = (x: number) => formatNumber(per(x), 1);
  const cash = (x: number) => money(per(x));
  const range = (i: Interval, f: (x: number) => string) => (Number.isFinite(i.lo) ? `${f(i.lo)} … ${f(i.hi)}` : "–");
  const notRecorded = {
    salesHours: unmeasured.includes("salesHours"),
    revenue: unmeasured.includes("amounts"),
    netValue: netValueUnmeasured(unmeasured)
  } as Partial<Record<Figure, boolean>>;
  const cell = (d: PolicyResult, figure: Figure, f: (x: number) => string) =>
    notRecorded[figure]
      ? html`<td>${t("simulator.notRecorded")}</td>`
      : html`<td>${f(d.bar[figure])} / ${f(d.self[figure])}<br /><small>${range(d.intervals[figure], f)}</small></td>`;
  // The policy's name stays in sight when the table scrolls sideways to the net value.
  const table = html`<table class="policy-table figures">
    <thead>
      <tr>
        <th>${t("simulator.k")}</th>
        <th>${t("simulator.toSales")}</th>
        <th>${t("simulator.deferred")}</th>
        <th>${t("chart.salesHours")}</th>
        <th>${t("simulator.wins")}</th>
        <th>${t("simulator.revenue")}</th>
        <th>${t("simulator.netValue")}</th>
        <th>${t("simulator.change")}</th>
        <th>${t("simulator.bestIn")}</th>
      </tr>
    </thead>
    <tbody>
      ${policies.map(
        (d, j) =>
          html`<tr class=${d.k === highlight ? "best" : ""}>
            <td>${d.k} · ${levelName(d.k)}${j === 0 ? ` (${t("simulator.actual")})` : ""}</td>
            ${cell(d, "handoffsToSales", count)}
            <td>${count(d.bar.deferred)} <small>(${count(d.bar.reached)} / ${count(d.self.reached)})</small></td>
            ${cell(d, "salesHours", count)} ${cell(d, "wins", wins)} ${cell(d, "revenue", cash)}
            ${cell(d, "netValue", cash)}
            <td>${j === 0 || notRecorded.netValue ? "–" : range(d.changes.netValue, cash)}</td>
            <td>${unmeasured.length ? "–" : formatPercent(d.best.both, undefined, 0)}</td>
          </tr>`
      )}
    </tbody>
  </table>` as HTMLTableElement;
  return stickyColumns(table, 1);
}
