/**
 * The part of the per-handoff extract that the policy simulation reads: all that a worker running it is sent.
 */
import type {CoreColumns, ExtractHeader} from "../core/extract.js";

/** The extract's columns the simulation reads. */
export const simulatorColumns = [
  "outcome",
  "hoursToHandoff",
  "hoursToClose",
  "hoursToDataEnd",
  "salesHours",
  "amount",
  "evidenceAtHandoff",
  "evidenceEver",
  "evidenceHours",
  "evidenceHoursAfter"
] as const;

/** The part of an extract the simulation reads (a whole Extract is one). */
export interface SimulatorExtract {
  rows: number;
  header: Pick<ExtractHeader, "evidenceTypes">;
  columns: Pick<CoreColumns, (typeof simulatorColumns)[number]>;
}

/** The extract's columns the simulation reads, as their own object (what is sent to a worker, nothing else). */
export function simulatorExtract(extract: SimulatorExtract): SimulatorExtract {
  const columns = Object.fromEntries(simulatorColumns.map((name) => [name, extract.columns[name]]));
  return {
    rows: extract.rows,
    header: {evidenceTypes: extract.header.evidenceTypes},
    columns: columns as SimulatorExtract["columns"]
  };
}
