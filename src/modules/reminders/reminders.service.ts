/**
 * Overdue invoice reminders. A daily cron task enqueues one scan; the scan enqueues one
 * `reminder.invoice-overdue` job per invoice and due stage (days after the due date from the
 * company's cadence; key `invoice-reminder:<invoiceId>:<stage>`); the job re-checks the invoice
 * under its row lock right before sending, never reminds a paid, void or fully credited invoice,
 * records the InvoiceReminder (unique per invoice + stage), emails the client's invoice contacts
 * through the outbox (so it lands in the client's communication history) and audits on the
 * invoice's timeline. The email's message id is chosen when it is queued and kept on the
 * reminder (and in its audit event), so the reminder links to the email it sent. Business clients get statutory interest and compensation when the company
 * turns it on.
 */
import { balanceDuePence } from "@/modules/invoices/invoice-money.ts";
import { systemBillingContext } from "@/modules/invoices/billing-context.ts";
import { createInvoiceLink, invoiceLinkUrl } from "@/modules/invoices/invoices.service.ts";
import { auditLinkVisitor } from "@/server/audit/audit.ts";
import { anonymousContext } from "@/server/context.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { tenantDb } from "@/server/db/tenancy.ts";
import { uuid7 } from "@/server/db/uuid7.ts";
import { queueEmail } from "@/server/email/queue-email.ts";
import { claimExecution, completeExecution, ExecutionBusy } from "@/server/queue/execution.ts";
import { writeOutbox } from "@/server/queue/outbox.ts";
import { formatDate, formatMoney } from "@/ui/format.ts";
import { daysBetween, dueReminderStage, latePaymentCharge, localDate } from "./late-payment.ts";

const OPEN_STATUSES = ["ISSUED", "PART_PAID"] as const;

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The scan (worker, once per day): every open invoice past its due date whose next stage has
 * come gets one reminder job. Cross-company by nature, so candidates are read with the raw
 * client; each job then works through its company's scoped client. Returns how many were enqueued.
 */
export async function enqueueDueReminders(now: Date = new Date()): Promise<number> {
  const db = unsafeUnscopedDb();
  const candidates = await db.$queryRaw<{ id: string; companyId: string; dueDate: Date; timeZone: string; cadence: number[]; sent: number[] | null }[]>`
    SELECT i."id", i."companyId", i."dueDate", c."timeZone", c."reminderCadenceDays" AS cadence,
           (SELECT array_agg(r."stage") FROM "InvoiceReminder" r WHERE r."companyId" = i."companyId" AND r."invoiceId" = i."id") AS sent
      FROM "Invoice" i JOIN "Company" c ON c."id" = i."companyId"
     WHERE i."status" IN ('ISSUED', 'PART_PAID') AND c."status" <> 'SUSPENDED'
       AND i."dueDate" IS NOT NULL AND i."dueDate" < ${iso(now)}::date
       AND i."payablePence" - i."paidPence" - i."creditedPence" > 0
     ORDER BY i."dueDate" LIMIT 20000`;
  let enqueued = 0;
  for (const inv of candidates) {
    const stage = dueReminderStage({ dueDate: iso(inv.dueDate), today: localDate(now, inv.timeZone), cadenceDays: inv.cadence, sentStages: inv.sent ?? [] });
    if (stage === null) continue;
    try {
      await writeOutbox(db, {
        job: "reminder.invoice-overdue",
        companyId: inv.companyId,
        idempotencyKey: `invoice-reminder:${inv.id}:${stage}`,
        payload: { companyId: inv.companyId, invoiceId: inv.id, stage },
      });
      enqueued++;
    } catch (err) {
      // Already enqueued for this stage (an earlier scan): nothing more to do.
      if ((err as { code?: string }).code !== "P2002") throw err;
    }
  }
  return enqueued;
}

export type ReminderOutcome = { sent: true; reminderId: string; interestPence: number; compensationPence: number } | { sent: false; reason: string };

/**
 * One reminder (the `reminder.invoice-overdue` job): claims its key, re-checks everything under
 * the invoice's row lock, and records the reminder, its email and its audit event together.
 */
