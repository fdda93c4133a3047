/**
 * Plot.plot for every chart of the dashboard, plus two repairs: Plot labels its mark groups with aria-label, which
 * ARIA permits only on elements with a role, so each labelled group is given the role "group"; and a width too small
 * for the margins is raised to a minimum.
 */
import * as Plot from "@observablehq/plot";

/** A Plot figure, made with `options`, with roles on its labelled groups. */
export function plot(options: Plot.PlotOptions): ReturnType<typeof Plot.plot> {
  // resize() can report a width of 0 before the page is laid out; a chart narrower than its margins would draw
  // negative widths (and log errors), so it gets a floor.
  const figure = Plot.plot({...options, width: Math.max(options.width ?? 640, 280)});
  for (const group of figure.querySelectorAll("g[aria-label]")) group.setAttribute("role", "group");
  return figure;
}
