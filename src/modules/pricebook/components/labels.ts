import type { LineKind } from "@/modules/pricing/pricing.ts";

export const KIND_LABELS: Record<LineKind, string> = { LABOUR: "Labour", MATERIALS: "Materials", FIXED: "Fixed price" };
