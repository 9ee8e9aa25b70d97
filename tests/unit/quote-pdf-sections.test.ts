import { isValidElement, type ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { quotePdf } from "@/server/pdf/documents/quote.tsx";

/** The text of a document tree as lines (each Text element's string children joined), without rendering it to bytes. */
function texts(node: ReactNode, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => texts(n, out));
  else if (isValidElement(node) && typeof node.type === "function") texts((node.type as (p: unknown) => ReactNode)(node.props), out);
  else if (isValidElement(node)) {
    const children = (node.props as { children?: ReactNode }).children;
    const flat = ([] as ReactNode[]).concat(children ?? []);
    if (flat.length && flat.every((c) => typeof c === "string" || typeof c === "number")) out.push(flat.join(""));
    else texts(children, out);
  }
  return out;
}

const base = { quantity: "1", unit: "£10.00", vat: "20%", groupName: null, optionName: null, addonName: null, included: true };
const props = {
  number: "Q-00042",
  version: 1,
  title: "Rewire",
  client: "Jane Doe",
  issued: "1 December 2026",
  validUntil: "31 December 2026",
  introduction: null,
  terms: null,
  lines: [
    { ...base, section: null, description: "Certification", placement: "BASE", net: 15_000 },
    { ...base, section: "Kitchen", description: "Six double sockets", placement: "BASE", net: 36_000 },
    { ...base, section: "Loft", description: "Loft lighting circuit", placement: "BASE", net: 22_500 },
    { ...base, section: "Kitchen", description: "Cooker circuit", placement: "BASE", net: 18_050 },
    { ...base, section: null, description: "Surge protection", placement: "ADDON", addonName: "Surge", net: 9_000, included: false },
  ],
  totals: { netPence: 91_550, vatPence: 18_310, grossPence: 109_860 },
};
const branding = { companyName: "Test Electrical", brandColor: "#0f766e", addressLines: [] };

describe("quote PDF sections", () => {
  it("lists the always-included lines under their section headings with a subtotal each", () => {
    const lines = texts(quotePdf.render(quotePdf.props.parse(props), branding, {}));
    const at = (s: string) => lines.indexOf(s);
    expect(at("Kitchen")).toBeGreaterThan(at("Certification"));
    expect(lines.slice(at("Kitchen"), at("Loft"))).toEqual(expect.arrayContaining(["Six double sockets", "Cooker circuit", "Kitchen subtotal", "£540.50"]));
    expect(lines.slice(at("Loft"))).toEqual(expect.arrayContaining(["Loft lighting circuit", "Loft subtotal", "£225.00"]));
    expect(lines).not.toContain(" subtotal");
    // Add-ons are not sectioned and not in any subtotal.
    expect(at("Surge protection")).toBeGreaterThan(at("Loft subtotal"));
  });

  it("a quote without sections (and an older payload without the field) has no section headings", () => {
    const legacy = { ...props, lines: props.lines.map(({ section: _section, ...l }) => l) };
    const lines = texts(quotePdf.render(quotePdf.props.parse(legacy), branding, {}));
    expect(lines.filter((l) => l.endsWith("subtotal"))).toEqual([]);
    expect(lines).toContain("Six double sockets");
  });
});
