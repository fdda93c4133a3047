/**
 * The ladder editor: start from a preset, choose how many levels, and say at which level each piece of evidence is
 * required (or drop it), in a grid of evidence × level that shows the whole ladder at a glance. Its value is the
 * edited ladder, or an error saying why the edit is not a ladder yet.
 */
import * as Inputs from "@observablehq/inputs";
import {assignmentOf, ladderFromAssignment, type Assignment} from "../lib/simulator/ladder-edit.js";
import {evidenceTypes, type EvidenceType, type HandoffLadder} from "../lib/core/ladder.js";
import {localized, t} from "../lib/i18n/i18n.js";
import type {MessageKey} from "../lib/i18n/en.js";

/** What the editor's value holds. */
export interface LadderEdit {
  ladder: HandoffLadder | null;
  error: string | null;
}

/** The editor element; its value changes (with an "input" event) on every edit. */
export function ladderEditor(presets: HandoffLadder[]): HTMLElement & {value: LadderEdit} {
  const root = document.createElement("div") as unknown as HTMLElement & {value: LadderEdit};
  root.className = "ladder-editor";
  let base = presets[0];
  let count = base.levels.length;
  let assignment: Assignment = assignmentOf(base);

  const preset = Inputs.select(presets, {
    label: t("editor.start"),
    format: (d: HandoffLadder) => localized(d.name),
    value: base
  });
  const levels = Inputs.select([2, 3, 4, 5, 6, 7], {label: t("editor.levels"), value: count});
  const grid = document.createElement("div");
  grid.className = "scroll";
  const message = document.createElement("p");
  message.className = "ladder-message";
  message.setAttribute("role", "status");

  const show = () => {
    root.value = editOf(assignment, count, base);
    message.textContent = root.value.ladder
      ? ladderSummary(root.value.ladder)
      : t("editor.invalid", {error: root.value.error ?? ""});
    message.classList.toggle("error", root.value.ladder === null);
  };
  const renderGrid = () => grid.replaceChildren(assignmentGrid(assignment, count, pick));
  const changed = () => {
    renderGrid();
    show();
    root.dispatchEvent(new Event("input", {bubbles: true}));
  };
  function pick(type: EvidenceType, level: number | null) {
    assignment = {...assignment, [type]: level};
    show();
    root.dispatchEvent(new Event("input", {bubbles: true}));
  }
  preset.addEventListener("input", (event) => {
    event.stopPropagation();
    base = preset.value;
    count = base.levels.length;
    assignment = assignmentOf(base);
    levels.value = count;
    changed();
  });
  levels.addEventListener("input", (event) => {
    event.stopPropagation();
    count = levels.value;
    // Evidence required above the new top level moves down to it rather than silently disappearing.
    assignment = Object.fromEntries(
      Object.entries(assignment).map(([type, level]) => [type, level === null ? null : Math.min(level, count)])
    ) as Assignment;
    changed();
  });
  root.append(preset, levels, grid, message);
  renderGrid();
  show();
  return root;
}

/** The edit as a ladder, or the reason it is not one yet. */
function editOf(assignment: Assignment, count: number, base: HandoffLadder): LadderEdit {
  try {
    return {ladder: ladderFromAssignment(assignment, count, base), error: null};
  } catch (error) {
    return {ladder: null, error: (error as Error).message.replace(/^edited ladder: /, "")};
  }
}

const evidenceLabel = (type: EvidenceType) => t(`evidence.${type}` as MessageKey);

/** The ladder in one line: each level with the evidence it adds. */
function ladderSummary(ladder: HandoffLadder): string {
  return ladder.levels
    .map(
      (d) => `${d.level} ${localized(d.name)}: ${d.requires.map(evidenceLabel).join(", ") || t("editor.anyContact")}`
    )
    .join(" · ");
}

/**
 * One row per piece of evidence, one column per level it can be required at (and "not required"): the whole ladder
 * in one glance, each row a radio group that a keyboard walks with the arrow keys.
 */
function assignmentGrid(
  assignment: Assignment,
  count: number,
  pick: (type: EvidenceType, level: number | null) => void
): HTMLTableElement {
  const columns: (number | null)[] = [null, ...Array.from({length: count - 1}, (_, i) => i + 2)];
  const levelName = (level: number | null) =>
    level === null ? t("editor.notRequired") : t("editor.level", {n: level});
  const table = document.createElement("table");
  table.className = "ladder-grid";
  const head = table.createTHead().insertRow();
  const corner = document.createElement("th");
  corner.textContent = t("editor.evidenceByLevel");
  head.append(corner);
  for (const level of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    // Short headers keep the grid narrow: "none", "2", "3", …; each radio's name says it in full.
    th.textContent = level === null ? t("editor.none") : String(level);
    th.title = levelName(level);
    head.append(th);
  }
  const body = table.createTBody();
  for (const type of evidenceTypes) {
    const row = body.insertRow();
    const name = document.createElement("th");
    name.scope = "row";
    name.textContent = evidenceLabel(type);
    row.append(name);
    for (const level of columns) {
      const radio = document.createElement("input");
      radio.type = "radio";
      radio.name = `ladder-${type}`;
      radio.checked = assignment[type] === level;
      radio.setAttribute("aria-label", `${evidenceLabel(type)}: ${levelName(level)}`);
      radio.addEventListener("input", (event) => {
        event.stopPropagation();
        pick(type, level);
      });
      row.insertCell().append(radio);
    }
  }
  return table;
}
