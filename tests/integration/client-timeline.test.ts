/**
 * The client timeline merges its sources (audit events, notes, quotes, emails) newest first; the
 * communication tab lists every email to the client and nothing else; both are tenant-scoped.
 */
import { describe, expect, it } from "vitest";
import * as accept from "../../app/api/public/quotes/[token]/accept/route.ts";
import * as respond from "../../app/api/public/quotes/[token]/respond/route.ts";
import { clientTimeline, type TimelineEntry } from "@/modules/clients/client-timeline.ts";
import { addNote, clientEmails, createClient, createContact } from "@/modules/clients/clients.service.ts";
import { createClientInput, createContactInput } from "@/modules/clients/clients.schema.ts";
import { createQuote, sendQuote } from "@/modules/quotes/quotes.service.ts";
import { createQuoteInput } from "@/modules/quotes/quotes.schema.ts";
import { openSecret } from "@/server/auth/secret-box.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { SEALED_PROPS_PURPOSE } from "@/server/email/queue-email.ts";
import type { TenantContext } from "@/server/context.ts";
import { call } from "../support/http.ts";
import { signatureDataUrl } from "../support/png.ts";
import { tenantWithAdmin } from "../support/factories.ts";

const db = () => unsafeUnscopedDb();
const browser = { origin: "http://localhost:3000", "x-forwarded-for": "203.0.113.7", "user-agent": "vitest" };
const lines = [
  { kind: "LABOUR" as const, description: "Install", quantityMilli: 2000, unitPricePence: 5000, vatRateBps: 2000 as const },
  { kind: "FIXED" as const, description: "Chrome sockets", quantityMilli: 1000, unitPricePence: 6000, vatRateBps: 2000 as const, placement: "OPTION" as const, groupName: "Finish", optionName: "Chrome" },
];

async function tokenFor(quoteId: string): Promise<string> {
  const m = await db().outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `pdf:quote:${quoteId}:v1` } });
  const email = (m.payload as { thenEmail: { payload: { sealedProps: string } } }).thenEmail.payload;
  return (JSON.parse(openSecret(email.sealedProps, SEALED_PROPS_PURPOSE)) as { url: string }).url.split("/q/")[1]!;
}

let seq = 0;
async function email(companyId: string, data: { to: string[]; clientId?: string | null; subject: string; sentAt?: Date; status?: "SENT" | "QUEUED" }) {
  return db().emailMessage.create({
    data: {
      companyId,
      transport: "mailbox",
      category: "quotes",
      template: "test",
      fromAddress: "office@example.test",
      to: data.to,
      subject: data.subject,
      html: "<p>hi</p>",
      text: "hi",
      status: data.status ?? "SENT",
      sentAt: data.sentAt ?? new Date(),
      idempotencyKey: `timeline-test:${Date.now()}:${++seq}`,
      clientId: data.clientId ?? null,
    },
  });
}

const describeEntry = (e: TimelineEntry) => (e.kind === "event" ? `audit ${e.event.action}` : e.kind === "note" ? `note ${e.note.body}` : `${e.source} ${e.actor ?? "-"} ${e.title}${e.status ? ` [${e.status.label}]` : ""}`);

async function scenario() {
  const t = await tenantWithAdmin("OFFICE");
  const client = await createClient(t.ctx, createClientInput.parse({ name: "Hannah Wells", email: "hannah@example.test" }));
  await createContact(t.ctx, client.id, createContactInput.parse({ name: "Tom Wells", email: "tom@example.test" }));
  const other = await createClient(t.ctx, createClientInput.parse({ name: "Someone Else", email: "else@example.test" }));
  const accepted = await createQuote(t.ctx, createQuoteInput.parse({ clientId: client.id, title: "Kitchen sockets", lines }));
  await sendQuote(t.ctx, accepted.id);
  const ok = await call(accept.POST, { params: { token: await tokenFor(accepted.id) }, headers: browser, body: { version: 1, choice: { options: { Finish: "Chrome" }, addons: [] }, signerName: "Hannah Wells", signature: signatureDataUrl(), acceptTerms: true } });
  expect(ok.status, ok.text).toBe(200);
  const declined = await createQuote(t.ctx, createQuoteInput.parse({ clientId: client.id, title: "Garage lights", lines }));
  await sendQuote(t.ctx, declined.id);
  const no = await call(respond.POST, { params: { token: await tokenFor(declined.id) }, headers: browser, body: { version: 1, action: "decline", comment: "Too dear for now" } });
  expect(no.status, no.text).toBe(204);
  await createQuote(t.ctx, createQuoteInput.parse({ clientId: other.id, title: "Not theirs", lines }));
  await addNote(t.ctx, client.id, { body: "Prefers calls after 5pm" });

  // Emails: recorded against the client; to a contact before they were linked (no client); long ago.
  await email(t.company.id, { to: ["hannah@example.test"], clientId: client.id, subject: "Your quote Kitchen sockets" });
  await email(t.company.id, { to: ["Tom@example.test".toLowerCase()], subject: "Thanks for your enquiry" });
  await email(t.company.id, { to: ["hannah@example.test"], clientId: client.id, subject: "Welcome from 2020", sentAt: new Date("2020-01-02T10:00:00Z") });
  // Not this client's: another client's (even to a shared address), the office's, and another company's.
  await email(t.company.id, { to: ["hannah@example.test"], clientId: other.id, subject: "Other client's mail" });
  await email(t.company.id, { to: ["office@example.test"], subject: "New enquiry (office)" });
  const elsewhere = await tenantWithAdmin();
  await email(elsewhere.company.id, { to: ["hannah@example.test"], subject: "Another company's mail" });
  return { ...t, client, other, accepted, declined, elsewhere };
}

