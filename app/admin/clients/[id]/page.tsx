import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { CLIENT_KIND_LABELS } from "@/modules/clients/clients.schema.ts";
import { clientTimeline } from "@/modules/clients/client-timeline.ts";
import { clientEmails, getClient } from "@/modules/clients/clients.service.ts";
import { ClientActions } from "@/modules/clients/components/ClientActions.tsx";
import { ClientTimeline } from "@/modules/clients/components/ClientTimeline.tsx";
import { ContactsSection } from "@/modules/clients/components/ContactsSection.tsx";
import { NoteForm } from "@/modules/clients/components/NoteForm.tsx";
import { SitesSection } from "@/modules/clients/components/SitesSection.tsx";
import { can } from "@/server/context.ts";
import { classifyError } from "@/server/errors/classify.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { loadChrome, requireTenantPage } from "@/server/http/portal.ts";
import { Button, Card, cx, DataTable, EmptyState, formatDateTime, MetaItem, PageHeader, StatusBadge } from "@/ui";

export const metadata: Metadata = { title: "Client" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ClientPage({ params, searchParams }: Props) {
  const ctx = await requireTenantPage(policy.can("clients.view"));
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const tab = (await searchParams).tab === "communication" ? "communication" : "overview";
  const load = async () => {
    try {
      return await getClient(ctx, id);
    } catch (err) {
      if (classifyError(err).code === "NOT_FOUND") return null;
      throw err;
    }
  };
  const client = await loadOrUnavailable(load);
  if (!client) notFound();
  const chrome = await loadChrome(ctx);
  const canManage = can(ctx, "clients.manage");
  const canQuote = can(ctx, "quotes.manage");
  const [timeline, emails] = await loadOrUnavailable(() =>
    Promise.all([tab === "overview" ? clientTimeline(ctx, id) : Promise.resolve([]), tab === "communication" ? clientEmails(ctx, id, { limit: 50 }) : Promise.resolve(null)]),
  );
  const tabs = [
    { key: "overview", label: "Overview", href: `/admin/clients/${id}` },
    { key: "communication", label: "Communication", href: `/admin/clients/${id}?tab=communication` },
  ];

  return (
    <div className="mx-auto flex max-w-6xl flex-col">
      <PageHeader
        back={{ href: "/admin/clients", label: "Clients" }}
        title={client.name}
        subtitle={[CLIENT_KIND_LABELS[client.kind], client.email, client.phone].filter(Boolean).join(" · ")}
        meta={
          client.tags.length || client.archivedAt ? (
            <>
              {client.archivedAt ? <StatusBadge status="void" label="Archived" /> : null}
              {client.tags.map((t) => (
                <Link key={t} href={`/admin/clients?tag=${encodeURIComponent(t)}`} className="rounded-full bg-neutral-100 px-2 py-0.5 text-xs text-neutral-700 hover:bg-neutral-200">
                  {t}
                </Link>
              ))}
            </>
          ) : undefined
        }
        actions={
          canManage || canQuote ? (
            <>
              {canQuote && !client.archivedAt ? (
                <Button href={`/admin/quotes/new?clientId=${client.id}`} iconStart="plus">
                  New quote
                </Button>
              ) : null}
              {canManage ? <ClientActions client={client} /> : null}
            </>
          ) : undefined
        }
      />
      <nav aria-label="Client sections" className="mb-6 flex gap-1 border-b border-neutral-200">
        {tabs.map((t) => (
          <Link
            key={t.key}
            href={t.href}
            aria-current={tab === t.key ? "page" : undefined}
            className={cx(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
              tab === t.key ? "border-brand-600 text-neutral-900" : "border-transparent text-neutral-600 hover:text-neutral-900",
            )}
          >
            {t.label}
          </Link>
        ))}
      </nav>

      {tab === "communication" ? (
        <Card title="Email sent to this client" padding="none">
          <DataTable
            caption="Email sent to this client"
            rows={emails?.items ?? []}
            rowKey={(m) => m.id}
            columns={[
              { key: "subject", header: "Subject", maxWidth: "28rem", cell: (m) => m.subject },
              { key: "to", header: "To", hideBelow: "md", maxWidth: "18rem", cell: (m) => m.to.join(", ") },
              { key: "date", header: "Sent", cell: (m) => formatDateTime(m.sentAt ?? m.createdAt, chrome.timeZone) },
              {
                key: "status",
                header: "Status",
                cell: (m) => <StatusBadge status={m.status === "SKIPPED" ? "void" : m.status.toLowerCase()} label={m.status.charAt(0) + m.status.slice(1).toLowerCase()} />,
              },
            ]}
            empty={<EmptyState icon="mail" title="No email yet" text="Quotes, invoices and reminders sent to this client will be listed here." headingLevel={3} />}
          />
        </Card>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
          <div className="flex min-w-0 flex-col gap-6">
            <Card title="Details">
              <div className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
                <MetaItem label="Type">{CLIENT_KIND_LABELS[client.kind]}</MetaItem>
                <MetaItem label="Email">{client.email ? <a className="break-all hover:underline" href={`mailto:${client.email}`}>{client.email}</a> : "—"}</MetaItem>
                <MetaItem label="Phone">{client.phone ? <a className="hover:underline" href={`tel:${client.phone.replace(/\s+/g, "")}`}>{client.phone}</a> : "—"}</MetaItem>
                <MetaItem label="Payment terms">{client.paymentTermsDays !== null ? `${client.paymentTermsDays} days` : "Company default"}</MetaItem>
                <MetaItem label="VAT and CIS">
                  {[client.vatRegistered ? `VAT-registered${client.vatNumber ? ` (${client.vatNumber})` : ""}` : "Not VAT-registered", client.cisContractor ? `CIS contractor at ${(client.cisRateBps ?? 2000) / 100}%` : null, client.reverseChargeEndUser ? "end user (no reverse charge)" : null].filter(Boolean).join(" · ")}
                </MetaItem>
                <MetaItem label="Added">{formatDateTime(client.createdAt, chrome.timeZone, { year: true })}</MetaItem>
              </div>
            </Card>
            <ContactsSection clientId={client.id} contacts={client.contacts} canManage={canManage} />
            <SitesSection clientId={client.id} sites={client.sites} canManage={canManage} />
          </div>
          <div className="flex min-w-0 flex-col gap-6">
            {canManage ? (
              <Card title="Notes">
                <NoteForm clientId={client.id} />
              </Card>
            ) : null}
            <Card>
              <ClientTimeline entries={timeline} timeZone={chrome.timeZone} />
            </Card>
          </div>
        </div>
      )}
    </div>
  );
}
