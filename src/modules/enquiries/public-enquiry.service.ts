/**
 * The public enquiry form (`/e/<slug>` and POST /api/public/enquiries/<slug>): no account, so the
 * company comes from the slug; rate limited per IP+slug and per slug; a filled honeypot answers
 * like a success but stores nothing. Creates the enquiry in the first stage and emails the office.
 */
import type { RequestContext } from "@/server/context.ts";
import { tenantDb } from "@/server/db/tenancy.ts";
import { queueEmail } from "@/server/email/queue-email.ts";
import { env } from "@/server/config/env.ts";
import { notFound } from "@/server/errors/errors.ts";
import { consume, type Limit } from "@/server/rate-limit/rate-limit.ts";
import { findActiveStages, findOfficeMembers, insertEnquiry, insertPublicAuditEvent, unsafeFindCompanyBySlug } from "./enquiries.repo.ts";
import type { PublicEnquiryInput } from "./enquiries.schema.ts";
import { enquirySearchText } from "./search-text.ts";
import { ensureStagesIn } from "./pipeline.service.ts";

export const PUBLIC_ENQUIRY_LIMITS = {
  perVisitor: { name: "public-enquiry-ip", limit: 5, windowMs: 10 * 60_000 } satisfies Limit,
  perCompany: { name: "public-enquiry-company", limit: 50, windowMs: 60 * 60_000 } satisfies Limit,
};

/** What the public page needs to brand itself; null for an unknown slug or a suspended company. */
export async function publicCompanyBySlug(slug: string) {
  const company = await unsafeFindCompanyBySlug(slug);
  if (!company || company.status === "SUSPENDED") return null;
  return { id: company.id, name: company.name, slug: company.slug, brandColor: company.brandPrimaryColor, phone: company.phone, email: company.email };
}

export async function submitPublicEnquiry(ctx: RequestContext, slug: string, input: PublicEnquiryInput): Promise<{ received: true }> {
  const company = await publicCompanyBySlug(slug);
  if (!company) throw notFound();
  await consume(PUBLIC_ENQUIRY_LIMITS.perVisitor, `${ctx.ip ?? "unknown"}:${company.id}`);
  await consume(PUBLIC_ENQUIRY_LIMITS.perCompany, company.id);
  // A bot filled the field people can't see: answer as if it worked, keep nothing.
  if (input.website && input.website.trim() !== "") return { received: true };

  const { website: _honeypot, ...fields } = input;
  const db = tenantDb(company.id);
  await db.$transaction(async (tx) => {
    await ensureStagesIn(tx, company.id);
    const first = (await findActiveStages(tx))[0]!;
    const enquiry = await insertEnquiry(tx, {
      companyId: company.id,
      source: "PUBLIC_FORM",
      stageId: first.id,
      name: fields.name,
      email: fields.email ?? null,
      phone: fields.phone ?? null,
      addressLine1: fields.addressLine1 ?? null,
      town: fields.town ?? null,
      postcode: fields.postcode ?? null,
      description: fields.description,
      searchText: enquirySearchText(fields),
    });
    const office = await findOfficeMembers(tx);
    if (office.length > 0) {
      await queueEmail(tx, {
        companyId: company.id,
        to: office.map((o) => o.email),
        recipientUserIds: office.map((o) => o.id),
        template: "enquiry.received",
        props: {
          companyName: company.name,
          name: enquiry.name,
          email: enquiry.email,
          phone: enquiry.phone,
          place: [enquiry.town, enquiry.postcode].filter(Boolean).join(", ") || null,
          description: enquiry.description.slice(0, 1000),
          url: `${env().APP_URL}/admin/enquiries/${enquiry.id}`,
        },
        category: "enquiries",
        idempotencyKey: `enquiry-received:${enquiry.id}`,
        entityType: "Enquiry",
        entityId: enquiry.id,
      });
    }
    await insertPublicAuditEvent(tx, company.id, ctx, { entityId: enquiry.id, action: "enquiry.created", after: { ...fields, stage: first.name, source: "PUBLIC_FORM" } });
  });
  return { received: true };
}
