/**
 * Photos are made smaller on the phone before they are queued: the longest side at most 1600 px,
 * re-encoded as JPEG (which also drops the camera's EXIF, location included), stepping the quality
 * down until the result fits the upload cap. Browser only.
 */
import { PHOTO_MAX_BYTES } from "../engineer.constants.ts";

export const PHOTO_MAX_SIDE = 1600;

/** Bytes of a base64 data URL's payload. */
export function dataUrlBytes(dataUrl: string): number {
  const b64 = dataUrl.slice(dataUrl.indexOf(",") + 1);
  return Math.floor((b64.length * 3) / 4) - (b64.endsWith("==") ? 2 : b64.endsWith("=") ? 1 : 0);
}

/** Target size for a photo of w×h so its longest side is at most `max`. */
export function fitWithin(w: number, h: number, max = PHOTO_MAX_SIDE): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(w, h));
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}

async function decode(file: Blob): Promise<{ source: CanvasImageSource; width: number; height: number; close: () => void }> {
  if (typeof createImageBitmap === "function") {
    try {
      const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
      return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
    } catch {
      // Some browsers can't decode every type this way: fall through to an <img>.
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return { source: img, width: img.naturalWidth, height: img.naturalHeight, close: () => URL.revokeObjectURL(url) };
  } catch {
    URL.revokeObjectURL(url);
    throw new Error("That file isn't a photo this phone can read. Try taking the photo again.");
  }
}

export async function resizePhoto(file: Blob): Promise<{ dataUrl: string; width: number; height: number; bytes: number }> {
  const img = await decode(file);
  try {
    const { width, height } = fitWithin(img.width, img.height);
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const g = canvas.getContext("2d");
    if (!g) throw new Error("This phone can't prepare the photo. Try again.");
    g.fillStyle = "#ffffff"; // transparent PNGs become white, not black, as JPEG
    g.fillRect(0, 0, width, height);
    g.drawImage(img.source, 0, 0, width, height);
    for (const quality of [0.82, 0.7, 0.55, 0.4]) {
      const dataUrl = canvas.toDataURL("image/jpeg", quality);
      const bytes = dataUrlBytes(dataUrl);
      if (bytes <= PHOTO_MAX_BYTES) return { dataUrl, width, height, bytes };
    }
    throw new Error("The photo is too large even after resizing. Take it again at a lower resolution.");
  } finally {
    img.close();
  }
}
