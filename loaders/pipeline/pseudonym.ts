/**
 * Pseudonymous lead IDs for everything that leaves the build machine. A keyed hash: without the key nobody can
 * compute the pseudonym of a known lead ID, and the same lead gets the same pseudonym in every build with that key,
 * so a drill-down list can be matched back to the CRM by whoever holds the key.
 *
 * The key: LEADSTAGE_PSEUDONYM_KEY when set (an empty one is an error); for the bundled, generated sample a public
 * key; for any other data a random key made on the first build and kept in a file outside dist/ and outside git
 * (LEADSTAGE_KEY_FILE, default .leadstage-key), never the public one.
 */
import {createHash, randomBytes} from "node:crypto";
import {existsSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {dirname, resolve} from "node:path";
import {sqlString} from "./duckdb.js";
import {InputError, defaultDataDirectory} from "./input.js";

/** The documented key of the bundled sample, which holds no real person. */
export const samplePseudonymKey = "leadstage-sample-key";

/** Hex digits of SHA-256 a pseudonym keeps: 80 bits, so that ten million leads collide with odds of about 4e-11. */
export const pseudonymDigits = 20;

/** Where the generated key lives. */
export function keyFile(): string {
  return process.env.LEADSTAGE_KEY_FILE || ".leadstage-key";
}

/** The key in force for the data in `directory` (LEADSTAGE_DATA, else the bundled sample). */
export function pseudonymKey(directory: string = process.env.LEADSTAGE_DATA || defaultDataDirectory): string {
  const explicit = process.env.LEADSTAGE_PSEUDONYM_KEY;
  if (explicit !== undefined) {
    if (explicit.trim() === "") {
      throw new InputError(
        "LEADSTAGE_PSEUDONYM_KEY is set but empty: set it to a secret, or unset it to use the key file"
      );
    }
    return explicit;
  }
  if (resolve(directory) === resolve(defaultDataDirectory)) return samplePseudonymKey;
  const file = keyFile();
  if (existsSync(file)) {
    const key = readFileSync(file, "utf8").trim();
    if (key === "") throw new InputError(`${file} is empty: delete it to have a new key made, or restore its backup`);
    return key;
  }
  const key = randomBytes(32).toString("hex");
  // Written once, readable by its owner only; a second build finds it.
  mkdirSync(dirname(resolve(file)), {recursive: true});
  writeFileSync(file, `${key}\n`, {mode: 0o600, flag: "wx"});
  process.stderr.write(
    `leadstage: made a new pseudonym key in ${file} (outside dist/ and git). Back it up: it is what links the site's ` +
      `pseudonyms back to the CRM, and a new key gives every lead a new pseudonym.\n`
  );
  return key;
}

/** A short label of a key (a hash of it), to keep extracts made with different keys apart in the local store. */
export function keyLabel(key: string): string {
  return createHash("sha256").update(`leadstage-key-label:${key}`).digest("hex").slice(0, 12);
}

/** SQL giving the pseudonym of the lead ID expression `leadId`: "P-" and 20 hex digits of SHA-256(key, id). */
export function pseudonymSql(leadId: string, key: string = pseudonymKey()): string {
  return `('P-' || left(sha256(${sqlString(key + ":")} || ${leadId}), ${pseudonymDigits}))`;
}
