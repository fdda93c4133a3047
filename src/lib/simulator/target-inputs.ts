/**
 * The simulator's default inputs, at which the lead check and the scorecard ask it for a level to hand off at. A
 * module of its own: the build's answer (built-target.ts) is checked against them by pages that load no simulator.
 */

/** €120 per sales hour, €20 of nurture per lead, 50 resamples (the delay loss is estimated from the data). */
export const targetInputs = {costPerSalesHour: 120, nurtureCostPerLead: 20, replicates: 50};
