/**
 * A client's invoice link is looked up by its token hash before any tenant is known (the raw
 * client, here only); everything after that goes through the company's scoped client.
 */
import { unsafeUnscopedDb } from "@/server/db/client.ts";

export async function unsafeFindInvoiceLinkByTokenHash(tokenHash: string) {
  return unsafeUnscopedDb().invoiceLink.findUnique({ where: { tokenHash }, select: { id: true, companyId: true, invoiceId: true, expiresAt: true, revokedAt: true } });
}
