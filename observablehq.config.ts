// See https://observablehq.com/framework/config for the options.
export default {
  title: "Leadstage",
  root: "src",
  // The test suite builds the site from fixtures into its own folder; everyone else gets dist/.
  output: process.env.LEADSTAGE_OUTPUT ?? "dist",
  theme: ["air", "near-midnight", "alt"],
  // The default stylesheet loads a web font from Google's servers when a page opens: an external request (and a
  // GDPR problem for our German users). The system font stack serves just as well.
  globalStylesheets: [],
  // The default footer stamps the build date into every page, so no two builds would be byte-identical.
  footer: "Leadstage · when should marketing hand a lead to sales?",
  // The dashboard's default language (en or de), from LEADSTAGE_LANGUAGE; readers switch on any page that offers it.
  // An empty icon: otherwise the browser asks the server for /favicon.ico and logs a 404 on every page. The styles
  // hold the layout every page shares, lift the theme's muted sidebar links and card subtitles to a readable contrast,
  // and underline links in text.
  head: `<link rel="icon" href="data:,">
<meta name="leadstage-language" content="${process.env.LEADSTAGE_LANGUAGE === "de" ? "de" : "en"}">
<style>
/* Layout shared by every page. */
.subtitle { max-width: 960px; }
.title-row { display: flex; justify-content: space-between; align-items: flex-start; gap: 1rem; flex-wrap: wrap; }
.language-switch { width: auto; }
.filter-bar { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; margin-bottom: 1rem; }
.filter-bar form { width: auto; --label-width: auto; --input-width: 9rem; }
.scroll { overflow-x: auto; }
.small-n { font-size: 0.7rem; padding: 0 0.3rem; border: 1px solid var(--theme-foreground-faint); border-radius: 3px; white-space: nowrap; }
.unavailable { font-style: italic; }
#observablehq-sidebar .observablehq-link a { color: var(--theme-foreground); }
#observablehq-main p a, #observablehq-main li a { text-decoration: underline; }
html[lang="de"] #observablehq-footer nav a[rel="prev"]::before { content: "Vorherige Seite"; }
html[lang="de"] #observablehq-footer nav a[rel="next"]::before { content: "Nächste Seite"; }
.card h3, .subtitle, .subtitle em, .check, #observablehq-footer { color: color-mix(in srgb, var(--theme-foreground) 78%, var(--theme-background)); }
</style>`,
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
