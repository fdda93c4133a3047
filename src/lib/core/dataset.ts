/**
 * What a dataset can and cannot tell. An export without lost deals or without a handoff timestamp must not be shown
 * as if it had them: pages read these limits and say so instead of showing invented zeros.
 */

/** How the rows of one input file were accounted for: read = used + rejected (+ rows that are no event), always. */
export interface FileReconciliation {
  file: string;
  read: number;
  used: number;
  rejected: number;
  /** Used rows of which some value was rejected (a wide row with one bad milestone date, say); counted as used. */
  partlyRejected: number;
  /** Rows whose status the profile maps to no event (an open deal's stage): read = used + rejected + these. */
  notEvents?: number;
}

/** Rejected rows grouped by file, field and reason, with a few examples each. */
export interface RejectReason {
  file: string;
  field: string;
  reason: string;
  count: number;
  examples: {row: number; value: string | null}[];
}

/** What the data records. All true for data in Leadstage's own model; an import profile may say otherwise. */
export interface DatasetLimits {
  /** The export records when a lead was handed to sales. */
  handoffTimestamp: boolean;
  /** Lost (and rejected) outcomes are recorded, so a handoff without an ending is really still open. */
  lostOutcome: boolean;
  /** Qualification evidence is recorded, so the ladder can classify. */
  evidence: boolean;
  /** Sales touches with hours are recorded. */
  salesHours: boolean;
  /** Deal amounts are recorded. */
  amounts: boolean;
  /**
   * The export records when things happened, at least as spans between them (days to handoff, to close, waits).
   * False for a snapshot: every figure that needs a time says the export has none.
   */
  eventTimes: boolean;
  /** Times are calendar dates (periods, months, quarters, the data's span). False for durations without a start date. */
  calendar: boolean;
}

/**
 * Whether times measured from the handoff (days to handoff and to close, time to a win, cohorts by months since the
 * handoff, how long handoffs waited) can be shown: the export records times, and when the handoff happened. Without a
 * handoff timestamp the handoff's instant is a stand-in (Olist takes the first contact date), and the importer
 * promises that those times are not shown (limits-report.ts).
 */
export function timesSinceHandoff(limits: DatasetLimits): boolean {
  return limits.eventTimes && limits.handoffTimestamp;
}

/** Everything a dataset can tell: the default for data in the canonical model. */
export const fullLimits: DatasetLimits = {
  handoffTimestamp: true,
  lostOutcome: true,
  evidence: true,
  salesHours: true,
  amounts: true,
  eventTimes: true,
  calendar: true
};

/** A dataset's description: written by the importer as dataset.json next to the canonical files. */
export interface DatasetDescription {
  profile: string;
  /** One text, or the same sentence in both languages. */
  description: string | {en: string; de: string};
  limits: DatasetLimits;
  notes: {en: string[]; de: string[]};
  /** How the export's own files were accounted for by the import. */
  importFiles: FileReconciliation[];
  importRejects: RejectReason[];
  /** Contradictions kept in the data and flagged (e.g. a deal won before the lead's first contact). */
  importFlags: RejectReason[];
  leads: number;
  events: number;
  /**
   * When the data was exported (ISO 8601), if known: dates after it are rejected. Without it the build's clock is
   * the limit.
   */
  exportedAt?: string;
  /** The currency of every amount, as an ISO 4217 code (EUR, USD, CHF, …); pages format amounts in it. */
  currency: string;
  /**
   * Lead fields beyond the five built-in ones that pages filter and group by (product, owner, team), each stored in
   * the leads file as dim_<name>, with its label.
   */
  dimensions?: {name: string; label: {en: string; de: string}}[];
}

/** The description of data given directly in the canonical model (no import, nothing it cannot tell). */
export function canonicalDataset(): DatasetDescription {
  return {
    profile: "canonical",
    description: "Leads and events in Leadstage's own model.",
    limits: {...fullLimits},
    notes: {en: [], de: []},
    importFiles: [],
    importRejects: [],
    importFlags: [],
    leads: 0,
    events: 0,
    currency: "EUR"
  };
}
