import type { Metadata } from "next";
import { QuoteBuilder } from "@/modules/quotes/components/QuoteBuilder.tsx";
import { quotableClient } from "@/modules/quotes/quotes.service.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { requireTenantPage } from "@/server/http/portal.ts";
import { PageHeader } from "@/ui";

export const metadata: Metadata = { title: "New quote" };

export default async function NewQuotePage({ searchParams }: { searchParams: Promise<{ clientId?: string }> }) {
  const ctx = await requireTenantPage(policy.can("quotes.manage"));
  const { clientId } = await searchParams;
  const [client, company] = await loadOrUnavailable(() =>
    Promise.all([
      clientId && /^[0-9a-f-]{36}$/i.test(clientId) ? quotableClient(ctx, clientId) : Promise.resolve(null),
      ctx.db.company.findFirstOrThrow({ where: { id: ctx.companyId }, select: { defaultVatRateBps: true } }),
    ]),
  );
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-2">
      <PageHeader title="New quote" back={{ href: "/admin/quotes", label: "Quotes" }} />
      <QuoteBuilder initial={{ title: "", introduction: null, terms: null, lines: [] }} initialClient={client} defaultVat={company.defaultVatRateBps} />
    </div>
  );
}
