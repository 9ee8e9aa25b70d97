import type { Company } from "@/generated/prisma/client.ts";
import { audit } from "@/server/audit/audit.ts";
import { assertCan, type TenantContext } from "@/server/context.ts";
import { notFound } from "@/server/errors/errors.ts";
import { findOwnCompany, updateOwnCompany } from "./company.repo.ts";
import type { CompanySettingsInput, CompanyView } from "./company.schema.ts";

export function companyView(c: Company): CompanyView {
  return {
    id: c.id,
    name: c.name,
    slug: c.slug,
    status: c.status,
    trialEndsAt: c.trialEndsAt?.toISOString() ?? null,
    legalName: c.legalName,
    companyNumber: c.companyNumber,
    vatNumber: c.vatNumber,
    email: c.email,
    phone: c.phone,
    addressLine1: c.addressLine1,
    addressLine2: c.addressLine2,
    town: c.town,
    postcode: c.postcode,
    bankAccountName: c.bankAccountName,
    bankSortCode: c.bankSortCode,
    bankAccountNumber: c.bankAccountNumber,
    timeZone: c.timeZone,
    currency: c.currency,
    defaultVatRateBps: c.defaultVatRateBps,
    paymentTermsDays: c.paymentTermsDays,
    quotePrefix: c.quotePrefix,
    jobPrefix: c.jobPrefix,
    invoicePrefix: c.invoicePrefix,
    creditNotePrefix: c.creditNotePrefix,
    certificatePrefix: c.certificatePrefix,
    brandPrimaryColor: c.brandPrimaryColor,
    brandAccentColor: c.brandAccentColor,
    mfaRequiredForStaff: c.mfaRequiredForStaff,
    updatedAt: c.updatedAt.toISOString(),
  };
}

export async function getCompany(ctx: TenantContext): Promise<CompanyView> {
  assertCan(ctx, "company.view");
  const company = await findOwnCompany(ctx.db, ctx.companyId);
  if (!company) throw notFound();
  return companyView(company);
}

/** Only the fields that actually change are written and audited (before/after of those fields). */
export async function updateCompanySettings(ctx: TenantContext, input: CompanySettingsInput): Promise<CompanyView> {
  assertCan(ctx, "settings.manage");
  return ctx.db.$transaction(async (tx) => {
    const current = await findOwnCompany(tx, ctx.companyId);
    if (!current) throw notFound();
    const changed = Object.fromEntries(
      Object.entries(input).filter(([k, v]) => v !== undefined && (current as Record<string, unknown>)[k] !== v),
    ) as CompanySettingsInput;
    if (Object.keys(changed).length === 0) return companyView(current);
    const updated = await updateOwnCompany(tx, ctx.companyId, changed);
    const before = Object.fromEntries(Object.keys(changed).map((k) => [k, (current as Record<string, unknown>)[k]]));
    await audit(tx, ctx, { entityType: "Company", entityId: ctx.companyId, action: "company.settings_updated", before, after: changed });
    return companyView(updated);
  });
}

/** What every member may see of their own company: the portal chrome (name, brand, contact). */
export async function getCompanyChrome(ctx: TenantContext) {
  const c = await findOwnCompany(ctx.db, ctx.companyId);
  if (!c) throw notFound();
  return { name: c.name, brandColor: c.brandPrimaryColor, phone: c.phone, email: c.email, timeZone: c.timeZone, status: c.status, trialEndsAt: c.trialEndsAt };
}
