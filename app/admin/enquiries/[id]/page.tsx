import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AttachmentsPanel } from "@/modules/enquiries/components/AttachmentsPanel.tsx";
import { EnquiryActions } from "@/modules/enquiries/components/EnquiryActions.tsx";
import { EnquiryDetails } from "@/modules/enquiries/components/EnquiryDetails.tsx";
import { NotesPanel } from "@/modules/enquiries/components/NotesPanel.tsx";
import { getEnquiry, listOwnerOptions } from "@/modules/enquiries/enquiries.service.ts";
import { listStages } from "@/modules/enquiries/pipeline.service.ts";
import { listFiles } from "@/modules/files/files.service.ts";
import { quoteForEnquiry } from "@/modules/quotes/quotes.service.ts";
import { idParams } from "@/server/http/pagination.ts";
import { classifyError } from "@/server/errors/classify.ts";
import { can } from "@/server/context.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { loadChrome, requireTenantPage } from "@/server/http/portal.ts";
import { Card, MetaItem, Money, PageHeader, formatDateTime } from "@/ui";

export const metadata: Metadata = { title: "Enquiry" };

export default async function EnquiryPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireTenantPage(policy.can("enquiries.manage"));
  const parsed = idParams.safeParse(await params);
  if (!parsed.success) notFound();
  const id = parsed.data.id;
  const enquiry = await loadOrUnavailable(async () => {
    try {
      return await getEnquiry(ctx, id);
    } catch (err) {
      if (classifyError(err).code === "NOT_FOUND") return null;
      throw err;
    }
  });
  if (!enquiry) notFound();
  const canQuote = can(ctx, "quotes.manage");
  const [owners, stages, files, chrome, quote] = await Promise.all([
    loadOrUnavailable(() => listOwnerOptions(ctx)),
    loadOrUnavailable(() => listStages(ctx)),
    loadOrUnavailable(() => listFiles(ctx, { entityType: "Enquiry", entityId: id, limit: 100 })),
    loadChrome(ctx),
    enquiry.convertedAt && canQuote ? loadOrUnavailable(() => quoteForEnquiry(ctx, id)) : Promise.resolve(null),
  ]);
  const tz = chrome.timeZone;

  return (
    <div className="mx-auto flex max-w-6xl flex-col">
      <PageHeader
        title={enquiry.name}
        back={{ href: "/admin/enquiries", label: "Enquiries" }}
        meta={
          <>
            <MetaItem label="Value">{enquiry.valuePence !== null ? <Money pence={enquiry.valuePence} /> : "—"}</MetaItem>
            <MetaItem label="Received">{formatDateTime(enquiry.createdAt, tz)}</MetaItem>
            {enquiry.convertedAt ? <MetaItem label="Converted">{formatDateTime(enquiry.convertedAt, tz)}</MetaItem> : null}
          </>
        }
      />
      {enquiry.convertedAt ? (
        <p role="status" className="mb-4 rounded-md border border-success-200 bg-success-50 px-3 py-2 text-sm text-success-800">
          Converted to a client{enquiry.siteId ? " with a site" : ""} on {formatDateTime(enquiry.convertedAt, tz)}.{" "}
          {enquiry.clientId ? (
            <>
              <Link href={`/admin/clients/${enquiry.clientId}`} className="font-medium underline underline-offset-4">
                Open the client
              </Link>
              {canQuote ? (
                <>
                  {" · "}
                  {quote ? (
                    <Link href={quote.status === "DRAFT" ? `/admin/quotes/${quote.id}/edit` : `/admin/quotes/${quote.id}`} className="font-medium underline underline-offset-4">
                      {quote.status === "DRAFT" ? `Open draft quote ${quote.number}` : `Open quote ${quote.number}`}
                    </Link>
                  ) : (
                    <Link href={`/admin/quotes/new?clientId=${enquiry.clientId}`} className="font-medium underline underline-offset-4">
                      Create a quote
                    </Link>
                  )}
                </>
              ) : null}
            </>
          ) : null}
        </p>
      ) : null}
      <div className="mb-6">
        <EnquiryActions enquiry={enquiry} owners={owners} stages={stages.items.map((s) => ({ id: s.id, name: s.name, isWon: s.isWon }))} canQuote={canQuote} />
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <EnquiryDetails enquiry={enquiry} />
          <NotesPanel enquiryId={enquiry.id} notes={enquiry.notes} timeZone={tz} />
          <AttachmentsPanel enquiryId={enquiry.id} files={files.items} />
        </div>
        <Card title="Timeline" className="h-fit">
          {enquiry.timeline.length === 0 ? (
            <p className="text-sm text-neutral-600">Nothing has happened yet.</p>
          ) : (
            <ol className="flex flex-col gap-4 border-l border-neutral-200 pl-4">
              {enquiry.timeline.map((t) => (
                <li key={t.id} className="relative">
                  <span aria-hidden="true" className="absolute top-1.5 -left-[1.3rem] size-2 rounded-full bg-neutral-400" />
                  <p className="text-sm break-words text-neutral-900">{t.text}</p>
                  <p className="text-xs text-neutral-600">
                    {t.actorName ? `${t.actorName} · ` : t.kind === "created" ? "Website · " : ""}
                    <time dateTime={t.at}>{formatDateTime(t.at, tz)}</time>
                  </p>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </div>
  );
}
