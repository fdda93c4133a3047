/**
 * Makes a Plot figure's marks clickable for drill-down: the wrapper's value becomes the datum under the pointer when
 * the user clicks (Plot's pointer interaction tracks it for marks with a tip), and stays until the next click.
 * Keyboard users get the same lists through each page's drill-down select.
 */

/** Wraps `figure`; use with Framework's view() to get the clicked datum (null before any click). */
export function pickOnClick<T>(figure: (SVGSVGElement | HTMLElement) & {value?: T}): HTMLElement & {value: T | null} {
  const wrapper = document.createElement("div") as unknown as HTMLElement & {value: T | null};
  wrapper.className = "pickable";
  wrapper.value = null;
  wrapper.append(figure);
  figure.addEventListener("input", (event) => event.stopPropagation());
  figure.addEventListener("click", () => {
    if (figure.value === undefined || figure.value === null) return;
    wrapper.value = figure.value;
    wrapper.dispatchEvent(new Event("input", {bubbles: true}));
  });
  return wrapper;
}
