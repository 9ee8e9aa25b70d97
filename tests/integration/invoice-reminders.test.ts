/**
 * Overdue reminders over a simulated clock: the scan enqueues each stage once, the job re-checks
 * right before sending, nothing after payment, void or full credit; business clients get statutory
 * interest and compensation when the company turns it on; the cron task is idempotent per day.
 */
import { describe, expect, it } from "vitest";
import { applyPayment } from "@/modules/invoices/payments.service.ts";
import { enqueueDueReminders, sendOverdueReminder } from "@/modules/reminders/reminders.service.ts";
import { simpleDailyInterestPence } from "@/modules/reminders/late-payment.ts";
import { runCronTask } from "@/server/cron/cron.ts";
import { deliverEmail } from "@/server/email/deliver.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { createSession, tenantWithAdmin } from "../support/factories.ts";
import { call } from "../support/http.ts";
import { createBillingClient, issuedInvoice } from "../support/billing.ts";

const db = unsafeUnscopedDb();
const ISSUED = new Date("2026-09-01T10:00:00Z"); // 30-day terms → due 2026-10-01
const at = (date: string) => new Date(`${date}T09:00:00Z`);

/** What a day of the worker does: the scan, then every reminder job it enqueued (each once). */
async function runDay(companyId: string, date: string) {
  await enqueueDueReminders(at(date));
  const jobs = await db.outboxMessage.findMany({ where: { companyId, jobName: "reminder.invoice-overdue" } });
  const outcomes = [];
  for (const j of jobs) outcomes.push(await sendOverdueReminder(j.idempotencyKey, j.payload as { companyId: string; invoiceId: string; stage: number }, at(date)));
  return outcomes;
}

async function setup(kind: "PERSON" | "ORGANISATION" = "PERSON") {
  const t = await tenantWithAdmin();
  const client = await createBillingClient(t.company.id, { kind });
  const invoice = await issuedInvoice(t.ctx, client.id, 100_000, ISSUED); // £1,200.00 gross
  return { ...t, client, invoice };
}

const reminderEmails = (companyId: string) =>
  db.outboxMessage.findMany({ where: { companyId, jobName: "email.send" }, orderBy: { createdAt: "asc" } }).then((rows) => rows.filter((r) => (r.payload as { template: string }).template === "invoice.overdue-reminder"));

