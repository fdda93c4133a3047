/**
 * A level mix as a small inline bar for table cells: one segment per level, darker for higher levels. Plain HTML
 * boxes rather than SVG, so that it scrolls and clips with the table it sits in.
 */
import {formatCount} from "../lib/i18n/format.js";
import {t} from "../lib/i18n/i18n.js";
import {levelPalette} from "./level-colors.js";

/** An inline bar of `counts` (handoffs per level), described for screen readers and in its tooltip. */
export function levelMixBar(
  counts: number[],
  {width = 120, height = 12}: {width?: number; height?: number} = {}
): HTMLElement {
  const total = counts.reduce((s, d) => s + d, 0);
  const bar = document.createElement("span");
  bar.className = "level-mix-bar";
  bar.style.cssText = `display:inline-flex;width:${width}px;height:${height}px;vertical-align:middle;overflow:hidden;background:var(--theme-foreground-faintest)`;
  const description = counts.map((d, i) => t("chart.levelCount", {level: i + 1, n: formatCount(d)})).join(", ");
  bar.setAttribute("role", "img");
  bar.setAttribute("aria-label", t("chart.levelMix", {levels: description}));
  bar.title = description;
  counts.forEach((count, i) => {
    if (total === 0 || count === 0) return;
    const segment = document.createElement("span");
    segment.style.cssText = `width:${((count / total) * 100).toFixed(2)}%;background:${levelPalette[Math.min(i, levelPalette.length - 1)]}`;
    bar.append(segment);
  });
  return bar;
}
