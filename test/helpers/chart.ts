/**
 * Renders chart components outside the browser for snapshot tests: jsdom supplies the document, and numbers are
 * rounded so that a last-digit floating point difference does not fail a snapshot.
 */
import {JSDOM} from "jsdom";

/** A document for Plot's `document` option. */
export function chartDocument(): Document {
  return new JSDOM("<!DOCTYPE html><body></body>").window.document;
}

/** The chart's markup with every decimal number rounded to two places. */
export function roundedMarkup(node: Element): string {
  return node.outerHTML.replace(/\d+\.\d{3,}/g, (x) => String(Math.round(Number(x) * 100) / 100));
}

/** The texts of all <text> and <tspan>-free text nodes in the chart, in order, for readable assertions. */
export function chartTexts(node: Element): string[] {
  return [...node.querySelectorAll("text")].map((d) => d.textContent ?? "").filter((d) => d !== "");
}

/** Plot's warning (the ⚠️ it draws into a chart whose data it suspects), or null when it drew none. */
export function plotWarning(node: Element): string | null {
  const title = [...node.querySelectorAll("svg > text > title")].find((d) => /warning/.test(d.textContent ?? ""));
  return title?.textContent ?? null;
}
