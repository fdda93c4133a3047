/**
 * The width of a chart drawn at a fixed width (one that a click picks from, so it is not redrawn on resize) in a card
 * of a chart pair (`<div class="grid grid-cols-2 charts">`): half the page where the pair shares a row, the whole
 * page where it stacks. The break is style.css's, 1,100 px of page.
 */

/** Page width (Framework's `width`) from which a chart pair shares a row; style.css stacks it below. */
export const pairedChartsFrom = 1100;

/** The chart's width in one card of the pair, for a page `width` wide (the grid's gap and the card's padding off). */
export function pairedChartWidth(width: number): number {
  const card = width < pairedChartsFrom ? width : (width - 16) / 2;
  return Math.max(320, Math.floor(card - 40));
}
