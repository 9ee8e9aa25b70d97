/**
 * Writes the engineer app's PWA icons (public/icons/*.png) from the Quantract mark (the same
 * geometry as src/ui/Wordmark.tsx: a rounded brand square with a white "Q" ring and tail), drawn
 * with signed distances and 4×4 supersampling, encoded with node:zlib. No image dependency.
 *   npx tsx scripts/pwa-icons.ts
 */
import { writeFileSync } from "node:fs";
import { crc32, deflateSync } from "node:zlib";

const BRAND = [0x4f, 0x46, 0xe5] as const; // --color-brand-600

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (1 + size * 4));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 4);
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], row + 1 + x * 4);
    }
  }
  return Buffer.concat([
    Buffer.from("89504e470d0a1a0a", "hex"),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Distance from p to the segment a–b. */
function segment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** Inside a rounded square of side 28 with corner radius r (mark units). */
function inRoundedSquare(u: number, v: number, r: number): boolean {
  if (u < 0 || v < 0 || u > 28 || v > 28) return false;
  const cx = Math.min(Math.max(u, r), 28 - r);
  const cy = Math.min(Math.max(v, r), 28 - r);
  return Math.hypot(u - cx, v - cy) <= r;
}

/**
 * One icon: `scale` is how much of the canvas the 28-unit mark covers (maskable icons keep the
 * glyph inside the 80% safe zone and fill the whole canvas with the brand colour).
 */
function icon(size: number, opts: { maskable: boolean }): Buffer {
  const SS = 4;
  const markSize = opts.maskable ? size * 0.78 : size;
  const offset = (size - markSize) / 2;
  return png(size, (x, y) => {
    let bg = 0;
    let fg = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const u = ((x + (sx + 0.5) / SS - offset) / markSize) * 28;
        const v = ((y + (sy + 0.5) / SS - offset) / markSize) * 28;
        const inside = opts.maskable || inRoundedSquare(u, v, 7);
        if (!inside) continue;
        bg++;
        const ring = Math.abs(Math.hypot(u - 13.5, v - 13.5) - 6.25) <= 1.25;
        const tail = segment(u, v, 16.5, 16.5, 21, 21) <= 1.25;
        if (ring || tail) fg++;
      }
    }
    const n = SS * SS;
    const alpha = bg / n;
    if (alpha === 0) return [0, 0, 0, 0];
    const w = fg / bg; // share of white within the covered part
    const mix = (c: number) => Math.round(c * (1 - w) + 255 * w);
    return [mix(BRAND[0]), mix(BRAND[1]), mix(BRAND[2]), Math.round(alpha * 255)];
  });
}

const out = new URL("../public/icons/", import.meta.url);
writeFileSync(new URL("engineer-192.png", out), icon(192, { maskable: false }));
writeFileSync(new URL("engineer-512.png", out), icon(512, { maskable: false }));
writeFileSync(new URL("engineer-maskable-512.png", out), icon(512, { maskable: true }));
writeFileSync(new URL("apple-touch-icon.png", out), icon(180, { maskable: true }));
console.log("icons written to public/icons/");
