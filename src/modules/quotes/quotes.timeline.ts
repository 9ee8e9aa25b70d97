/**
 * The quotes source of the client timeline: each quote's creation, every sent version, the
 * client's acceptance (with the signer) and a decline (with their comment). Read from the quote
 * rows themselves, so it holds whether or not the viewer may read the audit trail.
 */
import { findUserNames } from "@/modules/audit/audit.repo.ts";
import type { TimelineEntry, TimelineSource } from "@/modules/clients/client-timeline.ts";
import { formatMoney } from "@/ui/format.ts";
import { findClientQuoteHistory } from "./quotes.repo.ts";

export const quotesTimelineSource: TimelineSource = {
  name: "quotes",
  capability: "quotes.manage",
  async load(ctx, clientId, limit) {
    const quotes = await findClientQuoteHistory(ctx.db, clientId, limit);
    const userIds = quotes.flatMap((q) => [q.createdById, ...q.versions.map((v) => v.sentById)]).filter((x): x is string => !!x);
    const names = await findUserNames([...new Set(userIds)]);
    const who = (id: string | null) => (id ? (names.get(id) ?? "Former user") : null);
    const entries: TimelineEntry[] = [];
    for (const q of quotes) {
      const href = `/admin/quotes/${q.id}`;
      const base = { kind: "item" as const, source: "quotes", href };
      entries.push({ ...base, id: `quote-created:${q.id}`, at: q.createdAt.toISOString(), actor: who(q.createdById), title: `created quote ${q.number}: ${q.title}`, status: { value: "draft", label: "Created" } });
      for (const v of q.versions) {
        entries.push({
          ...base,
          id: `quote-sent:${v.id}`,
          at: v.sentAt.toISOString(),
          actor: who(v.sentById),
          title: `sent quote ${q.number}${v.version > 1 ? ` (version ${v.version})` : ""} for ${formatMoney(v.grossPence)}`,
          status: { value: "sent", label: "Sent" },
        });
      }
      if (q.agreement) {
        entries.push({
          ...base,
          id: `quote-accepted:${q.agreement.id}`,
          at: q.agreement.acceptedAt.toISOString(),
          actor: q.agreement.signerName,
          title: `accepted and signed quote ${q.number} for ${formatMoney(q.agreement.grossPence)}`,
          status: { value: "accepted", label: "Accepted" },
        });
      }
      if (q.status === "DECLINED" && q.respondedAt) {
        entries.push({
          ...base,
          id: `quote-declined:${q.id}`,
          at: q.respondedAt.toISOString(),
          actor: "The client",
          title: `declined quote ${q.number}`,
          status: { value: "declined", label: "Declined" },
          body: q.responseComment,
        });
      }
    }
    return entries;
  },
};
