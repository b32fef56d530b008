/**
 * Draws every icon in assets/ (run: npx tsx scripts/generate-icons.ts). No image library:
 * shapes are tested per sub-pixel (5×5 supersampling for anti-aliasing) and written as
 * RGBA PNGs with node:zlib. The output is committed, so this runs only when a design changes.
 *
 * - assets/tray/linux/<state>.png           32 px, coloured
 * - assets/tray/win/<state>.png (+@2x)       16/32 px, coloured
 * - assets/tray/win/ring-00..59.png (+@2x)   the depleting countdown ring (59 = full)
 * - assets/tray/mac/<state>Template.png/@2x  16/32 px, black + alpha (macOS tints them)
 * - assets/icon.png                          512 px app icon (electron-builder makes .icns/.ico)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];
/** Coordinates are in the unit square, y down. */
type Shape = (x: number, y: number) => boolean;
interface Layer {
  shape: Shape;
  /** null erases what is below (cut-outs). */
  color: Rgba | null;
}

const STATES = ['idle', 'elevated', 'ending', 'pending', 'offline'] as const;
type State = (typeof STATES)[number];
const RING_FRAMES = 60;

// ---- PNG ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(
      raw,
      y * (width * 4 + 1) + 1,
    );
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- rasteriser ----

const SS = 5;
function render(size: number, layers: Layer[]): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          let c: Rgba = [0, 0, 0, 0];
          for (const layer of layers) {
            if (!layer.shape(x, y)) continue;
            c = layer.color ?? [0, 0, 0, 0];
          }
          const alpha = c[3] / 255;
          r += c[0] * alpha;
          g += c[1] * alpha;
          b += c[2] * alpha;
          a += alpha;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
      }
      out[i + 3] = Math.round((a / (SS * SS)) * 255);
    }
  }
  return out;
}

// ---- geometry ----

type Pt = readonly [number, number];
function insidePolygon(pts: readonly Pt[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i] as Pt;
    const [xj, yj] = pts[j] as Pt;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
function distToSegment(x: number, y: number, a: Pt, b: Pt): number {
  const dx = b[0] - a[0],
    dy = b[1] - a[1];
  const t = Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (a[0] + t * dx), y - (a[1] + t * dy));
}
function distToOutline(pts: readonly Pt[], x: number, y: number): number {
  let d = Infinity;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++)
    d = Math.min(d, distToSegment(x, y, pts[j] as Pt, pts[i] as Pt));
  return d;
}
const polygon =
  (pts: readonly Pt[]): Shape =>
  (x, y) =>
    insidePolygon(pts, x, y);
const outline =
  (pts: readonly Pt[], width: number): Shape =>
  (x, y) =>
    insidePolygon(pts, x, y) && distToOutline(pts, x, y) <= width;
const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const segment =
  (a: Pt, b: Pt, width: number): Shape =>
  (x, y) =>
    distToSegment(x, y, a, b) <= width / 2;
/** Ring from 12 o'clock clockwise over `fraction` of the turn. */
const arc =
  (cx: number, cy: number, r: number, width: number, fraction: number): Shape =>
  (x, y) => {
    const d = Math.hypot(x - cx, y - cy);
    if (Math.abs(d - r) > width / 2) return false;
    const angle = (Math.atan2(x - cx, -(y - cy)) + 2 * Math.PI) % (2 * Math.PI);
    return angle <= fraction * 2 * Math.PI;
  };

/** A shield with gently curved sides, as a polygon. */
function shieldPoints(cx: number, top: number, w: number, h: number): Pt[] {
  const pts: Pt[] = [];
  const left = cx - w / 2,
    right = cx + w / 2,
    shoulder = top + h * 0.16;
  pts.push([cx, top], [right, shoulder]);
  for (let i = 1; i <= 12; i++) {
    const t = i / 12;
    // Straight down a little, then a curve to the point at the bottom.
    const x = right - (w / 2) * t ** 1.6;
    const y = shoulder + (top + h - shoulder) * t;
    pts.push([x, y]);
  }
  for (let i = 11; i >= 1; i--) {
    const t = i / 12;
    pts.push([left + (w / 2) * t ** 1.6, shoulder + (top + h - shoulder) * t]);
  }
  pts.push([left, shoulder]);
  return pts;
}
function arrowPoints(cx: number, top: number, w: number, h: number): Pt[] {
  const stem = w * 0.36,
    head = h * 0.48;
  return [
    [cx, top],
    [cx + w / 2, top + head],
    [cx + stem / 2, top + head],
    [cx + stem / 2, top + h],
    [cx - stem / 2, top + h],
    [cx - stem / 2, top + head],
    [cx - w / 2, top + head],
  ];
}

