/**
 * The filter bar's picker for one dimension: a drop-down of its values, or, where there are too many to scroll
 * through (campaigns as UTM strings, one per few leads), a text field that suggests values as one types. Its value
 * is the picked value, or null for all.
 */
import * as Inputs from "@observablehq/inputs";
import {t} from "../lib/i18n/i18n.js";

/** Above this many values a dimension is searched by typing instead of picked from a list. */
export const searchAbove = 100;

/** A picker whose `value` is one of `values` or null (all); it dispatches "input" as the choice changes. */
export function dimensionInput(
  values: string[],
  {label, value = null}: {label: string; value?: string | null}
): HTMLElement & {value: string | null} {
  if (values.length <= searchAbove) {
    return Inputs.select([null, ...values], {
      label,
      value,
      format: (d: string | null) => (d === null ? t("filter.all") : d)
    });
  }
  const known = new Set(values);
  const form = Inputs.text({label, value: value ?? "", placeholder: t("filter.all"), datalist: values});
  const field = form.querySelector("input")!;
  const text = () => String(field.value).trim();
  // Text that is no value (yet) filters nothing and says so; an empty field is "all".
  const mark = () => field.setAttribute("aria-invalid", String(text() !== "" && !known.has(text())));
  field.addEventListener("input", mark);
  mark();
  const read = (): string | null => (known.has(text()) ? text() : null);
  // Inputs fixes its form's own value (the text as typed): a wrapper that takes no room of its own carries ours.
  const picker = document.createElement("div") as HTMLDivElement & {value: string | null};
  picker.style.display = "contents";
  picker.append(form);
  const write = (v: string | null) => {
    field.value = v ?? "";
    mark();
  };
  Object.defineProperty(picker, "value", {get: read, set: write});
  return picker;
}
