/**
 * The colours of the ladder's levels, light for level 1 and darker with each level above, the same in every chart and
 * table: level 3 has one colour wherever it appears, whatever the ladder's length (4 to 6 levels). Plot's "blues"
 * scheme starts at #eff3ff, which on the page's white vanished: on an export where every handoff is at level 1 the
 * level-mix chart looked empty. The lightest colour here is still a visible blue.
 */
import * as Plot from "@observablehq/plot";

/** One colour per level, level 1 first (ladders have at most six levels). */
export const levelPalette = ["#c2d1ee", "#93ade2", "#6a8fd6", "#4269d0", "#2a4aa0", "#14296b"] as const;

/** The colours of a ladder of `levels` levels, level 1 first. */
export function levelColors(levels: number): string[] {
  if (levels > levelPalette.length)
    throw new Error(`a ladder has at most ${levelPalette.length} levels, not ${levels}`);
  return levelPalette.slice(0, levels);
}

/**
 * `n` blues in order, from a visible light blue to the darkest, for series that follow each other (cohorts by month):
 * the same start as the levels', so that no series is drawn in near-white.
 */
export function sequentialBlues(n: number): string[] {
  const blues = Plot.scale({color: {type: "linear", scheme: "blues", domain: [0, 1]}});
  return Array.from({length: n}, (_, i) => String(blues.apply(n === 1 ? 1 : 0.3 + (0.7 * i) / (n - 1))));
}
