/** Every page of the site, as the config lists them, with a selector that shows once its last part has rendered. */
import config from "../../observablehq.config.js";

const ready: Record<string, string> = {
  "/": "#chart-winrate svg",
  "/simulator": "#chart-net-value svg",
  "/timing": "#chart-level-mix svg",
  "/campaigns": "#group-table table",
  "/conversion": "#chart-funnel svg",
  "/scorecard": "#chart-calibration svg",
  "/lead-check": "#verdict",
  "/quality": "#model-files table"
};

/** The site's pages in the sidebar's order; a page without a ready selector here fails the tests that open it. */
export const sitePages = config.pages.map(({path}) => ({
  path,
  ready: ready[path] ?? `(no ready selector for ${path})`
}));

/** A page's name for screenshots: "overview" for the root. */
export function pageName(path: string): string {
  return path === "/" ? "overview" : path.slice(1);
}
