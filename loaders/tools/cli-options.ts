/**
 * The npm scripts' options, checked before any work starts: a mistyped number ends the command with one clear line
 * and exit code 2 (bad usage), never a run over NaN seeds or cases that reports nothing and exits 0.
 */

/** A wrong option or argument of a command; its message is the line the user reads. */
export class UsageError extends Error {}

/** The whole number an option's text gives, at least `min`: "--seeds must be a whole number ≥ 1, got abc" if not. */
export function wholeNumberOption(name: string, text: string, min = 1): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isInteger(value) || value < min) {
    throw new UsageError(`--${name} must be a whole number ≥ ${min}, got ${JSON.stringify(text)}`);
  }
  return value;
}

/**
 * A command's options as `check` reads them, before any work starts: a UsageError ends the command with
 * "<command>: <message>" on stderr and exit code 2; any other error propagates as it is.
 */
export function checkedOptions<T>(command: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${command}: ${error.message}\n`);
    process.exit(2);
  }
}
