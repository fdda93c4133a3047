/**
 * Waiting for what is on screen. A page that decodes a million handoffs holds its one thread for seconds at a time;
 * work that can wait (the simulation's data, sent to its worker) starts once the first charts are drawn, so that a
 * reader sees them first.
 */

/** Resolves in a task after the next frame: what the page put on screen before has been drawn by then. */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Resolves after the frame that draws a chart (an svg) in `target`: an element, or a selector for one that a later
 * cell adds to the page. No target, or none with a chart within `timeoutMs` (a page that shows no chart there), does
 * not hold anything up for longer.
 */
export function whenDrawn(target: Element | string | null, {timeoutMs = 500} = {}): Promise<void> {
  return new Promise((resolve) => {
    const started = performance.now();
    const check = () => {
      const container = typeof target === "string" ? document.querySelector(target) : target;
      if (!target || container?.querySelector("svg") || performance.now() - started > timeoutMs) {
        setTimeout(resolve, 0);
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}
