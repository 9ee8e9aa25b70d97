import { ttlCache } from "../cache/ttl-cache.ts";
import { tenantDb } from "../db/tenancy.ts";
import { readStoredFile } from "../storage/storage.ts";
import type { PdfBranding } from "./layout.tsx";

const cache = ttlCache<string, PdfBranding>(30_000);

/** The company's letterhead for its PDFs (scoped to that company; cached for 30 s in the worker). */
export async function pdfBrandingFor(companyId: string): Promise<PdfBranding> {
  return cache.get(companyId, () => loadBranding(companyId));
}

async function loadBranding(companyId: string): Promise<PdfBranding> {
  const c = await tenantDb(companyId).company.findFirstOrThrow({ where: { id: companyId } });
  return {
    companyName: c.name,
    legalName: c.legalName,
    brandColor: c.brandPrimaryColor,
    logo: c.logoStorageKey ? await readStoredFile(c.logoStorageKey) : null,
    addressLines: [c.addressLine1, c.addressLine2, [c.town, c.postcode].filter(Boolean).join(" ")].filter((l): l is string => !!l),
    phone: c.phone,
    email: c.email,
    companyNumber: c.companyNumber,
    vatNumber: c.vatNumber,
  };
}
