/**
 * "SVG" and "PNG" buttons under every chart, for slides: the image holds the chart with its card's title and
 * subtitle, its legend, and a footer with the data's period and n, so that a slide carries its own context. The SVG
 * is standalone (Plot's own <style> inside, no external reference); the PNG is the same picture at twice its pixel
 * size. Pages call setChartContext whenever their filters change; buttons appear on every card showing a chart.
 */
import {chartImage, type ChartContext} from "./chart-image.js";
import {t} from "../lib/i18n/i18n.js";
import {formatCount} from "../lib/i18n/format.js";
import {periodLabel, selectRows, type Filters} from "../lib/analysis/filters.js";
import type {Extract} from "../lib/core/extract.js";

let context: ChartContext = {period: "", n: ""};
let lastSelection: {extract: Extract; key: string; rows: Uint32Array} | null = null;
let observer: MutationObserver | null = null;

/**
 * The handoffs a page's filters select, with the period and n set as the context every saved chart carries: the one
 * filter wiring every analysis page shares. A page cell that re-runs for another reason (a ladder edit, a cost
 * setting) gets the same array for the same filters, so what was prepared for those rows (the simulator's sorted
 * follow-up) stays valid.
 */
export function selectForCharts(extract: Extract, filters: Filters, {calendar = true} = {}): Uint32Array {
  const key = JSON.stringify(filters);
  if (lastSelection?.extract !== extract || lastSelection.key !== key) {
    lastSelection = {extract, key, rows: selectRows(extract, filters)};
  }
  const {rows} = lastSelection;
  // Data without calendar dates has no period to name: its months are a made-up base.
  const period = calendar ? periodLabel(filters, extract) : t("times.noDates");
  setChartContext({period, n: t("chart.nHandoffs", {n: formatCount(rows.length)})});
  return rows;
}

/** The period and n the page's charts currently show (written into every saved image). */
export function setChartContext(next: ChartContext): void {
  context = next;
  if (observer || typeof document === "undefined") return;
  const main = document.querySelector("#observablehq-main") ?? document.body;
  observer = new MutationObserver(() => addButtons(main));
  observer.observe(main, {childList: true, subtree: true});
  addButtons(main);
}

function addButtons(root: Element): void {
  for (const card of root.querySelectorAll(".card")) {
    if (card.querySelector(":scope > .chart-downloads") || !card.querySelector("svg[class^='plot']")) continue;
    const bar = document.createElement("div");
    bar.className = "chart-downloads";
    bar.append(
      button("SVG", () => save(card, "svg")),
      button("PNG", () => save(card, "png"))
    );
    card.append(bar);
  }
}

function button(label: string, action: () => void): HTMLButtonElement {
  const element = document.createElement("button");
  element.type = "button";
  element.textContent = label;
  element.title = t("chart.download", {format: label});
  element.addEventListener("click", action);
  return element;
}

async function save(card: Element, format: "svg" | "png"): Promise<void> {
  const image = chartImage(card, context);
  if (!image) return;
  const name = `${(card.id || "chart").replace(/^chart-/, "")}.${format}`;
  const svgBlob = new Blob([image.svg], {type: "image/svg+xml"});
  download(format === "svg" ? svgBlob : await toPng(svgBlob, image.width, image.height), name);
}

/** The SVG drawn at twice its size on a canvas, as PNG. */
async function toPng(svg: Blob, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(svg);
  try {
    const picture = new Image();
    picture.src = url;
    await picture.decode();
    const canvas = document.createElement("canvas");
    canvas.width = width * 2;
    canvas.height = height * 2;
    const context2d = canvas.getContext("2d")!;
    context2d.scale(2, 2);
    context2d.drawImage(picture, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))), "image/png")
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
