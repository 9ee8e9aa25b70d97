/** The client-facing shape of a sent version (pure): what /q/<token> renders and prices. */
import type { PriceLine } from "@/modules/pricing/pricing.ts";

export type SnapshotLine = {
  id: string;
  section: string | null;
  kind: "LABOUR" | "MATERIALS" | "FIXED";
  description: string;
  quantityMilli: number;
  sellUnitPence: number;
  discountBps: number;
  vatRateBps: number | null;
  placement: "BASE" | "OPTION" | "ADDON";
  groupName: string | null;
  optionName: string | null;
  addonName: string | null;
};

export type QuoteSnapshot = {
  number: string;
  version: number;
  title: string;
  introduction: string | null;
  terms: string | null;
  validUntil: string;
  company: string;
  client: string;
  lines: SnapshotLine[];
  defaultTotals: { netPence: number; vatPence: number; grossPence: number };
};

/** Snapshot lines priced exactly as the office priced them (the sell price already holds the markup). */
export function snapshotPriceLines(lines: SnapshotLine[]): PriceLine[] {
  return lines.map((l) => ({
    id: l.id,
    kind: l.kind,
    quantityMilli: l.quantityMilli,
    unitPricePence: l.sellUnitPence,
    markupBps: 0,
    discountBps: l.discountBps,
    vatRateBps: l.vatRateBps,
    placement:
      l.placement === "OPTION"
        ? { kind: "OPTION", groupId: l.groupName ?? "", optionId: l.optionName ?? "" }
        : l.placement === "ADDON"
          ? { kind: "ADDON", addonId: l.addonName ?? "" }
          : { kind: "BASE" },
  }));
}
