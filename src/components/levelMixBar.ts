/**
 * A level mix as a small inline bar for table cells: one segment per level, darker for higher levels.
 */

const colors = ["#dbe4f3", "#b4c7e7", "#7fa0d6", "#4269d0", "#1f3f8f", "#0f2254"];

/** An inline SVG bar of `counts` (handoffs per level), with a title giving the numbers. */
export function levelMixBar(
  counts: number[],
  {width = 120, height = 12}: {width?: number; height?: number} = {}
): SVGSVGElement {
  const total = counts.reduce((s, d) => s + d, 0);
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  svg.setAttribute("role", "img");
  const description = counts.map((d, i) => `level ${i + 1}: ${d}`).join(", ");
  svg.setAttribute("aria-label", `Level mix: ${description}`);
  const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
  title.textContent = description;
  svg.append(title);
  let x = 0;
  counts.forEach((count, i) => {
    if (total === 0 || count === 0) return;
    const w = (count / total) * width;
    const rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    rect.setAttribute("x", x.toFixed(2));
    rect.setAttribute("width", w.toFixed(2));
    rect.setAttribute("height", String(height));
    rect.setAttribute("fill", colors[Math.min(i, colors.length - 1)]);
    svg.append(rect);
    x += w;
  });
  return svg;
}
