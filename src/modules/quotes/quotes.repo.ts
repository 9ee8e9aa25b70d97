import type { Prisma } from "@/generated/prisma/client.ts";
import type { TenantDb, TenantTx } from "@/server/db/tenancy.ts";
import { pageArgs } from "@/server/http/pagination.ts";
import type { ListQuotesQuery, QuoteLineInput } from "./quotes.schema.ts";

type Db = TenantDb | TenantTx;

export async function findQuotes(db: TenantDb, q: ListQuotesQuery) {
  const { where: cursorWhere, ...page } = pageArgs(q);
  return db.quote.findMany({
    ...page,
    where: { ...cursorWhere, ...(q.status ? { status: q.status } : {}), ...(q.clientId ? { clientId: q.clientId } : {}) },
    include: { client: { select: { name: true } } },
  });
}

export async function findQuote(db: Db, id: string) {
  return db.quote.findUnique({
    where: { id },
    include: {
      client: { select: { name: true } },
      lines: { orderBy: { position: "asc" } },
      versions: { orderBy: { version: "asc" }, select: { id: true, version: true, grossPence: true, sentAt: true, snapshotHash: true } },
    },
  });
}

/** Locks the quote row for the rest of the transaction (status changes are serialised). */
export async function lockQuote(tx: TenantTx, companyId: string, id: string) {
  await tx.$queryRaw`SELECT 1 FROM "Quote" WHERE "companyId" = ${companyId}::uuid AND "id" = ${id}::uuid FOR UPDATE`;
}

export async function findClientSite(db: Db, clientId: string, siteId: string | null | undefined) {
  const client = await db.client.findUnique({ where: { id: clientId }, select: { id: true, name: true, archivedAt: true } });
  const site = siteId ? await db.site.findFirst({ where: { id: siteId, clientId }, select: { id: true } }) : null;
  return { client, site };
}

export async function replaceLines(tx: TenantTx, companyId: string, quoteId: string, lines: QuoteLineInput[]) {
  await tx.quoteLine.deleteMany({ where: { quoteId } });
  if (lines.length === 0) return;
  await tx.quoteLine.createMany({
    data: lines.map((l, position) => ({
      companyId,
      quoteId,
      position,
      section: l.section ?? null,
      kind: l.kind,
      description: l.description,
      quantityMilli: l.quantityMilli,
      unitPricePence: l.unitPricePence,
      markupBps: l.markupBps,
      discountBps: l.discountBps,
      vatRateBps: l.vatRateBps,
      placement: l.placement,
      groupName: l.placement === "OPTION" ? (l.groupName ?? null) : null,
      optionName: l.placement === "OPTION" ? (l.optionName ?? null) : null,
      addonName: l.placement === "ADDON" ? (l.addonName ?? null) : null,
    })),
  });
}

export type QuoteCreateData = Omit<Prisma.QuoteUncheckedCreateInput, "lines" | "versions" | "links">;

/** The newest quote made from an enquiry (converting creates one), if any. */
export async function findQuoteByEnquiry(db: Db, enquiryId: string) {
  return db.quote.findFirst({ where: { enquiryId }, orderBy: { id: "desc" }, select: { id: true, number: true, status: true } });
}

/** A client's quotes with what happened to them (sent versions, the agreement), newest first: its timeline's quote entries. */
export async function findClientQuoteHistory(db: Db, clientId: string, limit: number) {
  return db.quote.findMany({
    where: { clientId },
    orderBy: { id: "desc" },
    take: limit,
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      grossPence: true,
      createdAt: true,
      createdById: true,
      respondedAt: true,
      responseComment: true,
      versions: { orderBy: { version: "desc" }, take: limit, select: { id: true, version: true, grossPence: true, sentAt: true, sentById: true } },
      agreement: { select: { id: true, signerName: true, grossPence: true, acceptedAt: true } },
    },
  });
}
