// See https://observablehq.com/framework/config for the options.
export default {
  title: "Leadstage",
  root: "src",
  // The test suite builds the site from fixtures into its own folder; everyone else gets dist/.
  output: process.env.LEADSTAGE_OUTPUT ?? "dist",
  // The default stylesheet loads a web font from Google's servers when a page opens: an external request (and a
  // GDPR problem for our German users). The system font stack serves just as well.
  globalStylesheets: [],
  // The default footer stamps the build date into every page, so no two builds would be byte-identical.
  footer: "Leadstage · when should marketing hand a lead to sales?",
  // The dashboard's default language (en or de), from LEADSTAGE_LANGUAGE; readers switch on any page that offers it.
  // The site's stylesheet: the dashboard themes, Observable Inputs' styles and the project's layout and print rules.
  style: "style.css",
  // An empty icon: otherwise the browser asks the server for /favicon.ico and logs a 404 on every page. The meta
  // carries the dashboard's default language (en or de), from LEADSTAGE_LANGUAGE; readers switch on any page.
  head: `<link rel="icon" href="data:,">
<meta name="leadstage-language" content="${process.env.LEADSTAGE_LANGUAGE === "de" ? "de" : "en"}">`,
  pages: [
    {name: "Overview", path: "/"},
    {name: "Policy simulator", path: "/simulator"},
    {name: "Handoff timing", path: "/timing"},
    {name: "Campaign quality", path: "/campaigns"},
    {name: "Stage-to-close conversion", path: "/conversion"},
    {name: "Scorecard analysis", path: "/scorecard"},
    {name: "Lead check", path: "/lead-check"},
    {name: "Data quality", path: "/quality"}
  ],
  search: false,
  linkify: false
};
