/**
 * The email job: claim the key, honour notification preferences, render, deliver through the
 * transport, and record the message + an `email.sent` audit event in one transaction with the
 * completed claim. A retried or duplicated job whose key is complete does nothing.
 */
import type { Prisma } from "@/generated/prisma/client.ts";
import { env } from "../config/env.ts";
import { ttlCache } from "../cache/ttl-cache.ts";
import { unsafeUnscopedDb } from "../db/client.ts";
import { tenantDb } from "../db/tenancy.ts";
import { uuid7 } from "../db/uuid7.ts";
import { logger } from "../logging/logger.ts";
import { claimExecution, ExecutionBusy, releaseExecution } from "../queue/execution.ts";
import type { JobPayload } from "../queue/jobs.ts";
import { readStoredFile } from "../storage/storage.ts";
import { openSecret } from "../auth/secret-box.ts";
import { redactLinks } from "./links.ts";
import { renderEmail } from "./render.ts";
import { SEALED_PROPS_PURPOSE } from "./queue-email.ts";
import { QUANTRACT_BRANDING, type Branding } from "./templates/layout.tsx";
import { UNMUTABLE_CATEGORIES } from "./templates/index.ts";
import { emailTransport } from "./transports.ts";

export type DeliveryOutcome = "sent" | "skipped" | "duplicate";

// Branding changes rarely; a few seconds' staleness beats a query per email.
const brandingCache = ttlCache<string, Branding>(30_000);

async function brandingFor(companyId: string | null): Promise<Branding> {
  if (!companyId) return QUANTRACT_BRANDING;
  return brandingCache.get(companyId, async () => {
    const c = await tenantDb(companyId).company.findFirst({ select: { name: true, brandPrimaryColor: true, phone: true, email: true } });
    return c ? { companyName: c.name, brandColor: c.brandPrimaryColor, phone: c.phone, email: c.email } : QUANTRACT_BRANDING;
  });
}

/** Recipients who muted this category (per-user preference within the sending company). */
async function mutedRecipients(p: JobPayload<"email.send">): Promise<Set<string>> {
  if (!p.companyId || p.recipientUserIds.length === 0 || UNMUTABLE_CATEGORIES.has(p.category)) return new Set();
  const members = await unsafeUnscopedDb().companyMembership.findMany({
    where: { companyId: p.companyId, userId: { in: p.recipientUserIds }, mutedEmailCategories: { has: p.category } },
    select: { user: { select: { email: true } } },
  });
  return new Set(members.map((m) => m.user.email));
}

export async function deliverEmail(key: string, p: JobPayload<"email.send">, leaseMs = env().JOB_LOCK_MS): Promise<DeliveryOutcome> {
  const claim = await claimExecution(key, "email", "email.send", leaseMs);
  if (claim === "done") return "duplicate";
  if (claim === "busy") throw new ExecutionBusy(key);

  const transport = emailTransport();
  const muted = await mutedRecipients(p);
  const to = p.to.filter((address) => !muted.has(address));
  const props = p.sealedProps ? { ...p.props, ...(JSON.parse(openSecret(p.sealedProps, SEALED_PROPS_PURPOSE)) as object) } : p.props;
  const rendered = renderEmail(p.template, props, await brandingFor(p.companyId));
  // The history keeps what was said, but not a live one-time link when the provider delivered it.
  const kept = p.sealedProps && transport.name !== "mailbox" ? redactLinks(rendered) : rendered;
  const base = {
    companyId: p.companyId,
    transport: transport.name,
    category: p.category,
    template: p.template,
    fromAddress: env().EMAIL_FROM,
    to: p.to,
    subject: kept.subject,
    html: kept.html,
    text: kept.text,
    attachments: p.attachments as Prisma.InputJsonValue,
    idempotencyKey: key,
    entityType: p.entityType ?? null,
    entityId: p.entityId ?? null,
    clientId: p.clientId ?? null,
    ...(p.messageId ? { id: p.messageId } : {}),
  };

  if (to.length === 0) {
    await record(key, { ...base, status: "SKIPPED", skipReason: `muted:${p.category}` }, "email.skipped");
    return "skipped";
  }

  let providerMessageId: string | null;
  try {
    const attachments = await Promise.all(
      p.attachments.map(async (a) => ({ fileName: a.fileName, contentType: a.contentType, content: await readStoredFile(a.storageKey) })),
    );
    ({ providerMessageId } = await transport.send({ from: env().EMAIL_FROM, to, subject: rendered.subject, html: rendered.html, text: rendered.text, attachments, idempotencyKey: key }));
  } catch (err) {
    await releaseExecution(key, (err as Error).message);
    throw err;
  }
  await record(key, { ...base, to, status: "SENT", providerMessageId, sentAt: new Date() }, "email.sent");
  return "sent";
}

type EmailRecord = Omit<Prisma.EmailMessageUncheckedCreateInput, "to"> & { to: string[]; attachments: Prisma.InputJsonValue };

/**
 * The message, its audit event and the completed claim in ONE statement (atomic, one round trip:
 * this is the hot path of every email; measured in `npm run bench:worker`).
 */
async function record(key: string, d: EmailRecord, action: "email.sent" | "email.skipped") {
  const messageId = d.id ?? uuid7();
  const metadata = { template: d.template, category: d.category, to: d.to, transport: d.transport, skipReason: d.skipReason ?? null };
  await unsafeUnscopedDb().$executeRaw`
    WITH message AS (
      INSERT INTO "EmailMessage" ("id", "companyId", "transport", "category", "template", "fromAddress", "to", "subject", "html", "text",
        "attachments", "status", "skipReason", "providerMessageId", "idempotencyKey", "entityType", "entityId", "clientId", "sentAt")
      VALUES (${messageId}::uuid, ${d.companyId ?? null}::uuid, ${d.transport}, ${d.category}, ${d.template}, ${d.fromAddress}, ${d.to}::text[],
        ${d.subject}, ${d.html}, ${d.text}, ${JSON.stringify(d.attachments)}::jsonb, ${d.status}::"EmailStatus", ${d.skipReason ?? null},
        ${d.providerMessageId ?? null}, ${key}, ${d.entityType ?? null}, ${d.entityId ?? null}, ${d.clientId ?? null}::uuid, ${d.sentAt ?? null}::timestamp)
      RETURNING "id"
    ), audit AS (
      INSERT INTO "AuditEvent" ("id", "companyId", "entityType", "entityId", "action", "metadata", "idempotencyKey", "createdAt")
      SELECT ${uuid7()}::uuid, ${d.companyId ?? null}::uuid, 'EmailMessage', "id"::text, ${action}, ${JSON.stringify(metadata)}::jsonb, ${`${action}:${key}`}, now()
      FROM message
    )
    UPDATE "JobExecution" SET "status" = 'COMPLETED', "completedAt" = now()
    WHERE "idempotencyKey" = ${key} AND EXISTS (SELECT 1 FROM message)`;
  logger.info({ idempotencyKey: key, action, template: d.template }, "email recorded");
}
