/**
 * The shape of the overview page's data, shared by the loader that writes it and the page that reads it.
 */
import type {HandoffLadder} from "./ladder.js";
import type {MedianInterval, Proportion} from "./stats.js";
import type {SurvivalMedian} from "./survival.js";
import type {DatasetDescription, FileReconciliation, RejectReason} from "./dataset.js";

/** One ladder level's numbers. Win rates are over closed handoffs only: open ones are not lost. */
export interface LevelSummary {
  level: number;
  handoffs: number;
  won: number;
  lost: number;
  rejected: number;
  recycled: number;
  open: number;
  /** won + lost + rejected + recycled */
  closed: number;
  /** This level's share of all handoffs. */
  share: number | null;
  /** The survey's share for this level, where the ladder carries one. */
  surveyShare: number | null;
  winRate: Proportion;
  /** Won ÷ all handoffs, open ones included: what can be said when lost outcomes are not recorded. */
  wonShare: Proportion;
  /** Days from the lead's creation to the handoff: the median with its interval; null without a handoff. */
  daysToHandoff: MedianInterval | null;
  /**
   * Days from the handoff to its close: the Kaplan–Meier median, open handoffs censored at the data end, with its
   * interval; null without a handoff.
   */
  daysToClose: SurvivalMedian | null;
  salesHours: number;
  revenue: number;
}

/** The headline numbers. */
export interface OverviewTotals {
  leads: number;
  leadsHandedOff: number;
  handoffs: number;
  repeatHandoffs: number;
  won: number;
  lost: number;
  rejected: number;
  recycled: number;
  /** Recycled handoffs whose lead was handed off again later, and those of them whose lead was won in the end. */
  recycledAgain: number;
  recycledWonLater: number;
  open: number;
  closed: number;
  winRate: Proportion;
  wonShare: Proportion;
  firstLeadAt: string | null;
  dataEnd: string | null;
}

/** One month's handoffs at one level. */
export interface MonthlyLevelCounts {
  month: string;
  level: number;
  handoffs: number;
  won: number;
  closed: number;
}

/** Everything the overview page shows. */
export interface OverviewData {
  ladder: HandoffLadder;
  totals: OverviewTotals;
  levels: LevelSummary[];
  /** Handoffs, won and closed per handoff month ("YYYY-MM", UTC) and level: what period comparisons add up. */
  monthly: MonthlyLevelCounts[];
  reconciliation: FileReconciliation[];
  rejectReasons: RejectReason[];
  /** Contradictions kept in the model and flagged. */
  flags: RejectReason[];
  dataset: DatasetDescription;
  /** The dates accepted: from `earliest` (YYYY-MM-DD) up to the export (`exportedAt`) or, when null, the build. */
  dates: {earliest: string; exportedAt: string | null};
}
