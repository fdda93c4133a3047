/**
 * The table of what sales did with each level's handoffs: accepted, rejected (with its rate and interval), recycled,
 * lost, won, still open, and the most frequent reasons. Reasons are the export's own text, rendered as text.
 */
import {html} from "htl";
import type {LevelFlow} from "../lib/analysis/timing.js";
import {formatCount, formatInterval, formatPercent} from "../lib/i18n/format.js";
import {t} from "../lib/i18n/i18n.js";
import {stickyColumns} from "./sticky-columns.js";

/** The table in its scrolling box; levels with fewer than `minN` handoffs are marked. */
export function flowsTable(
  flows: LevelFlow[],
  {levelLabel, minN}: {levelLabel: (level: number) => string; minN: number}
): HTMLElement {
  const headings = ["overview.level", "overview.handoffs", "timing.accepted", "timing.rejectedRate"] as const;
  const outcomes = ["timing.recycled", "overview.lost", "overview.won", "overview.open", "timing.topReasons"] as const;
  const smallN = (d: LevelFlow) =>
    d.handoffs < minN
      ? html` <span class="small-n" title=${t("timing.fewerHandoffs", {min: minN})}>${t("common.smallN")}</span>`
      : "";
  const reasons = (d: LevelFlow) =>
    d.reasons.map((r) => `${t(`timing.outcome.${r.outcome}`)}: ${r.reason} (${r.count})`).join("; ");
  const table = html`<table class="flows">
    <thead>
      <tr>
        ${[...headings, ...outcomes].map((key) => html`<th>${t(key)}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${flows.map(
        (d) =>
          html`<tr>
            <td>${levelLabel(d.level)}</td>
            <td>${formatCount(d.handoffs)}</td>
            <td>${formatCount(d.accepted)}</td>
            <td>
              ${formatCount(d.rejected)} (${formatPercent(d.rejectionRate.rate)},
              ${formatInterval(d.rejectionRate)})${smallN(d)}
            </td>
            <td>${formatCount(d.recycled)}</td>
            <td>${formatCount(d.lost)}</td>
            <td>${formatCount(d.won)}</td>
            <td>${formatCount(d.open)}</td>
            <td>${reasons(d)}</td>
          </tr>`
      )}
    </tbody>
  </table>` as HTMLTableElement;
  // The level stays in sight when the table scrolls sideways to the reasons.
  return html`<div class="scroll" tabindex="0" role="region" aria-label=${t("common.scrollableTable")}>
    ${stickyColumns(table, 1)}
  </div>` as HTMLElement;
}
