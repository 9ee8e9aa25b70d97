/**
 * The invoices source of the client timeline: each invoice issued, paid in full, credited (each
 * credit note) and voided. Read from the invoice rows, so it holds whether or not the viewer may
 * read the audit trail.
 */
import { findUserNames } from "@/modules/audit/audit.repo.ts";
import type { TimelineEntry, TimelineSource } from "@/modules/clients/client-timeline.ts";
import { formatMoney } from "@/ui/format.ts";
import { findClientInvoiceHistory } from "./invoices.repo.ts";

export const invoicesTimelineSource: TimelineSource = {
  name: "invoices",
  capability: "invoices.view",
  async load(ctx, clientId, limit) {
    const invoices = await findClientInvoiceHistory(ctx.db, clientId, limit);
    const names = await findUserNames([...new Set(invoices.flatMap((i) => [i.createdById, ...i.creditNotes.map((c) => c.createdById)]).filter((x): x is string => !!x))]);
    const who = (id: string | null) => (id ? (names.get(id) ?? "Former user") : null);
    const entries: TimelineEntry[] = [];
    for (const i of invoices) {
      const base = { kind: "item" as const, source: "invoices", href: `/admin/invoices/${i.id}` };
      entries.push({ ...base, id: `invoice-issued:${i.id}`, at: i.issuedAt!.toISOString(), actor: who(i.createdById), title: `issued invoice ${i.number} for ${formatMoney(i.payablePence)}`, status: { value: "sent", label: "Issued" }, body: i.title });
      if (i.paidAt && i.status === "PAID") {
        entries.push({ ...base, id: `invoice-paid:${i.id}`, at: i.paidAt.toISOString(), actor: null, title: `invoice ${i.number} was paid in full`, status: { value: "paid", label: "Paid" } });
      }
      for (const c of i.creditNotes) {
        entries.push({ ...base, id: `credit-note:${c.id}`, at: c.createdAt.toISOString(), actor: who(c.createdById), title: `issued credit note ${c.number} against ${i.number} (${formatMoney(c.grossPence)})`, status: { value: "part-paid", label: "Credit note" }, body: c.reason });
      }
      if (i.voidedAt) {
        entries.push({ ...base, id: `invoice-voided:${i.id}`, at: i.voidedAt.toISOString(), actor: null, title: `invoice ${i.number} was voided`, status: { value: "void", label: "Void" }, body: i.voidReason });
      }
    }
    return entries;
  },
};
