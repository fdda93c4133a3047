/**
 * What the pages will and will not show for an export, in plain lines for the importer's log (and `--check`): a
 * sales-ops person learns before building the site that a snapshot has no time-to-win, or an export without losses no
 * win rate, instead of discovering it page by page.
 */
import type {DatasetLimits} from "../../src/lib/core/dataset.js";

/** One line per thing the export does not record, each saying what the pages show instead; one line when complete. */
export function limitsReport(limits: DatasetLimits): string[] {
  const lines: string[] = [];
  if (!limits.eventTimes) {
    lines.push(
      "no times (a snapshot): not shown are days to handoff, first touch within the SLA, time to win, cohorts, " +
        "months, quarters and period comparisons; shown are the level mix, the win rate per level, campaigns, " +
        "criteria, the scorecard and the simulator (totals over the whole export, not per quarter)"
    );
    lines.push(
      "a snapshot's qualification fields may have been filled in after the handoff: the pages warn that a win rate " +
        "rising with the level may partly be that leakage"
    );
  } else if (!limits.calendar) {
    lines.push(
      "durations but no calendar dates: days to handoff and to close are shown; months, quarters, cohorts and " +
        "period comparisons are not, and the simulator gives totals over the whole export"
    );
  }
  if (!limits.handoffTimestamp && limits.eventTimes) {
    lines.push("no handoff timestamp: times since the handoff are not shown");
  }
  if (!limits.lostOutcome) lines.push("no lost outcomes: shares won over all handoffs instead of win rates");
  if (!limits.evidence) lines.push("no qualification evidence: every handoff is at level 1, the level views are flat");
  if (!limits.salesHours) lines.push("no sales touches: sales time and follow-up views say so instead of showing 0");
  if (!limits.amounts) lines.push("no deal amounts: revenue and deal size are not shown");
  return lines.length === 0
    ? ["every page can be shown: the export records times, outcomes, evidence, sales hours and amounts"]
    : lines;
}
