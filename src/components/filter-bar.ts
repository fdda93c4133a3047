/**
 * The filter bar at the top of every audience page: period and the five dimensions, plus the page's own settings
 * (minimum n, SLA, hourly rate, …). Its value changes every number on the page; its state lives in the URL, so a
 * view can be shared as a link and restored by opening it.
 */
import * as Inputs from "@observablehq/inputs";
import type {Extract} from "../lib/core/extract.js";
import {extractDimensions} from "../lib/core/dimensions.js";
import {dimensionName, handoffMonths, parseFilters, serializeFilters, type Filters} from "../lib/analysis/filters.js";
import {compareModes, type CompareMode} from "../lib/analysis/periods.js";
import {t} from "../lib/i18n/i18n.js";
import {dimensionInput} from "./dimension-input.js";
import {wholeNumberBox} from "./whole-number-box.js";

/**
 * A numeric page setting shown in the bar and kept in the URL under `key`: a whole number from `min` to `max` (a box
 * writes decimals as the browser's locale does, not the page's; whole numbers read the same in both).
 */
export interface Setting {
  key: string;
  label: string;
  value: number;
  min: number;
  max: number;
}

/** What the bar's value holds. */
export interface FilterState {
  filters: Filters;
  settings: Record<string, number>;
  /** What the period is compared with (pages that compare periods; "none" elsewhere). */
  compare: CompareMode;
}

/**
 * The bar: an element whose `value` is a FilterState and which dispatches "input" when it changes. Data without
 * calendar dates (limits.calendar false) gets no period and no comparison: its months would be made up.
 */
export function filterBar(
  extract: Extract,
  {settings = [], compare = false, calendar = true}: {settings?: Setting[]; compare?: boolean; calendar?: boolean} = {}
): HTMLElement & {value: FilterState} {
  const params = new URLSearchParams(location.search);
  const initial = parseFilters(location.search, extract);
  const months = handoffMonths(extract);
  const form = document.createElement("form") as unknown as HTMLElement & {value: FilterState};
  form.className = "filter-bar";
  form.setAttribute("aria-label", t("common.filters"));
  form.addEventListener("submit", (event) => event.preventDefault());

  const period = {
    from: Inputs.select(months, {label: t("filter.from"), value: initial.from ?? months[0]}),
    to: Inputs.select(months, {label: t("filter.to"), value: initial.to ?? months[months.length - 1]})
  };
  const dimensions = extractDimensions(extract);
  const selects = Object.fromEntries(
    dimensions.map((dimension) => {
      const input = dimensionInput(extract.header.dictionaries[dimension], {
        label: dimensionName(extract, dimension),
        value: initial[dimension] ?? null
      });
      return [dimension, input];
    })
  );
  const settingInputs = Object.fromEntries(
    settings.map((setting) => {
      const fromUrl = Number(params.get(setting.key));
      const fits = Number.isInteger(fromUrl) && fromUrl >= setting.min && fromUrl <= setting.max;
      const value = params.has(setting.key) && fits ? fromUrl : setting.value;
      const box = Inputs.number([setting.min, setting.max], {label: setting.label, value, step: 1});
      return [setting.key, wholeNumberBox(box, setting.min, setting.max)];
    })
  );
  const fromUrl = params.get("compare") as CompareMode | null;
  const compareInput =
    compare && calendar
      ? Inputs.select(compareModes, {
          label: t("filter.compare"),
          value: fromUrl && compareModes.includes(fromUrl) ? fromUrl : "previous",
          format: (d: CompareMode) => t(`filter.compare.${d}`)
        })
      : null;
  const inputs = calendar ? [period.from, period.to, ...(compareInput ? [compareInput] : [])] : [];
  for (const input of [...inputs, ...Object.values(selects), ...Object.values(settingInputs)]) {
    form.append(input);
  }

  const read = (): FilterState => {
    const filters: Filters = {};
    // The full range is no filter: leaving it out keeps shared links short and stable as data grows.
    if (period.from.value !== months[0]) filters.from = period.from.value;
    if (period.to.value !== months[months.length - 1]) filters.to = period.to.value;
    for (const dimension of dimensions)
      if (selects[dimension].value !== null) filters[dimension] = selects[dimension].value;
    const values = Object.fromEntries(settings.map((d) => [d.key, Number(settingInputs[d.key].value)]));
    return {filters, settings: values, compare: compareInput ? (compareInput.value as CompareMode) : "none"};
  };
  form.value = read();
  form.addEventListener("input", (event) => {
    if (event.target === form) return;
    event.stopPropagation();
    form.value = read();
    const changed = Object.fromEntries(
      settings.filter((d) => form.value.settings[d.key] !== d.value).map((d) => [d.key, form.value.settings[d.key]])
    );
    // The language travels with the filters, so a shared link opens in the language it was made in.
    const language = new URLSearchParams(location.search).get("lang") ?? undefined;
    const compared = form.value.compare === "previous" || !compareInput ? undefined : form.value.compare;
    const query = serializeFilters(form.value.filters, {...changed, compare: compared, lang: language});
    history.replaceState(null, "", `${location.pathname}${query}${location.hash}`);
    form.dispatchEvent(new Event("input", {bubbles: true}));
  });
  return form;
}
