"use client";

import Link from "next/link";
import { DataTable, EmptyState, Money, type DataTableColumn } from "@/ui";
import type { EnquiryView } from "../enquiries.schema";
import { ageLabel } from "./age";

export function EnquiriesTable({ rows, now, loadMoreHref, filtered }: { rows: EnquiryView[]; now: string; loadMoreHref?: string; filtered: boolean }) {
  const columns: DataTableColumn<EnquiryView>[] = [
    {
      key: "name",
      header: "Name",
      cell: (e) => (
        <Link href={`/admin/enquiries/${e.id}`} className="font-medium text-neutral-900 hover:underline">
          {e.name}
        </Link>
      ),
    },
    { key: "where", header: "Where", cell: (e) => [e.town, e.postcode].filter(Boolean).join(", ") || "—", hideBelow: "md" },
    {
      key: "stage",
      header: "Stage",
      cell: (e) => (
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="size-2 rounded-full" style={{ backgroundColor: e.stage.colour }} />
          {e.stage.name}
        </span>
      ),
    },
    { key: "owner", header: "Owner", cell: (e) => e.owner?.name ?? "Unassigned", hideBelow: "lg" },
    { key: "source", header: "Source", cell: (e) => (e.source === "PUBLIC_FORM" ? "Website form" : "Added by hand"), hideBelow: "xl" },
    { key: "value", header: "Value", numeric: true, cell: (e) => (e.valuePence !== null ? <Money pence={e.valuePence} /> : "—"), hideBelow: "sm" },
    { key: "age", header: "Age", cell: (e) => ageLabel(e.createdAt, now), hideBelow: "sm" },
  ];
  return (
    <DataTable
      caption="Enquiries"
      columns={columns}
      rows={rows}
      rowKey={(e) => e.id}
      loadMoreHref={loadMoreHref}
      hasMore={!!loadMoreHref}
      empty={
        filtered ? (
          <EmptyState icon="search" title="No enquiries match" text="Try other filters, or clear them." actionLabel="Clear filters" actionHref="/admin/enquiries?view=list" />
        ) : (
          <EmptyState icon="inbox" title="No enquiries yet" text="Add one by hand, or share your enquiry form link with customers." actionLabel="Add an enquiry" actionHref="/admin/enquiries/new" />
        )
      }
    />
  );
}
