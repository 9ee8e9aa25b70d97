import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { InvoiceEditor } from "@/modules/invoices/components/InvoiceEditor.tsx";
import { isDeductionLine } from "@/modules/invoices/invoice-money.ts";
import { getInvoice } from "@/modules/invoices/invoices.service.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { requireTenantPage } from "@/server/http/portal.ts";
import { PageHeader } from "@/ui";
import { formatMoney } from "@/ui/format.ts";

export const metadata: Metadata = { title: "Edit draft invoice" };

export default async function EditInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireTenantPage(policy.can("invoices.manage"));
  const { id } = await params;
  const inv = await loadOrUnavailable(() => getInvoice(ctx, id));
  // Issued invoices are immutable: their page offers a credit note instead.
  if (inv.status !== "DRAFT") redirect(`/admin/invoices/${id}`);
  // A FINAL invoice's "Less deposit" lines follow the deposits: the server keeps them on every save.
  const deductions = inv.lines.filter(isDeductionLine);
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <PageHeader title={`Edit draft: ${inv.title}`} back={{ href: `/admin/invoices/${id}`, label: "Back to the invoice" }} subtitle={inv.clientName} />
      {deductions.length > 0 && (
        <p className="text-sm text-neutral-600">
          {deductions.map((l) => `${l.description} (${formatMoney(l.netPence)} + VAT)`).join("; ")}: kept on the invoice whatever you change below.
        </p>
      )}
      <InvoiceEditor invoiceId={id} initial={{ title: inv.title, notes: inv.notes, supplyDate: inv.supplyDate, lines: inv.lines.filter((l) => !isDeductionLine(l)) }} />
    </div>
  );
}
