/** Signed agreements (read-only: they are made by the client's acceptance and never change). */
import { assertCan, type TenantContext } from "@/server/context.ts";
import { notFound } from "@/server/errors/errors.ts";
import { pageArgs, pageOf } from "@/server/http/pagination.ts";
import type { AgreementView, ListAgreementsQuery } from "./agreements.schema.ts";

const include = { quote: { select: { number: true, title: true, clientId: true, client: { select: { name: true } } } }, quoteVersion: { select: { version: true } } } as const;

type Row = Awaited<ReturnType<TenantContext["db"]["agreement"]["findFirstOrThrow"]>> & {
  quote: { number: string; title: string; clientId: string; client: { name: string } };
  quoteVersion: { version: number };
};

async function certificates(ctx: TenantContext, ids: string[]) {
  const files = ids.length
    ? await ctx.db.storedFile.findMany({ where: { entityType: "Agreement", entityId: { in: ids }, kind: "pdf:agreement-certificate" }, select: { id: true, entityId: true } })
    : [];
  return new Map(files.map((f) => [f.entityId!, `/api/admin/files/${f.id}/download`]));
}

function view(a: Row, certs: Map<string, string>): AgreementView {
  return {
    id: a.id,
    quoteId: a.quoteId,
    quoteNumber: a.quote.number,
    quoteTitle: a.quote.title,
    clientId: a.quote.clientId,
    clientName: a.quote.client.name,
    version: a.quoteVersion.version,
    signerName: a.signerName,
    acceptedAt: a.acceptedAt.toISOString(),
    grossPence: a.grossPence,
    choice: a.choice as AgreementView["choice"],
    snapshotHash: a.snapshotHash,
    ip: a.ip,
    userAgent: a.userAgent,
    certificateUrl: certs.get(a.id) ?? null,
  };
}

export async function listAgreements(ctx: TenantContext, q: ListAgreementsQuery) {
  assertCan(ctx, "quotes.manage");
  const { where: cursorWhere, ...page } = pageArgs(q);
  const rows = (await ctx.db.agreement.findMany({
    ...page,
    where: { ...cursorWhere, ...(q.quoteId ? { quoteId: q.quoteId } : {}), ...(q.clientId ? { quote: { clientId: q.clientId } } : {}) },
    include,
  })) as Row[];
  const p = pageOf(rows, q.limit);
  const certs = await certificates(ctx, p.items.map((a) => a.id));
  return { items: p.items.map((a) => view(a, certs)), nextCursor: p.nextCursor };
}

export async function getAgreement(ctx: TenantContext, id: string): Promise<AgreementView> {
  assertCan(ctx, "quotes.manage");
  const a = (await ctx.db.agreement.findUnique({ where: { id }, include })) as Row | null;
  if (!a) throw notFound();
  return view(a, await certificates(ctx, [a.id]));
}
