/** Quote lines as the pricing function sees them (pure). Options/add-ons are identified by name within a quote. */
import type { PriceLine } from "@/modules/pricing/pricing.ts";

export type StoredLine = {
  id: string;
  kind: "LABOUR" | "MATERIALS" | "FIXED";
  quantityMilli: number;
  unitPricePence: number;
  markupBps: number;
  discountBps: number;
  vatRateBps: number | null;
  placement: "BASE" | "OPTION" | "ADDON";
  groupName: string | null;
  optionName: string | null;
  addonName: string | null;
};

export function toPriceLine(l: StoredLine): PriceLine {
  const placement: PriceLine["placement"] =
    l.placement === "OPTION"
      ? { kind: "OPTION", groupId: l.groupName ?? "", optionId: l.optionName ?? "" }
      : l.placement === "ADDON"
        ? { kind: "ADDON", addonId: l.addonName ?? "" }
        : { kind: "BASE" };
  return { id: l.id, kind: l.kind, quantityMilli: l.quantityMilli, unitPricePence: l.unitPricePence, markupBps: l.markupBps, discountBps: l.discountBps, vatRateBps: l.vatRateBps, placement };
}
