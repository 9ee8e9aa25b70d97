/** A person's email notification choices in their active company (muted categories are skipped by the worker, and the skip recorded). */
import { audit } from "@/server/audit/audit.ts";
import { requireTenant, type RequestContext } from "@/server/context.ts";
import { MUTABLE_EMAIL_CATEGORIES } from "@/server/email/categories.ts";
import { notFound } from "@/server/errors/errors.ts";
import type { NotificationPreferences, NotificationPreferencesInput } from "./notifications.schema.ts";

export async function getNotificationPreferences(ctx: RequestContext): Promise<NotificationPreferences> {
  const t = requireTenant(ctx);
  const m = await t.db.companyMembership.findUnique({ where: { companyId_userId: { companyId: t.companyId, userId: t.user.id } }, select: { mutedEmailCategories: true } });
  if (!m) throw notFound();
  return { categories: MUTABLE_EMAIL_CATEGORIES.map((c) => ({ ...c, enabled: !m.mutedEmailCategories.includes(c.key) })) };
}

export async function setNotificationPreferences(ctx: RequestContext, input: NotificationPreferencesInput): Promise<NotificationPreferences> {
  const t = requireTenant(ctx);
  await t.db.$transaction(async (tx) => {
    const m = await tx.companyMembership.findUnique({ where: { companyId_userId: { companyId: t.companyId, userId: t.user.id } } });
    if (!m) throw notFound();
    const muted = [...new Set(input.muted)].sort();
    await tx.companyMembership.update({ where: { id: m.id }, data: { mutedEmailCategories: muted } });
    await audit(tx, t, { entityType: "User", entityId: t.user.id, action: "account.notifications_updated", before: { muted: m.mutedEmailCategories }, after: { muted } });
  });
  return getNotificationPreferences(ctx);
}
