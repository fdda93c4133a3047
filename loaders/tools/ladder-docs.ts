/**
 * The ladder tables of docs/ladder.md, generated from the ladder definitions (src/lib/core/ladder.ts and the example
 * files in data/ladders/) so that the documentation can never disagree with the classifier. `npm run docs` rewrites
 * the tables between their markers; a test fails when the file is out of date.
 */
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {handoffLadder, validateLadder, type HandoffLadder} from "../../src/lib/core/ladder.js";

/** A ladder as a Markdown table: level, English and German name, the evidence it adds, the survey's share. */
export function ladderTable(ladder: HandoffLadder): string {
  const rows = ladder.levels.map((d) => {
    const requires = d.requires.length ? d.requires.map((type) => `\`${type}\``).join(", ") : "nothing";
    const share = d.surveyShare === undefined ? "–" : `${Math.round(d.surveyShare * 100)}%`;
    return [String(d.level), d.name.en, d.name.de, requires, share];
  });
  const header = ["level", "name", "German name", "requires (on top of the levels below)", "survey share"];
  return markdownTable([header, ...rows]);
}

/** Rows of cells as a Markdown table with padded columns (as Prettier writes it). */
function markdownTable(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(3, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(" | ")} |`;
  return [line(rows[0]), line(widths.map((w) => "-".repeat(w))), ...rows.slice(1).map(line)].join("\n");
}

/** The ladders the docs show: the default and every example file, by id. */
export function documentedLadders(directory = "data/ladders"): HandoffLadder[] {
  const examples = readdirSync(directory)
    .filter((d) => d.endsWith(".json"))
    .sort()
    .map((d) => validateLadder(JSON.parse(readFileSync(join(directory, d), "utf8")), join(directory, d)));
  return [handoffLadder, ...examples];
}

/** The document with each `<!-- ladder-table: id -->` … `<!-- /ladder-table -->` block regenerated. */
export function withLadderTables(markdown: string, ladders: HandoffLadder[]): string {
  return markdown.replace(/<!-- ladder-table: ([\w-]+) -->\n[\s\S]*?<!-- \/ladder-table -->/g, (_, id: string) => {
    const ladder = ladders.find((d) => d.id === id);
    if (!ladder) throw new Error(`docs: no ladder with id "${id}" (known: ${ladders.map((d) => d.id).join(", ")})`);
    return `<!-- ladder-table: ${id} -->\n\n${ladderTable(ladder)}\n\n<!-- /ladder-table -->`;
  });
}
