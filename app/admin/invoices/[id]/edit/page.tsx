import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { InvoiceEditor } from "@/modules/invoices/components/InvoiceEditor.tsx";
import { getInvoice } from "@/modules/invoices/invoices.service.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { requireTenantPage } from "@/server/http/portal.ts";
import { PageHeader } from "@/ui";

export const metadata: Metadata = { title: "Edit draft invoice" };

export default async function EditInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireTenantPage(policy.can("invoices.manage"));
  const { id } = await params;
  const inv = await loadOrUnavailable(() => getInvoice(ctx, id));
  // Issued invoices are immutable: their page offers a credit note instead.
  if (inv.status !== "DRAFT") redirect(`/admin/invoices/${id}`);
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <PageHeader title={`Edit draft: ${inv.title}`} back={{ href: `/admin/invoices/${id}`, label: "Back to the invoice" }} subtitle={inv.clientName} />
      <InvoiceEditor invoiceId={id} initial={{ title: inv.title, notes: inv.notes, supplyDate: inv.supplyDate, lines: inv.lines }} />
    </div>
  );
}
