// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {ladderEditor} from "../../src/components/ladder-editor.js";
import {handoffLadder} from "../../src/lib/core/ladder.js";

/** The radio for `type` at `level` ("none" for not required). */
function radio(editor: HTMLElement, type: string, column: number): HTMLInputElement {
  return [...editor.querySelectorAll<HTMLInputElement>(`input[name="ladder-${type}"]`)][column];
}

describe("ladderEditor", () => {
  it("starts from the first preset: a grid of evidence × level with the preset's assignment checked", () => {
    const editor = ladderEditor([handoffLadder]);
    expect(editor.value).toEqual({ladder: expect.objectContaining({levels: expect.any(Array)}), error: null});
    expect(editor.value.ladder!.levels.map((d) => d.requires)).toEqual(handoffLadder.levels.map((d) => d.requires));
    expect(editor.querySelectorAll("table.ladder-grid tbody tr")).toHaveLength(9);
    // Columns: none, 2, 3, 4, 5; icp_fit is required at level 2.
    expect(radio(editor, "icp_fit", 1).checked).toBe(true);
    expect(editor.querySelector(".ladder-message")?.textContent).toContain("1 Any contact");
  });

  it("moves a piece of evidence to another level on a click, and tells the page with an input event", () => {
    const editor = ladderEditor([handoffLadder]);
    let events = 0;
    editor.addEventListener("input", () => ++events);
    const pick = radio(editor, "budget_confirmed", 3);
    pick.checked = true;
    pick.dispatchEvent(new Event("input", {bubbles: true}));
    expect(events).toBe(1);
    expect(editor.value.ladder!.levels[3].requires).toContain("budget_confirmed");
    expect(editor.value.ladder!.levels[4].requires).not.toContain("budget_confirmed");
  });

  it("says why an edit is not a ladder yet, and offers no ladder meanwhile", () => {
    const editor = ladderEditor([handoffLadder]);
    // Level 3 requires only need_identified: take it away and level 3 requires nothing.
    const none = radio(editor, "need_identified", 0);
    none.checked = true;
    none.dispatchEvent(new Event("input", {bubbles: true}));
    expect(editor.value.ladder).toBeNull();
    expect(editor.value.error).toMatch(/level|requires/i);
    expect(editor.querySelector(".ladder-message")?.classList.contains("error")).toBe(true);
  });
});
