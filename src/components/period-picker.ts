/**
 * The overview's period picker: a period (default: the data's last three months) and what it is compared with.
 * Kept in the URL (from, to, compare) like every page's filters, so a comparison can be shared as a link.
 */
import * as Inputs from "@observablehq/inputs";
import {t} from "../lib/i18n/i18n.js";
import {compareModes, lastMonths, type CompareMode, type Period} from "../lib/analysis/periods.js";

/** What the picker's value holds. */
export interface PeriodChoice {
  period: Period;
  compare: CompareMode;
}

/** The picker over `months` (the data's months, in order); dispatches "input" on every change. */
export function periodPicker(months: string[]): HTMLElement & {value: PeriodChoice} {
  const params = new URLSearchParams(location.search);
  const fallback = lastMonths(months, 3);
  const pick = (key: string, value: string) => (months.includes(params.get(key) ?? "") ? params.get(key)! : value);
  const requested = params.get("compare") as CompareMode | null;
  const from = Inputs.select(months, {label: t("filter.from"), value: pick("from", fallback.from)});
  const to = Inputs.select(months, {label: t("filter.to"), value: pick("to", fallback.to)});
  const compare = Inputs.select(compareModes, {
    label: t("filter.compare"),
    value: requested && compareModes.includes(requested) ? requested : "previous",
    format: (d: CompareMode) => t(`filter.compare.${d}`)
  });
  const form = document.createElement("form") as unknown as HTMLElement & {value: PeriodChoice};
  form.className = "filter-bar";
  form.setAttribute("aria-label", t("filter.compare"));
  form.addEventListener("submit", (event) => event.preventDefault());
  form.append(from, to, compare);
  const read = (): PeriodChoice => {
    const [a, b] = [from.value as string, to.value as string].sort();
    return {period: {from: a, to: b}, compare: compare.value as CompareMode};
  };
  form.value = read();
  form.addEventListener("input", (event) => {
    if (event.target === form) return;
    event.stopPropagation();
    form.value = read();
    const query = new URLSearchParams(location.search);
    query.set("from", form.value.period.from);
    query.set("to", form.value.period.to);
    if (form.value.compare === "previous") query.delete("compare");
    else query.set("compare", form.value.compare);
    history.replaceState(null, "", `${location.pathname}?${query}${location.hash}`);
    form.dispatchEvent(new Event("input", {bubbles: true}));
  });
  return form;
}
