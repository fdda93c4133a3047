/**
 * The simulator's own inputs beside the filter bar: the delay loss and the experiment's design. Every box takes whole
 * numbers (percent, points, months): a number box writes decimals as the browser's locale does, not the page's, and
 * a German page read "0.05" and "0.5" in an English browser.
 */
import * as Inputs from "@observablehq/inputs";
import type {MessageKey} from "../lib/i18n/en.js";
import {t} from "../lib/i18n/i18n.js";
import {wholeNumberBox} from "./whole-number-box.js";

/**
 * A slider of whole numbers with its number box (whole-number-box.ts); Inputs labels the box, so the slider gets the
 * same name for screen readers.
 */
function namedRange(extent: [number, number], label: MessageKey, value: number) {
  const input = Inputs.range(extent, {label: t(label), value, step: 1});
  input.querySelector("input[type=range]")?.setAttribute("aria-label", t(label));
  return wholeNumberBox(input, extent[0], extent[1]);
}

/** The delay loss (the share of wins lost to the wait) in whole percent, 0–90, starting at `share` rounded. */
export function delayLossInput(share: number): HTMLElement & {value: number} {
  return namedRange([0, 90], "simulator.delayLoss", Math.round(share * 100));
}

/**
 * The experiment's design: the threshold k to test (one of `levels`, first `k`), the share held back in percent,
 * the difference to detect in percentage points (first `effectPoints`, at least 1) and the longest wait in months.
 * Its value: {k, holdBackPercent, effectPoints, maxWaitMonths}.
 */
export function experimentInputs(levels: number[], k: number, effectPoints: number) {
  return Inputs.form({
    k: Inputs.select(levels, {label: t("simulator.experimentK"), value: k}),
    holdBackPercent: namedRange([5, 95], "simulator.holdBack", 50),
    effectPoints: namedRange([1, 30], "simulator.effect", Math.max(1, Math.round(effectPoints))),
    maxWaitMonths: namedRange([1, 24], "simulator.maxWait", 6)
  });
}
