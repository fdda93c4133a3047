/**
 * Number boxes that never show a figure the page does not use. Inputs.number and Inputs.range keep their last valid
 * value while the box holds an entry they refuse (a decimal where whole numbers are asked for, a value out of range):
 * the timing page showed an hourly rate of "85.5" and went on computing with 120. Such an entry is now marked while
 * it is typed and replaced by the value in use when the box is left, and the box says what it takes.
 */
import {formatCount} from "../lib/i18n/format.js";
import {t} from "../lib/i18n/i18n.js";

/**
 * Makes the number box of `input` (an Inputs.number or Inputs.range of whole numbers from `min` to `max`) say what
 * it takes and show the value in use again when it is left holding an entry the input refused. Returns `input`.
 */
export function wholeNumberBox<T extends HTMLElement & {value: number}>(input: T, min: number, max: number): T {
  const box = input.querySelector<HTMLInputElement>("input[type=number]");
  if (!box) return input;
  box.title = t("filter.wholeNumber", {min: formatCount(min), max: formatCount(max)});
  // "change" comes when the box is left or Enter is pressed: the entry is final then, not halfway typed.
  box.addEventListener("change", () => {
    // Inputs' own setter writes the value in use back into the box (and into the slider beside it).
    if (!box.checkValidity()) input.value = input.value;
  });
  return input;
}
