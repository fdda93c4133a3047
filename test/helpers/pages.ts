/** Every page of the site, with a selector that shows once its last part has rendered on the sample build. */
export const sitePages = [
  {path: "/", ready: "#chart-winrate svg"},
  {path: "/simulator", ready: "#chart-net-value svg"},
  {path: "/timing", ready: "#chart-level-mix svg"},
  {path: "/campaigns", ready: "#group-table table"},
  {path: "/conversion", ready: "#chart-funnel svg"},
  {path: "/scorecard", ready: "#chart-calibration svg"},
  {path: "/lead-check", ready: "#verdict"},
  {path: "/quality", ready: "#model-files table"}
];

/** A page's name for screenshots: "overview" for the root. */
export function pageName(path: string): string {
  return path === "/" ? "overview" : path.slice(1);
}
