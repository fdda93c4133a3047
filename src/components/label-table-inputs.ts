/**
 * Inputs.table draws a radio button (or checkbox) in front of each row without a label; screen readers then announce
 * nothing useful. This names each one after its row, also for rows drawn later while scrolling. Inputs.table also gives
 * each column heading its data key as a tooltip ("handoffs", in English on a German page): the tooltip becomes the
 * heading's own text.
 */
import {t} from "../lib/i18n/i18n.js";

/** Labels the selection inputs of `table` with `name(rowText)`; returns the table. */
export function labelTableInputs<T extends HTMLElement>(table: T, name: (rowText: string) => string): T {
  const label = () => {
    for (const th of table.querySelectorAll<HTMLElement>("thead th[title]")) th.title = th.textContent?.trim() ?? "";
    for (const input of table.querySelectorAll<HTMLInputElement>("input[type=radio], input[type=checkbox]")) {
      if (input.hasAttribute("aria-label")) continue;
      const row = input.closest("tr");
      const isHeader = row?.parentElement?.tagName === "THEAD";
      input.setAttribute("aria-label", isHeader ? t("common.selectAllRows") : name(row?.textContent?.trim() ?? "row"));
    }
  };
  label();
  new MutationObserver(label).observe(table, {childList: true, subtree: true});
  return table;
}
