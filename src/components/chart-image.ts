/**
 * A card's chart as one standalone SVG: the card's title and subtitle above, the legend's swatches redrawn in SVG
 * (Plot draws them in HTML), the chart itself with its own <style>, and a footer with the data's period and n.
 */

/** What every saved chart says about its data. */
export interface ChartContext {
  /** The period the chart covers, e.g. "2024-01 – 2025-12". */
  period: string;
  /** The cases behind it, e.g. "14,250 handoffs". */
  n: string;
}

const pad = 16;
const font = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** The picture of the first Plot chart in `card`, or null when it shows none. */
export function chartImage(card: Element, context: ChartContext): {svg: string; width: number; height: number} | null {
  const chart = card.querySelector<SVGSVGElement>("svg[class^='plot']");
  if (!chart) return null;
  const width = Number(chart.getAttribute("width")) || chart.getBoundingClientRect().width;
  const height = Number(chart.getAttribute("height")) || chart.getBoundingClientRect().height;
  const title = card.querySelector("h2")?.textContent?.trim() ?? "";
  const subtitle = wrap(card.querySelector("h3")?.textContent?.trim() ?? "", width);
  const legend = [...(chart.closest("figure") ?? card).querySelectorAll("[class$='-swatch']")].map((swatch) => ({
    color: swatch.querySelector("rect, circle, path")?.getAttribute("fill") ?? "#888",
    label: swatch.textContent?.trim() ?? ""
  }));
  const lines: string[] = [];
  let y = pad + 18;
  lines.push(text(pad, y, title, 18, 600));
  for (const line of subtitle) lines.push(text(pad, (y += 18), line, 13, 400, "#555"));
  let x = pad;
  if (legend.length > 0) y += 22;
  for (const item of legend) {
    const itemWidth = 22 + item.label.length * 7 + 14;
    if (x + itemWidth > width + pad && x > pad) [x, y] = [pad, y + 18];
    lines.push(`<rect x="${x}" y="${y - 11}" width="12" height="12" fill="${escape(item.color)}"/>`);
    lines.push(text(x + 18, y, item.label, 12, 400));
    x += itemWidth;
  }
  const top = y + 12;
  const chartCopy = chart.cloneNode(true) as SVGSVGElement;
  chartCopy.setAttribute("x", String(pad));
  chartCopy.setAttribute("y", String(top));
  for (const hidden of chartCopy.querySelectorAll("[visibility='hidden'], [data-mark='tip']")) hidden.remove();
  const footerY = top + height + 22;
  const footer = [context.period, context.n, "Leadstage"].filter((d) => d !== "").join(" · ");
  lines.push(text(pad, footerY, footer, 11, 400, "#555"));
  const total = {width: Math.ceil(width + 2 * pad), height: Math.ceil(footerY + pad)};
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${total.width}" height="${total.height}" viewBox="0 0 ${total.width} ${total.height}" font-family="${font}">
<rect width="100%" height="100%" fill="white"/>
${lines.join("\n")}
${new XMLSerializer().serializeToString(chartCopy)}
</svg>`;
  return {svg, ...total};
}

function text(x: number, y: number, content: string, size: number, weight: number, fill = "#1b1e23"): string {
  return `<text x="${x}" y="${y}" font-size="${size}" font-weight="${weight}" fill="${fill}">${escape(content)}</text>`;
}

/** Splits `content` into lines of about the chart's width (7 px a character at 13 px). */
function wrap(content: string, width: number): string[] {
  const perLine = Math.max(20, Math.floor(width / 7));
  const lines: string[] = [];
  let line = "";
  for (const word of content.split(/\s+/).filter(Boolean)) {
    if (line !== "" && line.length + 1 + word.length > perLine) [lines[lines.length], line] = [line, word];
    else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines;
}

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
