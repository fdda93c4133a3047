// @vitest-environment jsdom
import {afterEach, describe, expect, it} from "vitest";
import {languageSwitch} from "../../src/components/language-switch.js";

/** Framework's static page chrome as it builds it: sidebar links, pager and footer, in English. */
function chrome(): void {
  document.body.innerHTML = `<nav id="observablehq-sidebar"><ol><li><a href="/">Leadstage</a></li></ol>
    <ol><li><a href="/index">Overview</a></li><li><a href="/simulator">Policy simulator</a></li>
    <li><a href="/timing">Handoff timing</a></li><li><a href="/elsewhere">Not a page of ours</a></li></ol></nav>
    <footer id="observablehq-footer"><nav><a href="/timing"><span>Handoff timing</span></a></nav>
    <div>Leadstage · when should marketing hand a lead to sales?</div></footer>`;
}

afterEach(() => {
  history.replaceState(null, "", "/");
  localStorage.clear();
  document.body.innerHTML = "";
  document.title = "";
});

describe("languageSwitch", () => {
  it("names the pages, the footer and the title in the language of the address", () => {
    chrome();
    history.replaceState(null, "", "/timing?lang=de");
    const input = languageSwitch();
    expect(document.documentElement.lang).toBe("de");
    const links = [...document.querySelectorAll("#observablehq-sidebar ol + ol a")].map((d) => d.textContent);
    expect(links).toEqual(["Überblick", "Übergabe-Simulator", "Übergabe-Timing", "Not a page of ours"]);
    expect(document.querySelector("#observablehq-sidebar ol a")!.textContent).toBe("Leadstage");
    expect(document.querySelector("#observablehq-footer nav span")!.textContent).toBe("Übergabe-Timing");
    expect(document.querySelector("#observablehq-footer > div")!.textContent).not.toContain("when should marketing");
    expect(document.title).toBe("Übergabe-Timing | Leadstage");
    expect(input.querySelector("select")!.selectedOptions[0].textContent).toBe("Deutsch");
  });

  it("opens in the language last chosen in this browser when the address names none", () => {
    chrome();
    localStorage.setItem("leadstage-language", "de");
    history.replaceState(null, "", "/simulator");
    languageSwitch();
    expect(document.documentElement.lang).toBe("de");
    expect(document.title).toBe("Übergabe-Simulator | Leadstage");
  });

  it("remembers a new choice for the next pages, and choosing the language in force changes nothing", () => {
    history.replaceState(null, "", "/?lang=en");
    const input = languageSwitch();
    const select = input.querySelector("select")!;
    select.selectedIndex = 0;
    select.dispatchEvent(new Event("input", {bubbles: true}));
    expect(localStorage.getItem("leadstage-language")).toBeNull();
    select.selectedIndex = 1;
    // jsdom does not navigate: it reports the attempt to its virtual console as not implemented, which is heard here
    // instead of printed, and which says the page was asked to load again.
    const jsdomConsole = (window as unknown as {_virtualConsole: NodeJS.EventEmitter})._virtualConsole;
    const printers = jsdomConsole.listeners("jsdomError");
    jsdomConsole.removeAllListeners("jsdomError");
    const navigations: string[] = [];
    jsdomConsole.on("jsdomError", (error: Error) => navigations.push(error.message));
    select.dispatchEvent(new Event("input", {bubbles: true}));
    select.dispatchEvent(new Event("input", {bubbles: true}));
    jsdomConsole.removeAllListeners("jsdomError");
    for (const printer of printers) jsdomConsole.on("jsdomError", printer as (error: Error) => void);
    expect(localStorage.getItem("leadstage-language")).toBe("de");
    // Once: a second event during the navigation would abort the first request.
    expect(navigations).toEqual(["Not implemented: navigation to another Document"]);
  });
});
