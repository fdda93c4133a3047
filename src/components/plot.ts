/**
 * Plot.plot for every chart of the dashboard, plus what every chart needs and Plot leaves to the caller:
 * - roles on labelled groups (ARIA permits aria-label only on elements with a role), their names in the page's
 *   language, and a floor on the width;
 * - tick labels of band scales along x (and of x facets) cut with an ellipsis to their band (to the bands up to the
 *   next label where those between are blank), so that they never run into each other at any width or in any
 *   language (the full label stays in its tooltip and in the tables); along y, cut to the chart's left margin where
 *   it sets one, so that they never run out of the card, and a left margin as wide as a continuous y axis's labels
 *   where it sets none;
 * - room below a continuous x axis for its label, and numbers and dates in the page's language;
 * - data labels (text marks) that would overlap another label once the chart is on the page are hidden (their
 *   values stay in the chart's tips and tables): see declutter.ts.
 */
import * as Plot from "@observablehq/plot";
import {currentLanguage, dictionaries} from "../lib/i18n/i18n.js";
import {declutterWhenShown} from "./declutter.js";
import {localTimeTicks} from "./time-ticks.js";

/** Plot's default font size for ticks, in pixels. */
const tickFontSize = 10;

/** From a y axis to its tick labels: Plot's 6-pixel tick and 3 pixels of padding. */
const tickLabelOffset = 9;

