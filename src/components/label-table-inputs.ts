/**
 * Inputs.table draws a radio button (or checkbox) in front of each row without a label; screen readers then announce
 * nothing useful. This names each one after its row, also for rows drawn later while scrolling.
 */

/** Labels the selection inputs of `table` with `name(rowText)`; returns the table. */
export function labelTableInputs<T extends HTMLElement>(table: T, name: (rowText: string) => string): T {
  const label = () => {
    for (const input of table.querySelectorAll<HTMLInputElement>("input[type=radio], input[type=checkbox]")) {
      if (input.hasAttribute("aria-label")) continue;
      const row = input.closest("tr");
      const isHeader = row?.parentElement?.tagName === "THEAD";
      input.setAttribute("aria-label", isHeader ? "Select all rows" : name(row?.textContent?.trim() ?? "row"));
    }
  };
  label();
  new MutationObserver(label).observe(table, {childList: true, subtree: true});
  return table;
}
