/**
 * Price book use cases: the office's saved lines (kind, description, unit price, markup, VAT) that
 * the quote builder copies into a quote. Managed by whoever manages quotes; every create, update
 * and archive is audited in the same transaction as the change. Archiving keeps the row (quotes
 * already copied from it are unaffected) and hides it from the picker.
 */
import type { PriceBookItem } from "@/generated/prisma/client.ts";
import { audit } from "@/server/audit/audit.ts";
import { assertCan, type TenantContext } from "@/server/context.ts";
import { notFound } from "@/server/errors/errors.ts";
import { pageOf } from "@/server/http/pagination.ts";
import { findDefaultVat, findItem, findItems, insertItem, updateItemRow } from "./pricebook.repo.ts";
import type { CreatePriceBookItemInput, ListPriceBookQuery, PriceBookItemView, UpdatePriceBookItemInput } from "./pricebook.schema.ts";

export const PRICE_BOOK_ENTITY = "PriceBookItem";
const CAPABILITY = "quotes.manage";

export function priceBookItemView(i: PriceBookItem): PriceBookItemView {
  return {
    id: i.id,
    kind: i.kind,
    description: i.description,
    unit: i.unit,
    unitPricePence: i.unitPricePence,
    markupBps: i.markupBps,
    vatRateBps: i.vatRateBps,
    archivedAt: i.archivedAt?.toISOString() ?? null,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

export async function listPriceBook(ctx: TenantContext, q: ListPriceBookQuery) {
  assertCan(ctx, CAPABILITY);
  const page = pageOf(await findItems(ctx.db, q), q.limit);
  return { items: page.items.map(priceBookItemView), nextCursor: page.nextCursor };
}

/** The VAT rate a new item starts with: the company's default. */
export async function priceBookDefaultVat(ctx: TenantContext): Promise<number | null> {
  assertCan(ctx, CAPABILITY);
  return findDefaultVat(ctx.db, ctx.companyId);
}

export async function getPriceBookItem(ctx: TenantContext, id: string): Promise<PriceBookItemView> {
  assertCan(ctx, CAPABILITY);
  const item = await findItem(ctx.db, id);
  if (!item) throw notFound();
  return priceBookItemView(item);
}

export async function createPriceBookItem(ctx: TenantContext, input: CreatePriceBookItemInput): Promise<PriceBookItemView> {
  assertCan(ctx, CAPABILITY);
  return ctx.db.$transaction(async (tx) => {
    const data = {
      kind: input.kind,
      description: input.description,
      unit: input.unit ?? null,
      unitPricePence: input.unitPricePence,
      markupBps: input.markupBps,
      vatRateBps: input.vatRateBps,
    };
    const item = await insertItem(tx, ctx.companyId, data);
    await audit(tx, ctx, { entityType: PRICE_BOOK_ENTITY, entityId: item.id, action: "pricebook.created", after: data });
    return priceBookItemView(item);
  });
}

export async function updatePriceBookItem(ctx: TenantContext, id: string, input: UpdatePriceBookItemInput): Promise<PriceBookItemView> {
  assertCan(ctx, CAPABILITY);
  return ctx.db.$transaction(async (tx) => {
    const current = await findItem(tx, id);
    if (!current) throw notFound();
    const after = Object.fromEntries(
      Object.entries(input).filter(([k, v]) => v !== undefined && (current as Record<string, unknown>)[k] !== v),
    ) as Partial<UpdatePriceBookItemInput>;
    if (Object.keys(after).length === 0) return priceBookItemView(current);
    const before = Object.fromEntries(Object.keys(after).map((k) => [k, (current as Record<string, unknown>)[k] ?? null]));
    const item = await updateItemRow(tx, id, after);
    await audit(tx, ctx, { entityType: PRICE_BOOK_ENTITY, entityId: id, action: "pricebook.updated", before, after });
    return priceBookItemView(item);
  });
}

/** Hides the item from the picker and the default list; its history stays. Archiving twice is a no-op. */
export async function archivePriceBookItem(ctx: TenantContext, id: string): Promise<PriceBookItemView> {
  assertCan(ctx, CAPABILITY);
  return ctx.db.$transaction(async (tx) => {
    const current = await findItem(tx, id);
    if (!current) throw notFound();
    if (current.archivedAt) return priceBookItemView(current);
    const item = await updateItemRow(tx, id, { archivedAt: new Date() });
    await audit(tx, ctx, {
      entityType: PRICE_BOOK_ENTITY,
      entityId: id,
      action: "pricebook.archived",
      before: { description: current.description, archivedAt: null },
      after: { archivedAt: item.archivedAt },
    });
    return priceBookItemView(item);
  });
}
