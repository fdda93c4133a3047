// @vitest-environment jsdom
import {afterEach, describe, expect, it} from "vitest";
import {outcomeColors, outcomeLabel} from "../../src/components/outcomes.js";
import {handoffOutcomes} from "../../src/lib/core/model.js";

afterEach(() => history.replaceState(null, "", "/"));

describe("outcomes", () => {
  it("gives every outcome of the model a colour of its own, the same in every chart", () => {
    expect(Object.keys(outcomeColors).sort()).toEqual([...handoffOutcomes].sort());
    expect(new Set(Object.values(outcomeColors)).size).toBe(handoffOutcomes.length);
    for (const color of Object.values(outcomeColors)) expect(color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("names an outcome in the language in force", () => {
    expect(outcomeLabel("won")).toBe("Won");
    history.replaceState(null, "", "/?lang=de");
    expect(outcomeLabel("won")).toBe("Gewonnen");
    expect(outcomeLabel("recycled")).toBe("An Marketing zurück");
  });
});
