/**
 * The email job: claim the key, honour notification preferences, render, deliver through the
 * transport, and record the message + an `email.sent` audit event in one transaction with the
 * completed claim. A retried or duplicated job whose key is complete does nothing.
 */
import type { Prisma } from "@/generated/prisma/client.ts";
import { env } from "../config/env.ts";
import { unsafeUnscopedDb } from "../db/client.ts";
import { logger } from "../logging/logger.ts";
import { claimExecution, completeExecution, ExecutionBusy, releaseExecution } from "../queue/execution.ts";
import type { JobPayload } from "../queue/jobs.ts";
import { readStoredFile } from "../storage/storage.ts";
import { renderEmail } from "./render.ts";
import { QUANTRACT_BRANDING, type Branding } from "./templates/layout.tsx";
import { UNMUTABLE_CATEGORIES } from "./templates/index.ts";
import { emailTransport } from "./transports.ts";

export type DeliveryOutcome = "sent" | "skipped" | "duplicate";

async function brandingFor(companyId: string | null): Promise<Branding> {
  if (!companyId) return QUANTRACT_BRANDING;
  const c = await unsafeUnscopedDb().company.findUnique({
    where: { id: companyId },
    select: { name: true, brandPrimaryColor: true, phone: true, email: true },
  });
  return c ? { companyName: c.name, brandColor: c.brandPrimaryColor, phone: c.phone, email: c.email } : QUANTRACT_BRANDING;
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
  const rendered = renderEmail(p.template, p.props, await brandingFor(p.companyId));
  const base = {
    companyId: p.companyId,
    transport: transport.name,
    category: p.category,
    template: p.template,
    fromAddress: env().EMAIL_FROM,
    to: p.to,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    attachments: p.attachments as Prisma.InputJsonValue,
    idempotencyKey: key,
    entityType: p.entityType ?? null,
    entityId: p.entityId ?? null,
    clientId: p.clientId ?? null,
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

async function record(key: string, data: Prisma.EmailMessageUncheckedCreateInput, action: "email.sent" | "email.skipped") {
  await unsafeUnscopedDb().$transaction(async (tx) => {
    const message = await tx.emailMessage.create({ data });
    await tx.auditEvent.create({
      data: {
        companyId: data.companyId ?? null,
        entityType: "EmailMessage",
        entityId: message.id,
        action,
        metadata: { template: data.template, category: data.category, to: data.to, transport: data.transport, skipReason: data.skipReason ?? null },
        idempotencyKey: `${action}:${key}`,
      },
    });
    await completeExecution(tx, key);
  });
  logger.info({ idempotencyKey: key, action, template: data.template }, "email recorded");
}
