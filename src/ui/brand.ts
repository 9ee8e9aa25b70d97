import type { CSSProperties } from "react";

/**
 * Company brand colour → CSS variables for client-facing pages (ClientShell, PDFs).
 * Accepts "#rgb" / "#rrggbb" only (anything else falls back to the Quantract default, so a stored
 * value can never inject CSS). Derives an accessible text colour on the brand, a hover shade and an
 * "ink" shade dark enough (≥ 4.5:1 on white) to use the brand as text/link colour.
 */

type Rgb = [number, number, number];

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];
const DARK_TEXT: Rgb = [16, 24, 40]; // neutral-900

export function parseHexColor(value: string | null | undefined): Rgb | null {
  if (!value) return null;
  const v = value.trim();
  if (!HEX.test(v)) return null;
  const h = v.length === 4 ? [...v.slice(1)].map((c) => c + c).join("") : v.slice(1);
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
}

function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
}

function mix(a: Rgb, b: Rgb, amountOfB: number): Rgb {
  return a.map((c, i) => c + ((b[i] ?? 0) - c) * amountOfB) as Rgb;
}

function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

export type BrandTheme = {
  brand: string;
  hover: string;
  contrast: string;
  ink: string;
  soft: string;
};

export function brandTheme(color: string | null | undefined): BrandTheme | null {
  const rgb = parseHexColor(color);
  if (!rgb) return null;
  const whiteText = contrastRatio(rgb, WHITE) >= contrastRatio(rgb, DARK_TEXT);
  let ink = rgb;
  for (let i = 0; i < 20 && contrastRatio(ink, WHITE) < 4.5; i++) ink = mix(ink, BLACK, 0.08);
  return {
    brand: toHex(rgb),
    hover: toHex(mix(rgb, BLACK, whiteText ? 0.15 : 0.08)),
    contrast: toHex(whiteText ? WHITE : DARK_TEXT),
    ink: toHex(ink),
    soft: toHex(mix(rgb, WHITE, 0.9)),
  };
}

/** Inline style that re-themes every accent utility (bg-accent, text-accent-ink …) below it. */
export function brandStyle(color: string | null | undefined): CSSProperties {
  const t = brandTheme(color);
  if (!t) return {};
  return {
    "--brand": t.brand,
    "--brand-hover": t.hover,
    "--brand-contrast": t.contrast,
    "--brand-ink": t.ink,
    "--brand-soft": t.soft,
  } as CSSProperties;
}
