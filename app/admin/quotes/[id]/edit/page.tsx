import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { QuoteBuilder } from "@/modules/quotes/components/QuoteBuilder.tsx";
import { getQuote } from "@/modules/quotes/quotes.service.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { requireTenantPage } from "@/server/http/portal.ts";
import { PageHeader } from "@/ui";

export const metadata: Metadata = { title: "Edit quote" };

export default async function EditQuotePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireTenantPage(policy.can("quotes.manage"));
  const { id } = await params;
  const quote = await loadOrUnavailable(() => getQuote(ctx, id));
  if (quote.status !== "DRAFT") redirect(`/admin/quotes/${id}`);
  const company = await ctx.db.company.findFirstOrThrow({ where: { id: ctx.companyId }, select: { defaultVatRateBps: true } });
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-2">
      <PageHeader title={`Edit ${quote.number} (version ${quote.version})`} subtitle={quote.clientName} back={{ href: `/admin/quotes/${id}`, label: quote.number }} />
      <QuoteBuilder
        initial={{ id, title: quote.title, introduction: quote.introduction, terms: quote.terms, validUntil: quote.validUntil, depositBps: quote.depositBps, depositPence: quote.depositPence, lines: quote.lines }}
        defaultVat={company.defaultVatRateBps}
      />
    </div>
  );
}
