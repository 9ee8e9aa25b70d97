/**
 * Demo price books: the labour rates, materials and fixed-price jobs each demo company quotes
 * often, made through the real service (audited like the office's own). Idempotent: a company
 * that already has price book items is left alone.
 */
import { anonymousContext, requireTenant } from "../src/server/context.ts";
import { unsafeUnscopedDb } from "../src/server/db/client.ts";
import { effectiveCapabilities } from "../src/modules/identity/permissions.ts";
import { createPriceBookItem } from "../src/modules/pricebook/pricebook.service.ts";
import { createPriceBookItemInput } from "../src/modules/pricebook/pricebook.schema.ts";

type Item = { kind: "LABOUR" | "MATERIALS" | "FIXED"; description: string; unit?: string; pounds: number; markup?: number; vat?: 2000 | 500 | 0 | null };

const ITEMS: Record<string, Item[]> = {
  sparkright: [
    { kind: "LABOUR", description: "Electrician", unit: "hour", pounds: 48 },
    { kind: "LABOUR", description: "Electrician's mate", unit: "hour", pounds: 28 },
    { kind: "MATERIALS", description: "Double socket, white, fitted", unit: "each", pounds: 12.5, markup: 20 },
    { kind: "MATERIALS", description: "10-way RCBO consumer unit", unit: "each", pounds: 285, markup: 15 },
    { kind: "MATERIALS", description: "Type 2 surge protection device", unit: "each", pounds: 85, markup: 15 },
    { kind: "MATERIALS", description: "Fire-rated LED downlight", unit: "each", pounds: 14, markup: 25 },
    { kind: "FIXED", description: "EICR, up to 10 circuits", pounds: 165 },
    { kind: "FIXED", description: "EV charger installation (7 kW, tethered)", pounds: 950, vat: 500 },
  ],
  northgate: [
    { kind: "LABOUR", description: "Heating engineer", unit: "hour", pounds: 55 },
    { kind: "MATERIALS", description: "Thermostatic radiator valve", unit: "each", pounds: 18, markup: 20 },
    { kind: "MATERIALS", description: "Double panel radiator 600 × 1000", unit: "each", pounds: 95, markup: 20 },
    { kind: "FIXED", description: "Annual boiler service", pounds: 95 },
    { kind: "FIXED", description: "Gas safety certificate (CP12)", pounds: 75 },
    { kind: "FIXED", description: "System power flush, up to 10 radiators", pounds: 420 },
  ],
};

export async function seedPriceBooks(slugs: string[]): Promise<number> {
  const db = unsafeUnscopedDb();
  let created = 0;
  for (const slug of slugs) {
    const items = ITEMS[slug];
    if (!items) continue;
    const company = await db.company.findUniqueOrThrow({ where: { slug } });
    if (await db.priceBookItem.count({ where: { companyId: company.id } })) continue;
    const admin = await db.user.findUniqueOrThrow({ where: { email: `admin@${slug}.test` } });
    const ctx = requireTenant({
      ...anonymousContext({ requestId: "seed" }),
      user: { id: admin.id, email: admin.email, name: admin.name, isPlatformOperator: false },
      companyId: company.id,
      companyStatus: "ACTIVE",
      role: "ADMIN",
      capabilities: effectiveCapabilities("ADMIN"),
    });
    for (const i of items) {
      await createPriceBookItem(
        ctx,
        createPriceBookItemInput.parse({ kind: i.kind, description: i.description, unit: i.unit ?? null, unitPricePence: Math.round(i.pounds * 100), markupBps: (i.markup ?? 0) * 100, vatRateBps: i.vat === undefined ? 2000 : i.vat }),
      );
      created++;
    }
  }
  return created;
}
