/**
 * Inputs.table leaves the cell of a missing value (null, undefined, NaN) empty without calling the column's format, so
 * a reader cannot tell "no value" from a rendering fault. A missing number is stored as `NO_VALUE` instead: the format
 * is called, says "–", and the row sorts below every real value.
 */

/** Stands for a missing number in an Inputs.table row: defined for the table, below every real value when sorting. */
export const NO_VALUE = -Infinity;

/** `value`, or `NO_VALUE` when there is none. */
export function orNoValue(value: number | null | undefined): number {
  return value === null || value === undefined || Number.isNaN(value) ? NO_VALUE : value;
}

/**
 * A column format that says "–" for `NO_VALUE` and formats every other value with `format`. Only the value is passed
 * on: Inputs.table calls a format with the row index second, which `formatPercent` would take for its digits.
 */
export function dashNoValue(format: (value: number) => string | Node): (value: number) => string | Node {
  return (value) => (value === NO_VALUE ? "–" : format(value));
}
