/**
 * Runs after `observable build` (npm run build, loaders/cli/build.ts): makes the output reproducible and fixes what an accessibility scan
 * finds in Framework's page template, by exact, checked replacements in the HTML files.
 *
 * - Framework records each data file's modification time ("lastModified"), i.e. when the loader ran, so no two
 *   builds would be byte-identical: it is pinned to 0 (no page reads it).
 * - <html> gets lang="en"; the sidebar toggle gets an accessible name; the sidebar's close label, which Framework
 *   places inside a list, is moved before it (a list may hold only list items).
 * - Every page gets a Content-Security-Policy (see contentSecurityPolicy) as the first element of its <head>.
 */
import {readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {withContentSecurityPolicy} from "./content-security-policy.js";

const closeLabel = '<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>';
const replacements: [RegExp | string, string, boolean][] = [
  // [pattern, replacement, required in every page]
  [/"lastModified":\d+/g, '"lastModified":0', false],
  ["<html>", '<html lang="en">', true],
  [
    '<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">',
    '<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar" aria-label="Toggle sidebar">',
    true
  ],
  [`<ol>\n    ${closeLabel}`, `${closeLabel.replace("></label>", ' aria-hidden="true"></label>')}\n  <ol>`, true]
];

/**
 * Finishes every page of the site Framework built in `output`; returns how many. Throws, naming the file, when an
 * expected piece of Framework's template is missing (the template changed: the replacements need a look).
 */
export function finishBuild(output: string): number {
  let pages = 0;
  for (const file of htmlFiles(output)) {
    let html = readFileSync(file, "utf8");
    for (const [pattern, replacement, required] of replacements) {
      const before = html;
      html = html.replace(pattern, replacement);
      if (required && html === before) {
        throw new Error(`${file}: "${String(pattern).slice(0, 60)}" not found: has Framework's template changed?`);
      }
    }
    try {
      html = withContentSecurityPolicy(html, file);
    } catch (error) {
      throw new Error(`${(error as Error).message}: has Framework's template changed?`);
    }
    writeFileSync(file, html);
    ++pages;
  }
  return pages;
}

function htmlFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return name.startsWith("_") ? [] : htmlFiles(path);
    return name.endsWith(".html") ? [path] : [];
  });
}
