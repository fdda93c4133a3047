/**
 * The experiment's design in words: how many leads each arm needs, how long enrolling and waiting take, and when that
 * is longer than a company can wait for an answer.
 */
import {formatCount, formatNumber, formatPercent} from "../i18n/format.js";
import {t} from "../i18n/i18n.js";
import type {ExperimentDesign, ExperimentInputs} from "./experiment.js";

/** Past three years a test is no answer a company can wait for: the text says so beside the months. */
export const impracticalMonths = 36;

/** Months (or handoffs a month) with a decimal where it tells something: 1.7 months, but 19,620, not 19,620.0. */
function months(value: number): string {
  return formatNumber(value, Math.abs(value) < 10 ? 1 : 0);
}

/** The paragraph for a design (null: none can be made); without calendar dates it says how many, not how long. */
export function experimentText(
  design: ExperimentDesign | null,
  trial: ExperimentInputs & {k: number},
  {calendar = true} = {}
): string {
  if (!design) return t("simulator.designNone", {k: trial.k});
  const sizes = {
    perArm: formatCount(design.perArm),
    control: formatPercent(trial.controlRate),
    treatment: formatPercent(design.treatmentRate)
  };
  if (!calendar) return t("simulator.designNoCalendar", sizes);
  const text = t("simulator.design", {
    ...sizes,
    k: trial.k,
    perMonth: months(trial.eligiblePerMonth),
    share: formatPercent(trial.holdBackShare, undefined, 0),
    enrol: months(design.enrolMonths),
    wait: formatNumber(trial.maxWaitMonths, 0),
    close: months(trial.monthsToClose),
    total: formatNumber(design.totalMonths, 0)
  });
  if (design.totalMonths <= impracticalMonths) return text;
  return `${text} ${t("simulator.designImpractical", {years: formatCount(Math.round(design.totalMonths / 12))})}`;
}
