/**
 * The lead-history model's vocabulary, shared by the loaders and the pages: which event types exist, which of them
 * end a handoff, and what outcome each ending means.
 */
import {evidenceTypes, type EvidenceType} from "./ladder.js";

/** Events in a lead's life that are not evidence: the handoff itself and what sales did with it. */
export const lifecycleTypes = [
  "handed_off",
  "accepted",
  "rejected",
  "recycled",
  "sales_touch",
  "opportunity",
  "won",
  "lost",
  "disqualified"
] as const;

/** One lifecycle event type. */
export type LifecycleType = (typeof lifecycleTypes)[number];

/** A scorecard answer: value `question=option` (see scorecard.ts); a top answer counts as its evidence type. */
export const scorecardType = "scorecard";

/** Every event type the model accepts. */
export const eventTypes: readonly (EvidenceType | LifecycleType | typeof scorecardType)[] = [
  ...evidenceTypes,
  ...lifecycleTypes,
  scorecardType
];

/** Lifecycle events that end a handoff; the first one after a handoff decides its outcome. */
export const terminalTypes = ["won", "lost", "disqualified", "rejected", "recycled"] as const;

/**
 * What became of a handoff. `lost` covers lost and disqualified deals; `rejected` means sales refused the lead;
 * `recycled` means it went back to marketing (a later handoff of the same lead is a new handoff). `open` handoffs have
 * no ending yet: they are never counted as lost.
 */
export type HandoffOutcome = "won" | "lost" | "rejected" | "recycled" | "open";

/** The outcomes in display order. */
export const handoffOutcomes: readonly HandoffOutcome[] = ["won", "lost", "rejected", "recycled", "open"];

/** The fields of the leads file, in order; `name`, `email` and `phone` are personal and never published. */
export const leadFields = ["lead_id", "created_at", "campaign", "source", "segment", "company_size", "region"] as const;

/** Optional personal fields of the leads file: read, never carried into the model or any output. */
export const personalLeadFields = ["name", "email", "phone"] as const;

/** The fields of the events file, in order; `value` is optional. */
export const eventFields = ["lead_id", "at", "type", "value"] as const;
