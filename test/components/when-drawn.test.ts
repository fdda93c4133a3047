// @vitest-environment jsdom
import {afterEach, beforeEach, describe, expect, it, vi} from "vitest";
import {afterNextFrame, whenDrawn} from "../../src/components/when-drawn.js";

beforeEach(() => {
  vi.useFakeTimers({toFake: ["requestAnimationFrame", "setTimeout", "performance"]});
});
afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

/** Whether `promise` has settled once the timers have run for `ms`. */
async function settledAfter(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await vi.advanceTimersByTimeAsync(ms);
  return settled;
}

describe("afterNextFrame", () => {
  it("resolves after a frame, not before", async () => {
    const frame = afterNextFrame();
    expect(await settledAfter(frame, 0)).toBe(false);
    expect(await settledAfter(frame, 20)).toBe(true);
  });
});

describe("whenDrawn", () => {
  it("waits for a chart in the element, then resolves", async () => {
    const card = document.body.appendChild(document.createElement("div"));
    const drawn = whenDrawn(card);
    expect(await settledAfter(drawn, 100)).toBe(false);
    card.appendChild(document.createElementNS("http://www.w3.org/2000/svg", "svg"));
    expect(await settledAfter(drawn, 40)).toBe(true);
  });

  it("waits for an element a later cell adds, found by its selector", async () => {
    const drawn = whenDrawn("#chart-scores", {timeoutMs: 5000});
    expect(await settledAfter(drawn, 100)).toBe(false);
    const card = document.body.appendChild(document.createElement("div"));
    card.id = "chart-scores";
    expect(await settledAfter(drawn, 100)).toBe(false); // there, but without its chart yet
    card.appendChild(document.createElementNS("http://www.w3.org/2000/svg", "svg"));
    expect(await settledAfter(drawn, 40)).toBe(true);
  });

  it("holds nothing up without a target, nor longer than its time when no chart comes", async () => {
    expect(await settledAfter(whenDrawn(null), 40)).toBe(true);
    const never = whenDrawn("#nowhere", {timeoutMs: 300});
    expect(await settledAfter(never, 250)).toBe(false);
    expect(await settledAfter(never, 100)).toBe(true);
  });
});
