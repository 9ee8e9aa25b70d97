import type { Metadata } from "next";
import Link from "next/link";
import { getMailboxMessage, listMailbox } from "@/modules/system/system.service.ts";
import { mailboxQuery } from "@/modules/system/system.schema.ts";
import { transportName } from "@/server/email/transports.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { loadChrome, requireTenantPage } from "@/server/http/portal.ts";
import { Button, Card, EmptyState, formatDateTime, Input, PageHeader, StatusBadge } from "@/ui";

export const metadata: Metadata = { title: "Mailbox" };

type Search = { to?: string; cursor?: string; id?: string };

export default async function MailboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requireTenantPage(policy.can("system.mailbox.view"));
  const chrome = await loadChrome(ctx);
  const sp = await searchParams;
  const q = mailboxQuery.safeParse({ to: sp.to || undefined, cursor: sp.cursor || undefined, limit: 25 });
  const query = q.success ? q.data : { limit: 25 };
  const [page, selected] = await loadOrUnavailable(() =>
    Promise.all([listMailbox(ctx, query), sp.id && /^[0-9a-f-]{36}$/.test(sp.id) ? getMailboxMessage(ctx, sp.id) : Promise.resolve(null)]),
  );
  const href = (extra: Search) => `/admin/system/mailbox?${new URLSearchParams({ ...(query.to ? { to: query.to } : {}), ...extra } as Record<string, string>)}`;
  const mailboxMode = transportName() === "mailbox";

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6">
      <PageHeader
        title="Mailbox"
        back={{ href: "/admin/system", label: "System" }}
        subtitle={
          mailboxMode
            ? "Email is kept here instead of being delivered (development mode). Everything your company sends is listed."
            : "Every email your company sent through Resend, with what it said."
        }
      />
      <form method="get" className="flex max-w-xl items-end gap-2" role="search">
        <Input name="to" type="search" label="Recipient" defaultValue={query.to ?? ""} placeholder="name@example.com" containerClassName="flex-1" />
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      <div className="grid gap-6 lg:grid-cols-[24rem_1fr]">
        <Card padding="none" title={`${page.items.length}${page.nextCursor ? "+" : ""} messages`}>
          {page.items.length === 0 ? (
            <div className="p-4">
              <EmptyState icon="inbox" title="No email yet" text={query.to ? `Nothing was sent to ${query.to}.` : "Sign-in links, invitations, quotes and invoices appear here when they are sent."} headingLevel={3} />
            </div>
          ) : (
            <ul className="divide-y divide-neutral-100">
              {page.items.map((m) => (
                <li key={m.id}>
                  <Link
                    href={href({ id: m.id })}
                    aria-current={selected?.id === m.id ? "true" : undefined}
                    className="block px-4 py-3 text-sm hover:bg-neutral-50 aria-[current=true]:bg-neutral-100"
                  >
                    <span className="flex items-center justify-between gap-2">
                      <span className="truncate font-medium">{m.subject}</span>
                      {m.status !== "SENT" ? <StatusBadge status={m.status === "SKIPPED" ? "void" : "failed"} label={m.status === "SKIPPED" ? "Skipped" : "Failed"} /> : null}
                    </span>
                    <span className="block truncate text-neutral-600">To {m.to.join(", ")}</span>
                    <span className="block text-xs text-neutral-600">{formatDateTime(m.createdAt, chrome.timeZone)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {page.nextCursor ? (
            <div className="border-t border-neutral-200 p-3">
              <Button href={href({ cursor: page.nextCursor })} variant="ghost" size="sm">
                Older messages
              </Button>
            </div>
          ) : null}
        </Card>
        <Card title={selected ? selected.subject : "Preview"}>
          {selected ? (
            <div className="flex flex-col gap-3 text-sm">
              <p className="text-neutral-600">
                To {selected.to.join(", ")} · {formatDateTime(selected.createdAt, chrome.timeZone)} · template {selected.template}
                {selected.skipReason ? ` · skipped (${selected.skipReason})` : ""}
              </p>
              {selected.attachments.length ? <p>Attachments: {selected.attachments.join(", ")}</p> : null}
              <iframe title={`Email: ${selected.subject}`} sandbox="" srcDoc={selected.html} className="h-[32rem] w-full rounded-md border border-neutral-200 bg-white" />
              <details>
                <summary className="cursor-pointer font-medium">Plain-text version</summary>
                <pre className="mt-2 whitespace-pre-wrap rounded bg-neutral-50 p-3 text-xs">{selected.text}</pre>
              </details>
            </div>
          ) : (
            <p className="text-sm text-neutral-600">Choose a message to read it.</p>
          )}
        </Card>
      </div>
    </div>
  );
}
