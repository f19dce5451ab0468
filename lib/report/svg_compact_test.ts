/** SVG compaction: same geometry, fewer digits, no per-cell tooltips in dense groups. */
import { assertEquals } from "../std.ts";
import { compactSvg } from "./svg_compact.ts";

Deno.test("coordinates are rounded to 0.01 px and tooltips to 4 significant digits", () => {
  const svg =
    '<path aria-label="θ₁: −0.337950029373; n: 12" d="M231.00000000000003,8.000000000000007h10.499999999999943' +
    'v-0.0000000001Z" transform="translate(1e-15,2.345678)"/>';
  assertEquals(
    compactSvg(svg),
    '<path aria-label="θ₁: −0.338; n: 12" d="M231,8h10.5v0Z" transform="translate(0,2.35)"/>',
  );
});

Deno.test("a mark group with more items than the limit loses its per-item labels; a small one keeps them", () => {
  const item = '<path aria-label="x: 1" role="graphics-symbol" aria-roledescription="rect mark" d="M0,0h1v1Z"/>';
  const group = (n: number) => `<g class="mark-rect role-mark">${item.repeat(n)}</g>`;
  assertEquals(compactSvg(group(3), 2), `<g class="mark-rect role-mark">${'<path d="M0,0h1v1Z"/>'.repeat(3)}</g>`);
  assertEquals(compactSvg(group(2), 2), group(2));
});
