/**
 * The list of (pseudonymised) handoffs behind a number the user clicked, with a CSV download of all of them.
 */
import {html} from "htl";
import type {DetailedExtract} from "../lib/core/extract.js";
import {handoffRecords, recordsToCsv} from "../lib/analysis/drilldown.js";
import {formatCount, formatNumber} from "../lib/i18n/format.js";
import {t} from "../lib/i18n/i18n.js";
import type {MessageKey} from "../lib/i18n/en.js";

/** How many rows the on-page table shows; the CSV always has all of them. */
export const shownRows = 100;

/** A card body: what was selected, a table of its first rows, and a download link for the CSV. */
export function drilldown(
  extract: DetailedExtract,
  rows: ArrayLike<number>,
  ids: string[],
  {title, fileName = "handoffs.csv"}: {title: string; fileName?: string}
): HTMLElement {
  const records = handoffRecords(extract, rows, ids);
  const url = URL.createObjectURL(new Blob([recordsToCsv(records)], {type: "text/csv"}));
  const columns: MessageKey[] = [
    "drill.column.lead",
    "drill.column.handoff",
    "drill.column.level",
    "drill.column.outcome",
    "drill.column.campaign",
    "drill.column.source",
    "drill.column.daysToClose",
    "drill.column.salesHours",
    "drill.column.amount",
    "drill.column.reason"
  ];
  return html`<div class="drilldown">
    <p>
      <strong>${title}</strong>:
      ${t("drill.count", {n: formatCount(records.length)})}${
        records.length > shownRows ? t("drill.firstShown", {n: shownRows}) : ""
      }.
      <a href=${url} download=${fileName}>${t("drill.download")}</a>
    </p>
    <div class="scroll" tabindex="0" role="region" aria-label=${title}>
      <table>
        <thead>
          <tr>
            ${columns.map((key) => html`<th>${t(key)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${records.slice(0, shownRows).map(
            (d) =>
              html`<tr>
                <td>${d.lead}</td>
                <td>${d.handoffDate}</td>
                <td>${d.level}</td>
                <td>${d.outcome}</td>
                <td>${d.campaign}</td>
                <td>${d.source}</td>
                <td>${d.daysToClose === null ? "–" : formatNumber(d.daysToClose, 1)}</td>
                <td>${formatNumber(d.salesHours, 2)}</td>
                <td>${d.amount === null ? "–" : formatCount(d.amount)}</td>
                <td>${d.reason}</td>
              </tr>`
          )}
        </tbody>
      </table>
    </div>
  </div>`;
}
