import type { Metadata } from "next";
import { QuoteBuilder } from "@/modules/quotes/components/QuoteBuilder.tsx";
import { quotableClients } from "@/modules/quotes/quotes.service.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { requireTenantPage } from "@/server/http/portal.ts";
import { PageHeader } from "@/ui";

export const metadata: Metadata = { title: "New quote" };

export default async function NewQuotePage({ searchParams }: { searchParams: Promise<{ clientId?: string }> }) {
  const ctx = await requireTenantPage(policy.can("quotes.manage"));
  const { clientId } = await searchParams;
  const [clients, company] = await loadOrUnavailable(() =>
    Promise.all([quotableClients(ctx), ctx.db.company.findFirstOrThrow({ where: { id: ctx.companyId }, select: { defaultVatRateBps: true } })]),
  );
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-2">
      <PageHeader title="New quote" back={{ href: "/admin/quotes", label: "Quotes" }} />
      <QuoteBuilder initial={{ clientId, title: "", introduction: null, terms: null, lines: [] }} clients={clients} defaultVat={company.defaultVatRateBps} />
    </div>
  );
}
