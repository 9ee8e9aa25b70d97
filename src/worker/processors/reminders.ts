import { enqueueDueRemindersJob, sendOverdueReminder } from "@/modules/reminders/reminders.service.ts";
import type { JobPayload } from "@/server/queue/jobs.ts";

/** One overdue reminder for one invoice and stage (re-checked under the invoice's lock before sending). */
export async function invoiceOverdueReminderJob(key: string, p: JobPayload<"reminder.invoice-overdue">) {
  return sendOverdueReminder(key, p);
}

/** The daily scan that enqueues each due reminder once. */
export async function enqueueDueRemindersScan(key: string, p: JobPayload<"reminders.enqueue-due">) {
  return enqueueDueRemindersJob(key, p);
}
