/**
 * Makes Vega's SVG output lighter without changing what it draws: coordinates rounded to 0.01 px
 * (Vega writes float noise such as `8.000000000000007`), tooltips' numbers (`aria-label`) to 4
 * significant digits, and in a mark group of more than {@link DENSE_MARKS} items (a heatmap's
 * cells) the per-item tooltips dropped: the axes and legend describe such a chart.
 * @module
 */

/** Mark groups with more items than this lose their per-item `aria-label`s. */
export const DENSE_MARKS = 400;

const GEOMETRY = /\s(d|transform|x|y|x1|x2|y1|y2|width|height|cx|cy|r)="([^"]*)"/g;
const LONG_NUMBER = /-?\d+\.\d{3,}(?:e[-+]?\d+)?|-?\d+(?:\.\d+)?e[-+]?\d+/gi;

function roundCoordinate(n: string): string {
  const v = Math.round(Number(n) * 100) / 100;
  return Object.is(v, -0) ? "0" : String(v);
}

function roundLabel(label: string): string {
  return label.replace(/−?\d+\.\d{5,}/g, (n) => {
    const v = Number(n.replace("−", "-"));
    return Number.isFinite(v) ? String(Number(v.toPrecision(4))).replace("-", "−") : n;
  });
}

/** Drops the per-item `aria-label` (and item role) in mark groups with more than `dense` items. */
function dropDenseLabels(svg: string, dense: number): string {
  return svg.replace(/(<g class="mark-[^"]*"[^>]*>)((?:<path [^>]*\/>)+)/g, (all, open: string, items: string) => {
    const count = items.split("<path ").length - 1;
    return count > dense
      ? open + items.replace(/ aria-label="[^"]*"| role="graphics-symbol"| aria-roledescription="[^"]*"/g, "")
      : all;
  });
}

/**
 * The same picture in fewer bytes (see the module notes).
 * @example
 * ```ts
 * compactSvg('<path d="M0.5,8.000000000000007h10.500000000000028Z"/>'); // '<path d="M0.5,8h10.5Z"/>'
 * ```
 */
export function compactSvg(svg: string, dense = DENSE_MARKS): string {
  const rounded = svg
    .replace(GEOMETRY, (_, name: string, value: string) => ` ${name}="${value.replace(LONG_NUMBER, roundCoordinate)}"`)
    .replace(/ aria-label="([^"]*)"/g, (_, label: string) => ` aria-label="${roundLabel(label)}"`);
  return dropDenseLabels(rounded, dense);
}
