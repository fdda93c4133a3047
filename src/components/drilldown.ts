/**
 * The list of (pseudonymised) handoffs behind a number the user clicked, with a CSV download of all of them.
 */
import {html} from "htl";
import type {Extract} from "../lib/extract.js";
import {handoffRecords, recordsToCsv} from "../lib/drilldown.js";
import {formatCount} from "../lib/format.js";
import {t} from "../lib/i18n.js";
import type {MessageKey} from "../lib/i18n-en.js";

/** How many rows the on-page table shows; the CSV always has all of them. */
export const shownRows = 100;

/** A card body: what was selected, a table of its first rows, and a download link for the CSV. */
export function drilldown(
  extract: Extract,
  rows: ArrayLike<number>,
  ids: string[],
  {title, fileName = "handoffs.csv"}: {title: string; fileName?: string}
): HTMLElement {
  const records = handoffRecords(extract, rows, ids);
  const url = URL.createObjectURL(new Blob([recordsToCsv(records)], {type: "text/csv"}));
  return html`<div class="drilldown">
    <p>
      <strong>${title}</strong>: ${records.length.toLocaleString("en-US")}
      handoffs${records.length > shownRows ? `, the first ${shownRows} shown` : ""}.
      <a href=${url} download=${fileName}>Download all as CSV</a>
    </p>
    <div class="scroll">
      <table>
        <thead>
          <tr>
            <th>Lead (pseudonym)</th>
            <th>Handoff</th>
            <th>Level</th>
            <th>Outcome</th>
            <th>Campaign</th>
            <th>Source</th>
            <th>Days to close</th>
            <th>Sales hours</th>
            <th>Amount</th>
            <th>Reason</th>
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
                <td>${d.daysToClose ?? "–"}</td>
                <td>${d.salesHours}</td>
                <td>${d.amount === null ? "–" : formatCount(d.amount)}</td>
                <td>${d.reason}</td>
              </tr>`
          )}
        </tbody>
      </table>
    </div>
  </div>`;
}
