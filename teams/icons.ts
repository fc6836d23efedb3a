/**
 * The Teams app icons, drawn from code: a speech bubble with three dots (the bot "relays" the question).
 * - color.png, 192×192, full-bleed accent background, white bubble, accent dots (RGB);
 * - outline.png, 32×32, white outline bubble and dots on a transparent background (RGBA), as Teams requires.
 * Shapes are defined on the unit square and anti-aliased by 4×4 supersampling.
 */
import { encodePng, type RasterImage } from './png';

type Rgb = readonly [number, number, number];

export function hexToRgb(hex: string): Rgb {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1] ?? '0', 16), parseInt(m[2] ?? '0', 16), parseInt(m[3] ?? '0', 16)];
}

/** Signed distance from (x, y) to the bubble's rounded rectangle (negative inside). */
function bubbleDistance(x: number, y: number): number {
  const [cx, cy, hw, hh, r] = [0.5, 0.44, 0.33, 0.22, 0.1];
  const qx = Math.abs(x - cx) - (hw - r);
  const qy = Math.abs(y - cy) - (hh - r);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

function inTail(x: number, y: number): boolean {
  // Triangle below the bubble's left half, pointing down-left.
  const [ax, ay, bx, by, px, py] = [0.3, 0.62, 0.46, 0.62, 0.26, 0.82];
  const d1 = (x - bx) * (ay - by) - (ax - bx) * (y - by);
  const d2 = (x - px) * (by - py) - (bx - px) * (y - py);
  const d3 = (x - ax) * (py - ay) - (px - ax) * (y - ay);
  const neg = d1 < 0 || d2 < 0 || d3 < 0;
  const pos = d1 > 0 || d2 > 0 || d3 > 0;
  return !(neg && pos);
}

function inDot(x: number, y: number, radius: number): boolean {
  return [0.34, 0.5, 0.66].some((dx) => Math.hypot(x - dx, y - 0.44) <= radius);
}

/** Renders `shade(x, y)` (0 = background, 1 = white glyph, 2 = accent) with 4×4 supersampling. */
function raster(size: number, sample: (x: number, y: number) => 0 | 1 | 2): Float64Array[] {
  const n = 4;
  const cover = [new Float64Array(size * size), new Float64Array(size * size), new Float64Array(size * size)];
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const kind = sample((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          const layer = cover[kind];
          if (layer) layer[py * size + px] = (layer[py * size + px] ?? 0) + 1 / (n * n);
        }
      }
    }
  }
  return cover;
}

export function colorIcon(accent: string, size = 192): RasterImage {
  const bg = hexToRgb(accent);
  const white: Rgb = [255, 255, 255];
  const [cBg, cWhite, cAccent] = raster(size, (x, y) => {
    if (inDot(x, y, 0.05)) return 2;
    if (bubbleDistance(x, y) <= 0 || inTail(x, y)) return 1;
    return 0;
  });
  const data = new Uint8Array(size * size * 3);
  for (let i = 0; i < size * size; i++) {
    for (let c = 0; c < 3; c++) {
      const v =
        (cBg?.[i] ?? 0) * (bg[c] ?? 0) +
        (cWhite?.[i] ?? 0) * (white[c] ?? 0) +
        (cAccent?.[i] ?? 0) * (bg[c] ?? 0);
      data[i * 3 + c] = Math.round(v);
    }
  }
  return { width: size, height: size, channels: 3, data };
}

export function outlineIcon(size = 32): RasterImage {
  const stroke = 1.2 / size;
  const [, cWhite] = raster(size, (x, y) => {
    if (inDot(x, y, 0.06)) return 1;
    const d = bubbleDistance(x, y);
    if (Math.abs(d) <= stroke) return 1;
    if (d > 0 && inTail(x, y)) return 1;
    return 0;
  });
  const data = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    data.set([255, 255, 255, Math.round((cWhite?.[i] ?? 0) * 255)], i * 4);
  }
  return { width: size, height: size, channels: 4, data };
}

export function colorIconPng(accent: string): Buffer {
  return encodePng(colorIcon(accent));
}

export function outlineIconPng(): Buffer {
  return encodePng(outlineIcon());
}
