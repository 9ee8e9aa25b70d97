import { describe, expect, it } from "vitest";
import { detectFileType } from "@/server/storage/file-type.ts";

describe("detectFileType", () => {
  it("recognises files by their bytes", () => {
    expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toEqual({ contentType: "image/jpeg", ext: ".jpg" });
    expect(detectFileType(Buffer.from("89504e470d0a1a0a0000", "hex"))).toEqual({ contentType: "image/png", ext: ".png" });
    expect(detectFileType(Buffer.from("%PDF-1.7\n"))).toEqual({ contentType: "application/pdf", ext: ".pdf" });
    expect(detectFileType(Buffer.concat([Buffer.from("RIFF"), Buffer.alloc(4), Buffer.from("WEBPVP8 ")]))?.contentType).toBe("image/webp");
  });
  it("refuses anything else, whatever it is called", () => {
    expect(detectFileType(Buffer.from("<script>alert(1)</script>"))).toBeNull();
    expect(detectFileType(Buffer.from("MZ\x90\x00"))).toBeNull();
    expect(detectFileType(Buffer.alloc(0))).toBeNull();
  });
});
