/** Tenant-scoped data access for price book items (Prisma only here). */
import type { Prisma } from "@/generated/prisma/client.ts";
import type { TenantDb, TenantTx } from "@/server/db/tenancy.ts";
import { pageArgs } from "@/server/http/pagination.ts";
import type { ListPriceBookQuery } from "./pricebook.schema.ts";

type Db = TenantDb | TenantTx;

export async function findItems(db: Db, q: ListPriceBookQuery) {
  const { where: cursorWhere, ...page } = pageArgs(q);
  const where: Prisma.PriceBookItemWhereInput = {
    ...cursorWhere,
    ...(q.archived === "exclude" ? { archivedAt: null } : q.archived === "only" ? { archivedAt: { not: null } } : {}),
    ...(q.q ? { description: { contains: q.q, mode: "insensitive" } } : {}),
  };
  return db.priceBookItem.findMany({ ...page, where });
}

/** The item when it belongs to the context's company, else null. */
export async function findItem(db: Db, id: string) {
  return db.priceBookItem.findUnique({ where: { id } });
}

export async function insertItem(tx: TenantTx, companyId: string, data: Omit<Prisma.PriceBookItemUncheckedCreateInput, "companyId">) {
  return tx.priceBookItem.create({ data: { ...data, companyId } });
}

export async function updateItemRow(tx: TenantTx, id: string, data: Prisma.PriceBookItemUncheckedUpdateInput) {
  return tx.priceBookItem.update({ where: { id }, data });
}

/** The company's default VAT rate (a new item starts with it). */
export async function findDefaultVat(db: Db, companyId: string) {
  const c = await db.company.findFirstOrThrow({ where: { id: companyId }, select: { defaultVatRateBps: true } });
  return c.defaultVatRateBps;
}
