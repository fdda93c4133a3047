/**
 * Layout checks run inside a page: text labels of one chart that overlap, tables and charts wider than their card
 * without a scroll container, chart text outside its card or a count cut short, form controls whose label touches
 * them, cards stretched past their content, table cells squeezed tall, cards inside a paragraph and table rows holding
 * something other than cells. Each finding is one readable line.
 */
import type {Page} from "playwright-core";

/** What is wrong with a page's layout, one line per finding (empty when all is well). */
export async function layoutProblems(page: Page): Promise<string[]> {
  // Sent as text: the test runner's transform would add helpers to a function that do not exist in the page.
  return page.evaluate(`(${inPage})()`) as Promise<string[]>;
}

/** The checks, as the page runs them (plain JavaScript). */
const inPage = String.raw`() => {
    const problems = [];
    const where = (element) => element.closest(".card")?.id || element.closest("[id]")?.id || "(page)";
    const visible = (r) => r.width > 0 && r.height > 0;

    // 1. No two text labels of one chart overlap (more than a pixel each way: antialiasing may touch).
    for (const svg of document.querySelectorAll("svg[class^='plot']")) {
      const texts = [...svg.querySelectorAll("text")]
        .filter((t) => (t.textContent ?? "").trim() !== "" && !t.closest("[data-mark='tip']"))
        .filter((t) => getComputedStyle(t).visibility !== "hidden")
        .map((t) => ({text: (t.textContent ?? "").trim(), box: t.getBoundingClientRect()}))
        .filter((d) => visible(d.box));
      for (let i = 0; i < texts.length; ++i) {
        for (let j = i + 1; j < texts.length; ++j) {
          const a = texts[i].box;
          const b = texts[j].box;
          const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (dx > 1 && dy > 1) problems.push(where(svg) + ': "' + texts[i].text + '" overlaps "' + texts[j].text + '"');
        }
      }
    }

    // 2. Nothing wider than its card unless inside a container that scrolls.
    for (const card of document.querySelectorAll(".card")) {
      const edge = card.getBoundingClientRect().right;
      for (const wide of card.querySelectorAll("table, svg[class^='plot'], figure")) {
        if (wide.getBoundingClientRect().right <= edge + 1) continue;
        let scrolls = false;
        for (let e = wide.parentElement; e && e !== card; e = e.parentElement) {
          if (/(auto|scroll)/.test(getComputedStyle(e).overflowX) && e.getBoundingClientRect().right <= edge + 1) {
            scrolls = true;
          }
        }
        if (!scrolls) problems.push(where(card) + ': a ' + wide.tagName.toLowerCase() + ' is wider than its card');
      }
    }

    // 3. No chart text outside its card (tick labels wider than the chart's margin ran off the card's left edge), and
    // no count cut short: a category's "n = 2.666" must never end in Plot's ellipsis.
    for (const svg of document.querySelectorAll(".card svg[class^='plot']")) {
      const card = svg.closest(".card").getBoundingClientRect();
      for (const t of svg.querySelectorAll("text")) {
        const box = t.getBoundingClientRect();
        const text = (t.textContent ?? "").trim();
        if (!visible(box) || text === "" || getComputedStyle(t).visibility === "hidden") continue;
        if (box.left < card.left - 1 || box.right > card.right + 1) {
          problems.push(where(svg) + ': "' + text + '" runs out of its card');
        }
        for (const line of t.querySelectorAll("tspan").length ? t.querySelectorAll("tspan") : [t]) {
          const shown = line.firstChild?.textContent ?? line.textContent ?? "";
          if (/^n…$|n = [^…]*…/.test(shown)) problems.push(where(svg) + ': a count is cut short ("' + shown + '")');
        }
      }
    }

    // 4. No control whose label touches it.
    for (const form of document.querySelectorAll("form")) {
      const label = form.querySelector(":scope > label");
      const control = form.querySelector(":scope > div select, :scope > div input, :scope > select, :scope > input");
      if (!label || !control) continue;
      const l = label.getBoundingClientRect();
      const c = control.getBoundingClientRect();
      if (!visible(l) || !visible(c)) continue;
      const gapX = Math.max(c.left - l.right, l.left - c.right);
      const gapY = Math.max(c.top - l.bottom, l.top - c.bottom);
      if (gapX < 4 && gapY < 2) problems.push(where(form) + ': label "' + label.textContent + '" touches its control');
    }

    // 5. No card stretched far past its content: a grid's rows are of equal height (Framework's 1fr), which suits a
    // pair side by side but left a table alone in its row as tall as the chart above it.
    for (const grid of document.querySelectorAll(".grid")) {
      const width = grid.getBoundingClientRect().width;
      for (const card of grid.querySelectorAll(":scope > .card")) {
        const box = card.getBoundingClientRect();
        if (!visible(box) || box.width < width - 2) continue;
        const bottom = Math.max(...[...card.children].map((c) => c.getBoundingClientRect().bottom), box.top);
        const empty = box.bottom - parseFloat(getComputedStyle(card).paddingBottom) - bottom;
        if (empty > 24) problems.push(where(card) + ": " + Math.round(empty) + " px empty below the card's content");
      }
    }

    // 6. No table cell squeezed to a word a line: the timing page's reasons stood 500 px tall in a 72 px column.
    for (const cell of document.querySelectorAll(".card td")) {
      const height = cell.getBoundingClientRect().height;
      if (height > 300) problems.push(where(cell) + ": a table cell " + Math.round(height) + " px tall");
    }

    // 7. No card inside a paragraph: a \${…} alone on a line of markdown becomes a <p>, whose 640 px cap squeezed the
    // cards a page wrote there (the scorecard's charts cut their counts short; the simulator's warning box).
    for (const card of document.querySelectorAll("p .card")) problems.push(where(card) + ": a card inside a paragraph");

    // 8. Nothing but cells in a table row: two cells from one htl template arrive wrapped in a <span>, and the
    // browser then drew both in one column (the overview's days to handoff and to close).
    for (const stray of document.querySelectorAll("tr > :not(td, th)")) {
      problems.push(where(stray) + ": a <" + stray.tagName.toLowerCase() + "> among a table row's cells");
    }
    return problems;
}`;
