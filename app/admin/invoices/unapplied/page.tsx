import type { Metadata } from "next";
import Link from "next/link";
import { UnappliedActions } from "@/modules/invoices/components/UnappliedActions.tsx";
import { listUnappliedQuery, UNAPPLIED_STATUSES, type UnappliedPaymentOutput } from "@/modules/invoices/invoices.schema.ts";
import { UNAPPLIED_STATUS_LABELS } from "@/modules/invoices/invoice-labels.ts";
import { listUnappliedPayments, refundsGoThroughStripe } from "@/modules/invoices/unapplied-payments.service.ts";
import { can } from "@/server/context.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { loadChrome, requireTenantPage } from "@/server/http/portal.ts";
import { Card, DataTable, EmptyState, formatDateTime, formatMoney, PageHeader, Select, Button, StatusBadge, type DataTableColumn } from "@/ui";

export const metadata: Metadata = { title: "Unapplied card payments" };


export default async function UnappliedPaymentsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requireTenantPage(policy.can("invoices.view"));
  const sp = await searchParams;
  const chrome = await loadChrome(ctx);
  const parsed = listUnappliedQuery.safeParse({ status: sp.status === "ALL" ? undefined : (sp.status ?? "OPEN"), cursor: sp.cursor || undefined, limit: 50 });
  const query = parsed.success ? parsed.data : listUnappliedQuery.parse({ status: "OPEN", limit: 50 });
  const [page, viaStripe] = await loadOrUnavailable(() => Promise.all([listUnappliedPayments(ctx, query), refundsGoThroughStripe(ctx)]));
  const canResolve = can(ctx, "payments.manage");
  const statusParam = query.status ?? "ALL";
  const more = page.nextCursor ? `/admin/invoices/unapplied?${new URLSearchParams({ status: statusParam, cursor: page.nextCursor })}` : undefined;

  const columns: DataTableColumn<UnappliedPaymentOutput>[] = [
    { key: "received", header: "Received", cell: (u) => formatDateTime(u.createdAt, chrome.timeZone), hideBelow: "md" },
    {
      key: "invoice",
      header: "Invoice",
      cell: (u) => (
        <Link href={`/admin/invoices/${u.invoiceId}`} className="font-medium text-neutral-900 hover:underline">
          {u.invoiceNumber ?? "Draft"}
        </Link>
      ),
    },
    { key: "client", header: "Client", cell: (u) => u.clientName, maxWidth: "12rem", hideBelow: "sm" },
    { key: "amount", header: "Amount", numeric: true, cell: (u) => formatMoney(u.amountPence) },
    { key: "reason", header: "Why it wasn't applied", cell: (u) => u.reason, maxWidth: "16rem", wrap: true, hideBelow: "lg" },
    {
      key: "status",
      header: "Status",
      wrap: true,
      hideBelow: "sm",
      cell: (u) => (
        <span className="flex flex-col gap-1">
          <StatusBadge status={u.status} label={UNAPPLIED_STATUS_LABELS[u.status]} tone={u.status === "OPEN" ? "warning" : "success"} size="sm" />
          {u.resolutionNote ? <span className="text-xs text-neutral-600">{u.resolutionNote}</span> : null}
        </span>
      ),
    },
    {
      key: "actions",
      header: <span className="sr-only">Actions</span>,
      wrap: true,
      cell: (u) => (u.status === "OPEN" && canResolve ? <UnappliedActions id={u.id} amountPence={u.amountPence} invoiceNumber={u.invoiceNumber} stripe={viaStripe} /> : null),
    },
  ];

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <PageHeader
        title="Unapplied card payments"
        back={{ href: "/admin/invoices", label: "Invoices" }}
        subtitle="Card payments Stripe took for an invoice that had been voided or paid in full meanwhile. They are not on any invoice: refund each one, or record how you resolved it."
      />
      <Card padding="none">
        <form method="get" aria-label="Filter unapplied payments" className="flex flex-col gap-3 border-b border-neutral-200 p-4 sm:flex-row sm:items-end">
          <Select
            name="status"
            label="Show"
            defaultValue={statusParam}
            options={[...UNAPPLIED_STATUSES.map((s) => ({ value: s, label: UNAPPLIED_STATUS_LABELS[s] })), { value: "ALL", label: "All" }]}
            containerClassName="sm:w-48"
          />
          <Button type="submit" variant="secondary">
            Show
          </Button>
        </form>
        <DataTable
          caption="Unapplied card payments"
          columns={columns}
          rows={page.items}
          rowKey={(u) => u.id}
          hasMore={!!page.nextCursor}
          loadMoreHref={more}
          empty={<EmptyState title={query.status === "OPEN" ? "Nothing needs action" : "No unapplied payments"} text="Card money that arrives for a voided or already-paid invoice shows up here, and the office is emailed." />}
        />
      </Card>
    </div>
  );
}