const SHIELD = shieldPoints(0.5, 0.06, 0.76, 0.88);
const ARROW = arrowPoints(0.5, 0.25, 0.4, 0.46);

function stateLayers(state: State, ink: Rgba): Layer[] {
  const stroke = 0.085;
  switch (state) {
    case 'idle':
      return [{ shape: outline(SHIELD, stroke), color: ink }];
    case 'elevated':
      return [
        { shape: polygon(SHIELD), color: ink },
        { shape: polygon(ARROW), color: null },
      ];
    case 'ending':
      // The elevated shield with a clock badge: the rights are about to end.
      return [
        { shape: polygon(SHIELD), color: ink },
        { shape: polygon(ARROW), color: null },
        { shape: circle(0.76, 0.76, 0.25), color: null },
        { shape: circle(0.76, 0.76, 0.19), color: ink },
        { shape: segment([0.76, 0.76], [0.76, 0.64], 0.05), color: null },
        { shape: segment([0.76, 0.76], [0.85, 0.76], 0.05), color: null },
      ];
    case 'pending':
      return [
        { shape: outline(SHIELD, stroke), color: ink },
        { shape: circle(0.34, 0.45, 0.065), color: ink },
        { shape: circle(0.5, 0.45, 0.065), color: ink },
        { shape: circle(0.66, 0.45, 0.065), color: ink },
      ];
    case 'offline':
      return [
        { shape: outline(SHIELD, stroke), color: ink },
        { shape: segment([0.1, 0.1], [0.9, 0.9], 0.2), color: null },
        { shape: segment([0.14, 0.14], [0.86, 0.86], 0.08), color: ink },
      ];
  }
}

const COLORS: Record<State, Rgba> = {
  idle: [95, 99, 104, 255],
  elevated: [217, 119, 6, 255],
  ending: [220, 38, 38, 255],
  pending: [37, 99, 235, 255],
  offline: [140, 145, 152, 255],
};
const BLACK: Rgba = [0, 0, 0, 255];

function ringLayers(frame: number): Layer[] {
  const fraction = frame / (RING_FRAMES - 1);
  return [
    { shape: arc(0.5, 0.5, 0.39, 0.17, 1), color: [140, 145, 152, 110] },
    ...(frame > 0 ? [{ shape: arc(0.5, 0.5, 0.39, 0.17, fraction), color: COLORS.elevated }] : []),
    { shape: polygon(arrowPoints(0.5, 0.3, 0.34, 0.4)), color: COLORS.elevated },
  ];
}

function appIconLayers(): Layer[] {
  const roundedSquare: Shape = (x, y) => {
    const r = 0.2,
      lo = 0.06,
      hi = 0.94;
    const cx = Math.min(Math.max(x, lo + r), hi - r);
    const cy = Math.min(Math.max(y, lo + r), hi - r);
    return x >= lo && x <= hi && y >= lo && y <= hi && Math.hypot(x - cx, y - cy) <= r;
  };
  const shield = shieldPoints(0.5, 0.18, 0.54, 0.64);
  return [
    { shape: roundedSquare, color: [30, 58, 138, 255] },
    { shape: polygon(shield), color: [255, 255, 255, 255] },
    { shape: polygon(arrowPoints(0.5, 0.32, 0.28, 0.34)), color: COLORS.elevated },
  ];
}

// ---- output ----

function write(root: string, rel: string, size: number, layers: Layer[]): void {
  const file = join(root, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, encodePng(size, size, render(size, layers)));
}

export function generateIcons(root: string): number {
  let count = 0;
  const put = (rel: string, size: number, layers: Layer[]): void => {
    write(root, rel, size, layers);
    count++;
  };
  for (const state of STATES) {
    put(`tray/linux/${state}.png`, 32, stateLayers(state, COLORS[state]));
    put(`tray/win/${state}.png`, 16, stateLayers(state, COLORS[state]));
    put(`tray/win/${state}@2x.png`, 32, stateLayers(state, COLORS[state]));
    put(`tray/mac/${state}Template.png`, 16, stateLayers(state, BLACK));
    put(`tray/mac/${state}Template@2x.png`, 32, stateLayers(state, BLACK));
  }
  for (let f = 0; f < RING_FRAMES; f++) {
    const name = `tray/win/ring-${String(f).padStart(2, '0')}`;
    put(`${name}.png`, 16, ringLayers(f));
    put(`${name}@2x.png`, 32, ringLayers(f));
  }
  put('icon.png', 512, appIconLayers());
  return count;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = process.argv[2] ?? fileURLToPath(new URL('../assets', import.meta.url));
  const started = Date.now();
  const n = generateIcons(root);
  console.log(`generate-icons: wrote ${n} PNGs to ${root} in ${Date.now() - started} ms`);
}
