/**
 * File types by content (magic bytes), not by name or the browser's claim. Pure.
 */
export type DetectedType = { contentType: string; ext: string };

const SIGNATURES: { type: DetectedType; test: (b: Buffer) => boolean }[] = [
  { type: { contentType: "image/jpeg", ext: ".jpg" }, test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: { contentType: "image/png", ext: ".png" }, test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: { contentType: "image/webp", ext: ".webp" }, test: (b) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP" },
  { type: { contentType: "image/heic", ext: ".heic" }, test: (b) => b.subarray(4, 8).toString("latin1") === "ftyp" && /^(heic|heix|mif1|msf1)$/.test(b.subarray(8, 12).toString("latin1")) },
  { type: { contentType: "application/pdf", ext: ".pdf" }, test: (b) => b.subarray(0, 5).toString("latin1") === "%PDF-" },
];

export function detectFileType(content: Buffer): DetectedType | null {
  return SIGNATURES.find((s) => s.test(content))?.type ?? null;
}

export const UPLOAD_LIMIT_BYTES = 15 * 1024 * 1024;
