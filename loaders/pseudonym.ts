/**
 * Pseudonymous lead IDs for everything that leaves the build machine. A keyed hash: without the key nobody can
 * compute the pseudonym of a known lead ID, and the same lead gets the same pseudonym in every build with that key,
 * so a drill-down list can be matched back to the CRM by whoever holds the key.
 */
import {sqlString} from "./duckdb.ts";

/** The documented default key, fit only for the bundled sample; real data should set LEADSTAGE_PSEUDONYM_KEY. */
export const samplePseudonymKey = "leadstage-sample-key";

/** The key in force: LEADSTAGE_PSEUDONYM_KEY, or the sample's default. */
export function pseudonymKey(): string {
  return process.env.LEADSTAGE_PSEUDONYM_KEY || samplePseudonymKey;
}

/** Whether builds use the public default key (the loaders warn about it for data other than the sample). */
export function usesDefaultPseudonymKey(): boolean {
  return pseudonymKey() === samplePseudonymKey;
}

/** SQL giving the pseudonym of the lead ID expression `leadId`: "P-" and 12 hex digits of SHA-256(key, id). */
export function pseudonymSql(leadId: string, key: string = pseudonymKey()): string {
  return `('P-' || left(sha256(${sqlString(key + ":")} || ${leadId}), 12))`;
}
