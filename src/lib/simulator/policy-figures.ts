/**
 * What the policy simulator estimates per policy: its figures under each assumption, and the business inputs they
 * are priced with (simulator.ts computes them, decision.ts turns them into intervals and an answer).
 */

/** The business inputs of the simulation. */
export interface SimulatorInputs {
  costPerSalesHour: number;
  nurtureCostPerLead: number;
  /** Share of a deferred lead's own wins that the wait loses, under the "self" assumption (0…1). */
  delayLoss: number;
}

/** The two assumptions about a deferred lead that reaches k. */
export const assumptions = ["bar", "self"] as const;

/** One of them. */
export type Assumption = (typeof assumptions)[number];

/** One policy's figures under one assumption (totals over the handoffs simulated). */
export interface PolicyFigures {
  handoffsToSales: number;
  deferred: number;
  /** Of the deferred, how many are expected to reach k in nurture. */
  reached: number;
  wins: number;
  salesHours: number;
  revenue: number;
  netValue: number;
}

/** A figure's name. */
export type Figure = keyof PolicyFigures;

/** One policy ("hand off at level ≥ k") under both assumptions. */
export interface PolicyEstimate {
  k: number;
  bar: PolicyFigures;
  self: PolicyFigures;
  /** True when no handoff at or above a level that deferred leads land on exists: "bar" then equals "self". */
  barMissing: boolean;
  /**
   * Both assumptions again, with deferred leads climbing only as far as their own evidence went by their close
   * (own-climb.ts); only where that reaches fewer of them than the nurture model.
   */
  climbed?: {bar: PolicyFigures; self: PolicyFigures};
  /** Both assumptions again, with each stage's climb learned from its own handoffs' paths (own-paths.ts). */
  ownPath?: {bar: PolicyFigures; self: PolicyFigures};
}

/** Zero figures. */
export function emptyFigures(): PolicyFigures {
  return {handoffsToSales: 0, deferred: 0, reached: 0, wins: 0, salesHours: 0, revenue: 0, netValue: 0};
}