describe("overdue reminders", () => {
  it("sends one reminder per stage at 7, 14 and 21 days after due, each once, on the timeline and in the client's history", async () => {
    const t = await setup();
    expect(t.invoice.dueDate).toBe("2026-10-01");
    await runDay(t.company.id, "2026-10-07"); // 6 days late: nothing yet
    expect(await db.invoiceReminder.count({ where: { invoiceId: t.invoice.id } })).toBe(0);
    for (const d of ["2026-10-08", "2026-10-08", "2026-10-10", "2026-10-15", "2026-10-16", "2026-10-22", "2026-11-30"]) await runDay(t.company.id, d);
    const reminders = await db.invoiceReminder.findMany({ where: { invoiceId: t.invoice.id }, orderBy: { stage: "asc" } });
    expect(reminders.map((r) => [r.stage, r.sentAt.toISOString().slice(0, 10), r.balancePence])).toEqual([
      [1, "2026-10-08", 120_000],
      [2, "2026-10-15", 120_000],
      [3, "2026-10-22", 120_000],
    ]);
    const emails = await reminderEmails(t.company.id);
    expect(emails).toHaveLength(3);
    expect(emails[0]!.payload).toMatchObject({ to: [t.client.email], entityType: "Invoice", entityId: t.invoice.id, clientId: t.client.id, props: { stage: 1, daysLate: 7, balance: "£1,200.00", interest: null } });
    expect(emails.map((e) => e.idempotencyKey)).toEqual([1, 2, 3].map((s) => `email:invoice-reminder:${t.invoice.id}:${s}`));
    expect(await db.auditEvent.count({ where: { companyId: t.company.id, entityId: t.invoice.id, action: "invoice.reminder_sent" } })).toBe(3);
  });

  it("links each reminder to the email it queued: the message is recorded under the reminder's emailMessageId", async () => {
    const t = await setup();
    await runDay(t.company.id, "2026-10-08");
    const reminder = await db.invoiceReminder.findFirstOrThrow({ where: { invoiceId: t.invoice.id } });
    expect(reminder.emailMessageId).toMatch(/^[0-9a-f-]{36}$/);
    const [queued] = await reminderEmails(t.company.id);
    expect(queued!.payload).toMatchObject({ messageId: reminder.emailMessageId });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { companyId: t.company.id, entityId: t.invoice.id, action: "invoice.reminder_sent" } });
    expect(audit.after).toMatchObject({ stage: 1, emailMessageId: reminder.emailMessageId });

    // The worker sends it (mailbox transport): the message lands under that id, on the invoice and in the client's history.
    expect(await deliverEmail(queued!.idempotencyKey, queued!.payload as never)).toBe("sent");
    const message = await db.emailMessage.findUniqueOrThrow({ where: { id: reminder.emailMessageId! } });
    expect(message).toMatchObject({ companyId: t.company.id, template: "invoice.overdue-reminder", entityType: "Invoice", entityId: t.invoice.id, clientId: t.client.id, status: "SENT", to: [t.client.email] });
    // A second delivery of the same job records nothing more.
    expect(await deliverEmail(queued!.idempotencyKey, queued!.payload as never)).toBe("duplicate");
    expect(await db.emailMessage.count({ where: { entityId: t.invoice.id } })).toBe(1);
  });

  it("stops the moment the invoice is paid, and re-checks the balance right before sending", async () => {
    const t = await setup();
    await runDay(t.company.id, "2026-10-08");
    // Stage 2 is enqueued, then the client pays before the job runs.
    await enqueueDueReminders(at("2026-10-15"));
    const queued = await db.outboxMessage.findFirstOrThrow({ where: { companyId: t.company.id, idempotencyKey: `invoice-reminder:${t.invoice.id}:2` } });
    await t.ctx.db.$transaction((tx) => applyPayment(tx, t.ctx, { invoiceId: t.invoice.id, method: "BANK_TRANSFER", amountPence: 120_000, receivedOn: "2026-10-14" }));
    expect(await sendOverdueReminder(queued.idempotencyKey, queued.payload as never, at("2026-10-15"))).toEqual({ sent: false, reason: "status PAID" });
    for (const d of ["2026-10-22", "2026-11-30"]) await runDay(t.company.id, d);
    expect(await db.invoiceReminder.count({ where: { invoiceId: t.invoice.id } })).toBe(1);
    expect(await reminderEmails(t.company.id)).toHaveLength(1);
  });

  it("never reminds a void or fully credited invoice, and reminds a part-paid one for what is left", async () => {
    const t = await setup();
    const voided = await issuedInvoice(t.ctx, t.client.id, 5000, ISSUED);
    await db.invoice.update({ where: { id: voided.id }, data: { status: "VOID" } });
    const credited = await issuedInvoice(t.ctx, t.client.id, 5000, ISSUED);
    await db.invoice.update({ where: { id: credited.id }, data: { creditedPence: 6000 } });
    await t.ctx.db.$transaction((tx) => applyPayment(tx, t.ctx, { invoiceId: t.invoice.id, method: "CASH", amountPence: 20_000, receivedOn: "2026-10-02" }));
    await runDay(t.company.id, "2026-10-09");
    const reminders = await db.invoiceReminder.findMany({ where: { companyId: t.company.id } });
    expect(reminders.map((r) => [r.invoiceId, r.balancePence])).toEqual([[t.invoice.id, 100_000]]);
  });

  it("follows the company's own cadence", async () => {
    const t = await setup();
    await db.company.update({ where: { id: t.company.id }, data: { reminderCadenceDays: [3, 30] } });
    await runDay(t.company.id, "2026-10-04");
    await runDay(t.company.id, "2026-10-20");
    await runDay(t.company.id, "2026-10-31");
    const stages = await db.invoiceReminder.findMany({ where: { invoiceId: t.invoice.id }, orderBy: { stage: "asc" }, select: { stage: true, sentAt: true } });
    expect(stages.map((s) => [s.stage, s.sentAt.toISOString().slice(0, 10)])).toEqual([
      [1, "2026-10-04"],
      [2, "2026-10-31"],
    ]);
  });

  it("adds statutory interest and compensation for business clients only, when the company turns it on", async () => {
    const business = await setup("ORGANISATION");
    await db.company.update({ where: { id: business.company.id }, data: { lateInterestEnabled: true, lateInterestBaseRateBps: 400, lateInterestMarginBps: 800 } });
    await runDay(business.company.id, "2026-10-15"); // 14 days late, debt £1,200 → tier £70
    const r = await db.invoiceReminder.findFirstOrThrow({ where: { invoiceId: business.invoice.id } });
    expect(r.interestPence).toBe(simpleDailyInterestPence(120_000, 1200, 14));
    expect(r.interestPence).toBe(552);
    expect(r.compensationPence).toBe(7000);
    const [email] = await reminderEmails(business.company.id);
    expect(email!.payload).toMatchObject({ props: { interest: "£5.52", compensation: "£70.00", annualRate: "12%", totalClaimed: "£1,275.52" } });

    const householder = await setup("PERSON");
    await db.company.update({ where: { id: householder.company.id }, data: { lateInterestEnabled: true } });
    await runDay(householder.company.id, "2026-10-15");
    expect(await db.invoiceReminder.findFirstOrThrow({ where: { invoiceId: householder.invoice.id } })).toMatchObject({ interestPence: 0, compensationPence: 0 });

    const off = await setup("ORGANISATION");
    await runDay(off.company.id, "2026-10-15");
    expect(await db.invoiceReminder.findFirstOrThrow({ where: { invoiceId: off.invoice.id } })).toMatchObject({ interestPence: 0, compensationPence: 0 });
  });

  it("a job run twice sends once", async () => {
    const t = await setup();
    await enqueueDueReminders(at("2026-10-08"));
    const job = await db.outboxMessage.findFirstOrThrow({ where: { companyId: t.company.id, jobName: "reminder.invoice-overdue" } });
    const [a, b] = await Promise.allSettled([sendOverdueReminder(job.idempotencyKey, job.payload as never, at("2026-10-08")), sendOverdueReminder(job.idempotencyKey, job.payload as never, at("2026-10-08"))]);
    const values = [a, b].map((x) => (x.status === "fulfilled" ? x.value.sent : "busy"));
    expect(values.filter((v) => v === true)).toHaveLength(1);
    expect(await sendOverdueReminder(job.idempotencyKey, job.payload as never, at("2026-10-08"))).toEqual({ sent: false, reason: "duplicate" });
    expect(await db.invoiceReminder.count({ where: { invoiceId: t.invoice.id } })).toBe(1);
  });

  it("the cron endpoint only enqueues the scan, once per day, with the cron secret", async () => {
    const first = await runCronTask("invoice-reminders", new Date("2026-10-08T08:00:00Z"));
    const again = await runCronTask("invoice-reminders", new Date("2026-10-08T17:00:00Z"));
    expect(first).toEqual({ task: "invoice-reminders", period: "2026-10-08", enqueued: true });
    expect(again?.enqueued).toBe(false);
    expect(await db.outboxMessage.count({ where: { idempotencyKey: "invoice-reminders:2026-10-08", jobName: "reminders.enqueue-due" } })).toBe(1);
    const cronRoute = await import("../../app/api/internal/cron/[name]/route.ts");
    const t = await tenantWithAdmin();
    const session = await createSession(t.user.id, t.company.id);
    expect((await call(cronRoute.POST, { path: "/api/internal/cron/invoice-reminders", params: { name: "invoice-reminders" }, token: session })).status).toBe(401);
  });
});