describe("client timeline", () => {
  it("merges audit events, notes, quotes (created, sent, accepted, declined) and emails, newest first", async () => {
    const s = await scenario();
    const timeline = await clientTimeline(s.ctx, s.client.id);
    const times = timeline.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const text = timeline.map(describeEntry);
    expect(text).toEqual(
      expect.arrayContaining([
        "audit client.created",
        "audit client.contact_added",
        "note Prefers calls after 5pm",
        `quotes ${s.user.name} created quote ${s.accepted.number}: Kitchen sockets [Created]`,
        `quotes ${s.user.name} sent quote ${s.accepted.number} for £192.00 [Sent]`,
        `quotes Hannah Wells accepted and signed quote ${s.accepted.number} for £192.00 [Accepted]`,
        `quotes ${s.user.name} created quote ${s.declined.number}: Garage lights [Created]`,
        `quotes ${s.user.name} sent quote ${s.declined.number} for £192.00 [Sent]`,
        `quotes The client declined quote ${s.declined.number} [Declined]`,
        "emails - emailed “Your quote Kitchen sockets” [Sent]",
        "emails - emailed “Thanks for your enquiry” [Sent]",
        "emails - emailed “Welcome from 2020” [Sent]",
      ]),
    );
    expect(text).toHaveLength(12);
    expect(text.at(-1)).toBe("emails - emailed “Welcome from 2020” [Sent]");
    expect(text.indexOf(`quotes Hannah Wells accepted and signed quote ${s.accepted.number} for £192.00 [Accepted]`)).toBeGreaterThan(text.indexOf(`quotes The client declined quote ${s.declined.number} [Declined]`));
    expect(timeline.find((e) => e.kind === "item" && e.title.startsWith("declined"))).toMatchObject({ body: "Too dear for now", href: `/admin/quotes/${s.declined.id}` });
    // No note is shown twice (its "note added" audit event is left out), and nothing of the other client.
    expect(text.join("\n")).not.toMatch(/note_added|Not theirs|Other client's mail|Another company's mail|New enquiry \(office\)/);
  });

  it("leaves out the sources the viewer may not see", async () => {
    const s = await scenario();
    const limited: TenantContext = { ...s.ctx, capabilities: new Set([...s.ctx.capabilities].filter((c) => c !== "quotes.manage" && c !== "audit.view")) };
    const text = (await clientTimeline(limited, s.client.id)).map(describeEntry);
    expect(text.filter((x) => x.startsWith("quotes") || x.startsWith("audit"))).toEqual([]);
    expect(text.filter((x) => x.startsWith("note") || x.startsWith("emails"))).toHaveLength(4);
  });

  it("another company's client is not found; its timeline and emails are not revealed", async () => {
    const s = await scenario();
    await expect(clientTimeline(s.elsewhere.ctx, s.client.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(clientEmails(s.elsewhere.ctx, s.client.id, { limit: 50 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("communication tab", () => {
  it("lists every email sent to this client (by record or by a client/contact address) and nothing else", async () => {
    const s = await scenario();
    const page = await clientEmails(s.ctx, s.client.id, { limit: 50 });
    expect(page.items.map((m) => m.subject).sort()).toEqual(["Thanks for your enquiry", "Welcome from 2020", "Your quote Kitchen sockets"]);
    expect(page.nextCursor).toBeNull();
    const first = await clientEmails(s.ctx, s.client.id, { limit: 2 });
    const rest = await clientEmails(s.ctx, s.client.id, { limit: 2, cursor: first.nextCursor! });
    expect([...first.items, ...rest.items].map((m) => m.subject).sort()).toEqual(page.items.map((m) => m.subject).sort());
    const theirs = await clientEmails(s.ctx, s.other.id, { limit: 50 });
    expect(theirs.items.map((m) => m.subject)).toEqual(["Other client's mail"]);
  });
});
