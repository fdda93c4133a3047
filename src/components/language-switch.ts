/**
 * The language switch: English or German. Choosing one remembers it, puts it in the address (so a shared link keeps
 * the language) and reloads the page in it; on load it also sets the page's lang attribute and names the sidebar's
 * pages in the language in force.
 */
import * as Inputs from "@observablehq/inputs";
import {currentLanguage, rememberLanguage, t, type Language} from "../lib/i18n/i18n.js";
import type {MessageKey} from "../lib/i18n/en.js";

const pages: string[] = [
  "nav./",
  "nav./simulator",
  "nav./timing",
  "nav./campaigns",
  "nav./conversion",
  "nav./scorecard",
  "nav./lead-check",
  "nav./quality"
];

/** The switch element, for the top of a page. */
export function languageSwitch(): HTMLElement {
  const language = currentLanguage();
  document.documentElement.lang = language;
  // Framework's page chrome is static English: the sidebar, the pager and the footer are named here instead.
  const pageLinks = document.querySelectorAll<HTMLAnchorElement>(
    "#observablehq-sidebar ol + ol li a, #observablehq-footer nav a span"
  );
  for (const element of pageLinks) {
    const link = (element.closest("a") ?? element) as HTMLAnchorElement;
    const path = new URL(link.href).pathname.replace(/\/index$/, "/");
    const key = `nav.${path.slice(path.lastIndexOf("/"))}` as MessageKey;
    if (pages.includes(key)) element.textContent = t(key);
  }
  const footer = document.querySelector("#observablehq-footer > div");
  if (footer) footer.textContent = t("footer");
  const here = `nav.${location.pathname.slice(location.pathname.lastIndexOf("/")).replace(/^\/index$/, "/")}`;
  if (pages.includes(here)) document.title = `${t(here as MessageKey)} | Leadstage`;
  const input = Inputs.select(["en", "de"] as Language[], {
    label: t("language.label"),
    value: language,
    format: (d: Language) => t(`language.${d}` as MessageKey)
  });
  input.classList.add("language-switch");
  let leaving = false;
  input.addEventListener("input", () => {
    // Once: a second event during the navigation would abort the first request.
    if (leaving || input.value === language) return;
    leaving = true;
    rememberLanguage(input.value);
    const url = new URL(location.href);
    url.searchParams.set("lang", input.value);
    location.assign(url);
  });
  return input;
}
