/**
 * Hides data labels that collide. Plot does not avoid collisions between text marks (a value above one bar runs into
 * the value above the next when the chart is narrow), and sizes of text are only known once the chart is on the
 * page. So when a chart is shown, every label of its text marks that overlaps an axis label, the chart's edge or a
 * label kept before it is hidden; the value stays in the chart's tips and in the tables beside it. The chart is
 * marked data-decluttered once done, which tests wait for.
 */

/** Runs `declutter` on `figure` as soon as it is in the document (checked each frame, for at most two seconds). */
export function declutterWhenShown(figure: Element, framesLeft = 120): void {
  if (typeof requestAnimationFrame === "undefined") return;
  requestAnimationFrame(() => {
    if (figure.isConnected) declutter(figure);
    else if (framesLeft > 0) declutterWhenShown(figure, framesLeft - 1);
  });
}

/** Hides overlapping data labels in every Plot SVG within `figure` (itself one, or a figure holding one). */
export function declutter(figure: Element): void {
  const svgs = figure.matches("svg") ? [figure] : [...figure.querySelectorAll("svg")];
  for (const svg of svgs) {
    const edge = svg.getBoundingClientRect();
    const fixed = [...svg.querySelectorAll("g[data-mark*='axis'] text")].map((t) => t.getBoundingClientRect());
    const kept: DOMRect[] = [];
    for (const text of svg.querySelectorAll<SVGTextElement>("g[data-mark='text'] text")) {
      const box = text.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const outside = box.left < edge.left - 1 || box.right > edge.right + 1;
      if (outside || [...fixed, ...kept].some((other) => overlaps(box, other))) {
        text.setAttribute("visibility", "hidden");
      } else {
        kept.push(box);
      }
    }
    svg.setAttribute("data-decluttered", "");
  }
  if (!figure.matches("svg")) figure.setAttribute("data-decluttered", "");
}

function overlaps(a: DOMRect, b: DOMRect): boolean {
  const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return dx > 1 && dy > 1;
}
