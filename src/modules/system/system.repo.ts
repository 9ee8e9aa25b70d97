import type { TenantDb } from "@/server/db/tenancy.ts";
import { pageArgs } from "@/server/http/pagination.ts";
import type { MailboxQuery } from "./system.schema.ts";

export async function findMailbox(db: TenantDb, q: MailboxQuery) {
  const { where: cursorWhere, ...page } = pageArgs(q);
  return db.emailMessage.findMany({
    ...page,
    where: { ...cursorWhere, ...(q.to ? { to: { has: q.to } } : {}) },
    select: { id: true, to: true, subject: true, text: true, attachments: true, template: true, category: true, status: true, transport: true, createdAt: true },
  });
}

export async function findMailboxMessage(db: TenantDb, id: string) {
  return db.emailMessage.findUnique({ where: { id } });
}
