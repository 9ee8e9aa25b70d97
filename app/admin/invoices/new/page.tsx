import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CreateFromJob, CreateFromQuote } from "@/modules/invoices/components/CreateFromSource.tsx";
import { InvoiceEditor } from "@/modules/invoices/components/InvoiceEditor.tsx";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { requireTenantPage } from "@/server/http/portal.ts";
import { PageHeader } from "@/ui";

export const metadata: Metadata = { title: "New invoice" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function NewInvoicePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requireTenantPage(policy.can("invoices.manage"));
  const sp = await searchParams;
  if (sp.quoteId) {
    if (!UUID.test(sp.quoteId)) notFound();
    const quote = await loadOrUnavailable(() =>
      ctx.db.quote.findUnique({ where: { id: sp.quoteId }, include: { agreement: true, invoices: { where: { status: { not: "VOID" }, kind: "DEPOSIT" }, select: { id: true } } } }),
    );
    if (!quote) notFound();
    return (
      <div className="mx-auto flex max-w-3xl flex-col gap-6">
        <PageHeader title="New invoice from a quote" back={{ href: `/admin/quotes/${quote.id}`, label: quote.number }} subtitle={quote.title} />
        {quote.agreement ? (
          <CreateFromQuote quoteId={quote.id} quoteNumber={quote.number} acceptedPence={quote.agreement.grossPence} depositBps={quote.depositBps} hasDeposit={quote.invoices.length > 0} />
        ) : (
          <p className="text-sm">Only an accepted quote can be invoiced. This one is not accepted yet.</p>
        )}
      </div>
    );
  }
  if (sp.jobId) {
    if (!UUID.test(sp.jobId)) notFound();
    const job = await loadOrUnavailable(() => ctx.db.job.findUnique({ where: { id: sp.jobId }, select: { id: true, number: true, title: true } }));
    if (!job) notFound();
    return (
      <div className="mx-auto flex max-w-3xl flex-col gap-6">
        <PageHeader title="New invoice from a job" back={{ href: "/admin/invoices", label: "Invoices" }} subtitle={`${job.number} ${job.title}`} />
        <CreateFromJob jobId={job.id} jobNumber={job.number} title={job.title} />
      </div>
    );
  }
  // A client named in the link (from the client's page) is chosen already; any other is searched for.
  const client =
    sp.clientId && UUID.test(sp.clientId) ? await loadOrUnavailable(() => ctx.db.client.findFirst({ where: { id: sp.clientId, archivedAt: null }, select: { id: true, name: true } })) : null;
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <PageHeader title="New invoice" back={{ href: "/admin/invoices", label: "Invoices" }} subtitle="A blank draft: add lines, then issue it. To invoice an accepted quote, use the button on the quote." />
      <InvoiceEditor newFor={{ client }} />
    </div>
  );
}
