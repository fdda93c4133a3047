/**
 * Plot.plot for every chart of the dashboard, plus one accessibility repair: Plot labels its mark groups with
 * aria-label, which ARIA permits only on elements with a role, so each labelled group is given the role "group".
 */
import * as Plot from "@observablehq/plot";

/** A Plot figure, made with `options`, with roles on its labelled groups. */
export function plot(options: Plot.PlotOptions): ReturnType<typeof Plot.plot> {
  const figure = Plot.plot(options);
  for (const group of figure.querySelectorAll("g[aria-label]")) group.setAttribute("role", "group");
  return figure;
}