export async function sendOverdueReminder(key: string, p: { companyId: string; invoiceId: string; stage: number }, now: Date = new Date()): Promise<ReminderOutcome> {
  const claim = await claimExecution(key, "reminder", "reminder.invoice-overdue", 60_000);
  if (claim === "done") return { sent: false, reason: "duplicate" };
  if (claim === "busy") throw new ExecutionBusy(key);
  const db = tenantDb(p.companyId);
  const ctx = systemBillingContext(p.companyId, anonymousContext({ requestId: `job:${key}` }), ["invoices.view"]);
  return db.$transaction(async (tx) => {
    const skip = async (reason: string): Promise<ReminderOutcome> => {
      await completeExecution(tx, key);
      return { sent: false, reason };
    };
    await tx.$queryRaw`SELECT 1 FROM "Invoice" WHERE "companyId" = ${p.companyId}::uuid AND "id" = ${p.invoiceId}::uuid FOR UPDATE`;
    const invoice = await tx.invoice.findUnique({ where: { id: p.invoiceId }, include: { client: { include: { contacts: true } } } });
    const company = await tx.company.findUnique({ where: { id: p.companyId } });
    if (!invoice || !company || company.status === "SUSPENDED") return skip("gone");
    if (!(OPEN_STATUSES as readonly string[]).includes(invoice.status)) return skip(`status ${invoice.status}`);
    const balance = balanceDuePence(invoice);
    if (balance <= 0) return skip("nothing owed");
    if (!invoice.dueDate) return skip("no due date");
    const today = localDate(now, company.timeZone);
    const dueDate = iso(invoice.dueDate);
    const stageDay = [...company.reminderCadenceDays].sort((a, b) => a - b)[p.stage - 1];
    if (stageDay === undefined || daysBetween(dueDate, today) < stageDay) return skip("stage not due");
    const already = await tx.invoiceReminder.findFirst({ where: { invoiceId: invoice.id, stage: { gte: p.stage } } });
    if (already) return skip("stage already sent");

    const recipients = invoice.client.contacts.filter((c) => c.receivesInvoices && c.email).map((c) => ({ email: c.email!, name: c.name }));
    if (recipients.length === 0 && invoice.client.email) recipients.push({ email: invoice.client.email, name: invoice.client.name });
    if (recipients.length === 0) return skip("no email address");

    const charge = latePaymentCharge({ debtPence: balance, dueDate, today, businessClient: invoice.client.kind === "ORGANISATION" }, company);
    const emailMessageId = uuid7();
    const reminder = await tx.invoiceReminder.create({
      data: { companyId: p.companyId, invoiceId: invoice.id, stage: p.stage, balancePence: balance, interestPence: charge.interestPence, compensationPence: charge.compensationPence, emailMessageId, sentAt: now },
    });
    const token = await createInvoiceLink(tx, ctx, invoice.id);
    const claimed = charge.interestPence + charge.compensationPence;
    await queueEmail(tx, {
      companyId: p.companyId,
      to: recipients.map((r) => r.email),
      template: "invoice.overdue-reminder",
      props: {
        contactName: recipients[0]!.name,
        invoiceNumber: invoice.number ?? "",
        dueDate: formatDate(invoice.dueDate, company.timeZone),
        daysLate: charge.daysLate,
        stage: p.stage,
        balance: formatMoney(balance),
        interest: charge.interestPence > 0 ? formatMoney(charge.interestPence) : null,
        compensation: charge.compensationPence > 0 ? formatMoney(charge.compensationPence) : null,
        annualRate: claimed > 0 ? `${(charge.annualRateBps / 100).toFixed(2).replace(/\.?0+$/, "")}%` : null,
        totalClaimed: formatMoney(balance + claimed),
      },
      secretProps: { url: invoiceLinkUrl(token) },
      category: "invoices",
      messageId: emailMessageId,
      idempotencyKey: `invoice-reminder:${invoice.id}:${p.stage}`,
      entityType: "Invoice",
      entityId: invoice.id,
      clientId: invoice.clientId,
    });
    await auditLinkVisitor(tx, ctx, p.companyId, {
      entityType: "Invoice",
      entityId: invoice.id,
      action: "invoice.reminder_sent",
      after: { stage: p.stage, daysLate: charge.daysLate, balancePence: balance, interestPence: charge.interestPence, compensationPence: charge.compensationPence, to: recipients.map((r) => r.email), emailMessageId },
      idempotencyKey: `invoice.reminder_sent:${invoice.id}:${p.stage}`,
    });
    await completeExecution(tx, key);
    return { sent: true, reminderId: reminder.id, interestPence: charge.interestPence, compensationPence: charge.compensationPence };
  });
}

/** The scan job (`reminders.enqueue-due`), once per period. */
export async function enqueueDueRemindersJob(key: string, _p: { period: string }, now: Date = new Date()) {
  const claim = await claimExecution(key, "maintenance", "reminders.enqueue-due", 120_000);
  if (claim === "done") return { duplicate: true };
  if (claim === "busy") throw new ExecutionBusy(key);
  const enqueued = await enqueueDueReminders(now);
  await unsafeUnscopedDb().$transaction((tx) => completeExecution(tx, key));
  return { enqueued };
}
