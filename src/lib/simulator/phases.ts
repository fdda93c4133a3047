/**
 * Work done in phases: a generator that pauses (yields nothing) between passes of a few tens of milliseconds, so that
 * the simulation worker takes a newer request between them (simulation-host.ts), and returns its result.
 */

/** Runs work done in phases to its end, with no pause: its result. */
export function toEnd<T>(phases: Generator<void, T>): T {
  for (;;) {
    const phase = phases.next();
    if (phase.done) return phase.value;
  }
}
