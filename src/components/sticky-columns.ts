/**
 * A table wider than its card scrolls sideways inside it; its first columns (a row's selection button, rank and
 * name) stay in place, so a reader who scrolls to the money columns still sees whose row it is. Inputs.table sizes
 * its columns by their content and draws rows while the table is scrolled, so each sticky column's offset is
 * measured from the header row and kept in a CSS variable (`--sticky-left-<i>`) that rows drawn later share; the
 * rules that use them are in style.css (`.sticky-1` … `.sticky-3`).
 */

/** The most columns that can stay in place: style.css has rules for three. */
export const MAX_STICKY_COLUMNS = 3;

/** Keeps the first `count` columns of the table in `container` in place when it scrolls sideways; returns it. */
export function stickyColumns<T extends HTMLElement>(container: T, count: number): T {
  const columns = Math.max(0, Math.min(MAX_STICKY_COLUMNS, Math.floor(count)));
  if (columns === 0) return container;
  container.classList.add(`sticky-${columns}`);
  const measure = () => {
    const header = container.querySelector("thead tr");
    if (!header) return;
    const offsets = stickyOffsets(
      [...header.children].map((d) => d.getBoundingClientRect().width),
      columns
    );
    offsets.forEach((left, i) => container.style.setProperty(`--sticky-left-${i + 1}`, `${left}px`));
  };
  measure();
  // The widths are known only once the table is on the page, and change with the window and with the rows drawn.
  if (typeof ResizeObserver !== "undefined") {
    const observer = new ResizeObserver(measure);
    for (const cell of container.querySelectorAll("thead th")) observer.observe(cell);
  }
  return container;
}

/** Where each of the first `count` columns starts: the widths of the columns before it, summed. */
export function stickyOffsets(widths: readonly number[], count: number): number[] {
  const offsets: number[] = [];
  let left = 0;
  for (let i = 0; i < Math.min(count, widths.length); i++) {
    offsets.push(left);
    left += widths[i];
  }
  return offsets;
}
