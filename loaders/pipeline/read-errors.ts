/**
 * What DuckDB's readers say when a file cannot be read, told as one line a user can act on: what is wrong, where (the
 * line), and what to do. Never the offending line or object itself, which may hold personal data.
 */

/**
 * DuckDB's CSV reader refusing a file's structure: line ends of more than one kind (which ingest.ts then reads from a
 * copy with one kind, line-ends.ts) or a stray quote.
 */
export const invalidCsvReason =
  "does not follow the CSV rules (RFC 4180): line ends of more than one kind (\\n and \\r\\n) or a stray quote; save it again from its source";

/** One line for a reader's error (DuckDB's are long and echo the line): what is wrong, where, and what to do. */
export function explainReadError(message: string): string {
  const lines = message
    .split("\n")
    .map((d) => d.trim())
    .filter((d) => d !== "");
  const line = /on line:? (\d+)/i.exec(message)?.[1];
  const where = line ? ` (line ${line})` : "";
  // The reason follows the echoed line; the echo itself is never repeated.
  const echoed = lines.findIndex((d) => d.startsWith("Original Line"));
  const reason = echoed >= 0 ? lines.slice(echoed + 1).find((d) => !/^(possible|\*)/i.test(d)) : undefined;
  const json = jsonReadError(message);
  if (json) return json;
  const own = ownWords(message);
  const duplicate = /duplicate struct entry name "([^"]*)"/i.exec(message)?.[1];
  if (duplicate !== undefined) {
    return `two columns are named "${duplicate}" (names that differ only in case count as the same): rename one of them`;
  }
  if (/unicode|utf-8|encoding/i.test(own)) {
    return `not valid UTF-8${where}: the file mixes encodings or is not UTF-8 (set the file's encoding in the profile, e.g. latin-1)`;
  }
  if (isRaggedRowError(own)) {
    return `rows have different numbers of fields${where} (a ragged file, or the wrong delimiter)`;
  }
  if (/unterminated quote/i.test(own)) {
    return `a quoted value is never closed${where}: a stray " in a field, or the file was cut off`;
  }
  if (/state machine reached an invalid state/i.test(own)) {
    return invalidCsvReason;
  }
  if (/maximum line size/i.test(own)) {
    return `a line longer than 10 MB${where}: an unclosed quote joins the rest of the file into one field`;
  }
  if (reason && line) return `${reason}${where}`;
  return lines[0] ?? message;
}

/** Whether DuckDB's CSV reader failed on a line with more or fewer fields than the header. */
export function isRaggedRowError(message: string): boolean {
  return /expected number of columns|too many columns|too few columns|found: \d+/i.test(ownWords(message));
}

/**
 * What DuckDB says of its own, without the echoed line or its options (the path among them): a campaign named
 * "Unicode summit" on a ragged line, or a folder named utf-8, read as an encoding error.
 */
function ownWords(message: string): string {
  return message
    .split("\n")
    .map((d) => d.trim())
    .filter((d) => !d.startsWith("Original Line") && !/^\w+ = /.test(d))
    .join("\n");
}

/**
 * DuckDB's JSON reader errors, without the file's path (twice) or the object it echoes (it may hold personal data).
 * Its "Malformed JSON … in line N" counts one line more than there are before the bad one (checked by the tests).
 */
function jsonReadError(message: string): string | undefined {
  if (/byte order mark/i.test(message)) {
    return "starts with a byte-order mark, which JSON Lines may not have: save it as UTF-8 without one";
  }
  const malformed = /Malformed JSON in file "[^"]*", at byte \d+ in line (\d+): ([^.]*)/i.exec(message);
  if (malformed) {
    return `line ${Number(malformed[1]) - 1} is not valid JSON (${malformed[2]}): JSON Lines holds one object per line`;
  }
  const notObject = /in line (\d+): Expected OBJECT, but got (\w+)/i.exec(message);
  if (notObject) {
    const kind = notObject[2].toLowerCase() === "array" ? "an array" : "a single value";
    return `line ${notObject[1]} is ${kind}, not a JSON object: JSON Lines holds one object per line`;
  }
  const twice = /in line (\d+): .* has duplicate key "([^"]*)"/is.exec(message);
  if (twice) return `line ${twice[1]} names the key "${twice[2]}" twice`;
  return undefined;
}
