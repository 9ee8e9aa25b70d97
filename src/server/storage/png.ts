/**
 * A structural PNG check (signature, chunks, CRCs, IHDR first, IEND last, image data inflates):
 * refuses a file that merely starts with the PNG bytes, before anything tries to render it.
 */
import { crc32, inflateSync } from "node:zlib";

const SIGNATURE = Buffer.from("89504e470d0a1a0a", "hex");

export function isValidPng(buf: Buffer): boolean {
  if (buf.length < 57 || !buf.subarray(0, 8).equals(SIGNATURE)) return false;
  let offset = 8;
  const idat: Buffer[] = [];
  let first = true;
  while (offset + 12 <= buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.subarray(offset + 4, offset + 8).toString("latin1");
    if (offset + 12 + length > buf.length) return false;
    const data = buf.subarray(offset + 8, offset + 8 + length);
    if (crc32(buf.subarray(offset + 4, offset + 8 + length)) !== buf.readUInt32BE(offset + 8 + length)) return false;
    if (first && type !== "IHDR") return false;
    first = false;
    if (type === "IDAT") idat.push(data);
    offset += 12 + length;
    if (type === "IEND") {
      if (idat.length === 0) return false;
      try {
        inflateSync(Buffer.concat(idat));
        return offset === buf.length;
      } catch {
        return false;
      }
    }
  }
  return false;
}