/** A rough width of a text in Plot's default sans-serif at 10 px: generous, so that estimates err on the safe side. */
export function textWidth(text: string): number {
  return [...text].reduce((sum, c) => sum + (/[ilIj.,:;'|!·]/.test(c) ? 3.2 : /[mwMW%@]/.test(c) ? 9.5 : 6.4), 0);
}

type Figure = ReturnType<typeof Plot.plot>;
type AxisOptions = Plot.ScaleOptions & {tickFormat?: unknown; axis?: unknown; label?: unknown};

/** A Plot figure, made with `options`, with the repairs above. */
export function plot(options: Plot.PlotOptions): Figure {
  // resize() can report a width of 0 before the page is laid out; a chart narrower than its margins would draw
  // negative widths (and log errors), so it gets a floor.
  let sized: Plot.PlotOptions = {...options, width: Math.max(options.width ?? 640, 280)};
  let figure = Plot.plot(sized);
  const refit = refitted(figure, sized);
  if (refit) figure = Plot.plot((sized = refit));
  for (const group of figure.querySelectorAll("g[aria-label]")) nameGroup(group);
  declutterWhenShown(figure);
  return figure;
}

/**
 * Plot names each mark's group after its type ("bar", "y-axis tick label"), which screen readers read out: the name
 * goes into the page's language, the type stays in `data-mark` for the code that looks for a kind of mark.
 */
function nameGroup(group: Element): void {
  const type = group.getAttribute("aria-label") ?? "";
  const dictionary = dictionaries[currentLanguage()] as Record<string, string>;
  group.setAttribute("role", "group");
  group.setAttribute("data-mark", type);
  group.setAttribute("aria-label", dictionary[`plot.${type}`] ?? type);
}

/** The options again with fitted axes, local tick formats and room for labels, or null when nothing changes. */
function refitted(figure: Figure, options: Plot.PlotOptions): Plot.PlotOptions | null {
  const next: Record<string, unknown> = {...options};
  const axes: Plot.Markish[] = [];
  for (const name of ["x", "y", "fx"] as const) {
    const scale = figure.scale(name);
    const given = (options[name] ?? {}) as AxisOptions;
    if (!scale || given.axis === null) continue;
    if (scale.type === "band" || scale.type === "point") {
      if (name !== "y") axes.push(...fittedAxis(name, scale, given));
      else if (typeof options.marginLeft === "number") axes.push(...fittedYAxis(scale, given, options.marginLeft));
    } else {
      if (given.tickFormat === undefined) {
        const local = localTickFormat(scale.type);
        if (local) next[name] = {...given, tickFormat: local};
      }
      if (name === "y" && options.marginLeft === undefined) next.marginLeft = yTickRoom(figure);
    }
    // Plot sets the x label three pixels above the bottom edge: with the default 30-pixel margin its box touches
    // the tick labels, and a long (German) label reaches over the last ones.
    if (name === "x" && typeof given.label === "string" && given.label !== "") {
      next.marginBottom = Math.max((options.marginBottom as number | undefined) ?? 30, 40);
    }
  }
  if (axes.length > 0) next.marks = [...(options.marks ?? []), ...axes];
  const changed =
    axes.length > 0 || ["x", "y", "marginBottom", "marginLeft"].some((k) => next[k] !== (options as never)[k]);
  return changed ? (next as Plot.PlotOptions) : null;
}

/** An explicit axis whose tick labels are cut to the band, when some label is wider than its band. */
function fittedAxis(name: "x" | "fx", scale: Plot.Scale, given: AxisOptions): Plot.Markish[] {
  // A label has the bands up to the next label to itself: a chart that labels only each January has twelve.
  const step = ((scale as {step?: number}).step ?? 0) * labelSpacing(scale, given);
  const lines = tickLines(scale, given);
  if (step <= 0 || lines.every((d) => textWidth(d) <= 0.8 * (step - 4))) return [];
  const axis = name === "x" ? Plot.axisX : Plot.axisFx;
  return [
    axis({
      ...(given.tickSize !== undefined ? {tickSize: given.tickSize as number} : {}),
      anchor: "bottom",
      tickFormat: given.tickFormat as never,
      label: (given.label ?? null) as string | null,
      // Plot measures text with Helvetica's widths; the fonts a reader has (DejaVu Sans on Linux) run up to a fifth
      // wider, so the line is cut a fifth short of the band.
      lineWidth: Math.max(2, (0.8 * (step - 4)) / tickFontSize),
      textOverflow: "ellipsis"
    })
  ];
}

/**
 * The left margin a continuous y axis's tick labels need, or undefined where Plot's default (40 px) holds them:
 * amounts such as "300 Mio. €" ran out of the card.
 */
function yTickRoom(figure: Figure): number | undefined {
  const labels = figure.querySelectorAll("g[aria-label='y-axis tick label'] text");
  // 3 pixels to spare beyond the offset.
  const needed = Math.max(0, ...Array.from(labels, (d) => textWidth(d.textContent ?? ""))) + tickLabelOffset + 3;
  return needed > 40 ? Math.ceil(needed) : undefined;
}

/**
 * An explicit y axis whose tick labels are cut to the left margin, when some line is wider than the margin: the
 * labels (a level's name, its n) ran out of the card at 1024 px. Plot adds the full label as the text's title.
 */
function fittedYAxis(scale: Plot.Scale, given: AxisOptions, marginLeft: number): Plot.Markish[] {
  const room = marginLeft - tickLabelOffset;
  if (tickLines(scale, given).every((d) => textWidth(d) <= room)) return [];
  return [
    Plot.axisY({
      anchor: "left",
      tickFormat: given.tickFormat as never,
      label: (given.label ?? null) as string | null,
      // A fifth short, as for x: the reader's fonts run wider than Plot's measure.
      lineWidth: Math.max(2, (0.8 * room) / tickFontSize),
      textOverflow: "ellipsis"
    })
  ];
}

/** Every line of every tick label of a band or point scale, as its tickFormat writes them. */
function tickLines(scale: Plot.Scale, given: AxisOptions): string[] {
  return tickLabels(scale, given).flatMap((d) => d.split("\n"));
}

/** Each tick label of a band or point scale, as its tickFormat writes it ("" where it leaves one blank). */
function tickLabels(scale: Plot.Scale, given: AxisOptions): string[] {
  const format =
    typeof given.tickFormat === "function" ? (given.tickFormat as (d: unknown, i: number) => string) : String;
  return Array.from(scale.domain ?? [], (d, i) => String(format(d, i)));
}

/** The fewest bands from one tick label to the next, blank labels skipped (1 where every band has one). */
function labelSpacing(scale: Plot.Scale, given: AxisOptions): number {
  const labels = tickLabels(scale, given);
  const labelled = labels.flatMap((d, i) => (d === "" ? [] : [i]));
  // One label alone has the whole axis.
  if (labelled.length < 2) return labelled.length === 1 ? labels.length : 1;
  return Math.min(...labelled.slice(1).map((at, k) => at - labelled[k]));
}

/** Numbers and dates as the page's language writes them ("10.000" and "Mär" in German), or null for Plot's own. */
function localTickFormat(type: string | null | undefined): ((d: unknown, i: number) => string) | null {
  if (currentLanguage() !== "de") return null;
  if (type === "utc" || type === "time") return localTimeTicks(type);
  if (type === "linear" || type === "sqrt" || type === "pow" || type === "log" || type === "symlog") {
    const format = new Intl.NumberFormat("de-DE", {maximumFractionDigits: 2});
    return (d) => format.format(d as number);
  }
  return null;
}
