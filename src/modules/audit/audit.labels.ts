/** Human wording for audit actions and fields (pure; used by the timeline). */
const ACTION_LABELS: Record<string, string> = {
  "auth.login": "Signed in",
  "auth.logout": "Signed out",
  "auth.login_failed": "Failed sign-in",
  "company.settings_updated": "Updated company settings",
  "company.payment_settings_updated": "Updated payment settings",
  "company.stripe_connect_started": "Started connecting Stripe",
  "company.stripe_status_updated": "Stripe account status changed",
  "invoice.created": "Created the draft invoice",
  "invoice.updated": "Edited the draft invoice",
  "invoice.issued": "Issued the invoice",
  "invoice.sent": "Sent the invoice to the client",
  "invoice.voided": "Voided the invoice",
  "invoice.payment_recorded": "Recorded a payment",
  "invoice.refund_recorded": "Recorded a refund",
  "invoice.credited": "Issued a credit note",
  "job.invoiced": "Marked invoiced (invoice issued)",
  "invoice.card_payment_received": "Card payment received (Stripe)",
  "invoice.card_refund_recorded": "Card refund recorded (Stripe)",
  "invoice.card_payment_needs_attention": "Card payment received but not applied: check it (Stripe)",
  "invoice.checkout_started": "Client started paying by card",
  "invoice.reminder_sent": "Sent an overdue reminder",
  "invoice.deposit_created_on_acceptance": "Deposit invoice issued on acceptance",
  "invoice.deposit_not_emailed": "Deposit invoice not emailed: the client has no email address",
  "invoice.deposit_link_from_quote": "Client opened the deposit payment from the accepted quote",
  "quote.created": "Created the quote",
  "quote.updated": "Edited the draft",
  "quote.sent": "Sent the quote",
  "quote.revised": "Started a revision",
  "quote.viewed": "Opened the quote (client)",
  "quote.accepted": "Accepted and signed (client)",
  "quote.declined": "Declined (client)",
  "quote.changes_requested": "Asked for changes (client)",
  "quote.expired": "Expired (past its valid-until date)",
  "pricebook.created": "Added a price book item",
  "pricebook.updated": "Changed a price book item",
  "pricebook.archived": "Archived a price book item",
  "schedule.visit_created": "Booked a visit",
  "schedule.visit_moved": "Moved a visit",
  "schedule.visit_reassigned": "Reassigned a visit",
  "schedule.visit_updated": "Changed a visit's notes",
  "schedule.visit_deleted": "Removed a visit",
  "schedule.conflict_overridden": "Saved a visit despite conflicts",
  "unavailability.created": "Marked an engineer unavailable",
  "unavailability.updated": "Changed an unavailability period",
  "unavailability.deleted": "Removed an unavailability period",
  "pdf.generated": "Generated a PDF",
  "auth.mfa_enabled": "Turned on two-factor authentication",
  "auth.mfa_disabled": "Turned off two-factor authentication",
  "auth.mfa_disable_failed": "Failed to turn off two-factor authentication",
  "auth.session_revoked": "Signed out a session",
  "auth.other_sessions_revoked": "Signed out everywhere else",
  "auth.company_switched": "Switched to this company",
  "auth.company_switched_away": "Switched to another company",
  "auth.impersonation_started": "Started acting as a user",
  "auth.impersonation_stopped": "Stopped acting as a user",
  "user.role_changed": "Changed a user's role",
  "user.capabilities_changed": "Changed a user's permissions",
  "user.deactivated": "Deactivated a user",
  "user.reactivated": "Reactivated a user",
  "user.invited": "Invited a user",
  "user.invitation_accepted": "Accepted an invitation",
  "platform.company_suspended": "Suspended by Quantract",
  "platform.company_reactivated": "Reactivated by Quantract",
  "job.created": "Created the job",
  "job.created_from_quote": "Created the job from the accepted quote",
  "job.updated": "Edited the job",
  "job.status_changed": "Changed the status",
  "job.completed": "Completed the job",
  "job.checklist_gate_overridden": "Completed with required checklist items open (admin override)",
  "job.engineer_assigned": "Put an engineer on the job",
  "job.engineer_unassigned": "Took an engineer off the job",
  "job.note_added": "Added a note",
  "job.photo_added": "Added a photo",
  "job.checklist_attached": "Attached a checklist",
  "job.checklist_removed": "Removed a checklist",
  "job.checklist_item_completed": "Ticked a checklist item",
  "job.checklist_item_reopened": "Unticked a checklist item",
  "quote.converted_to_job": "Converted the quote to a job",
  "checklist_template.created": "Created a checklist template",
  "checklist_template.updated": "Saved a new version of a checklist template",
  "checklist_template.archived": "Archived a checklist template",
  "checklist_template.restored": "Restored a checklist template",
  "time.clocked_in": "Clocked in",
  "time.clocked_out": "Clocked out",
  "time.break_started": "Started a break",
  "time.break_ended": "Ended a break",
  "time.entry_created": "Added a time entry",
  "time.entry_updated": "Changed a time entry",
  "time.entry_deleted": "Deleted a time entry",
  "timesheet.submitted": "Submitted a timesheet",
  "timesheet.approved": "Approved a timesheet",
  "timesheet.rejected": "Rejected a timesheet",
  "timesheet.exported": "Exported timesheets for payroll",
};

export function actionLabel(action: string): string {
  if (ACTION_LABELS[action]) return ACTION_LABELS[action];
  const [, verb = action] = action.split(".");
  const words = verb.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "paymentTermsDays" -> "Payment terms days" */
export function fieldLabel(field: string): string {
  const words = field.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function displayValue(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

export type FieldChange = { field: string; label: string; before: string; after: string };

export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const b = (before && typeof before === "object" ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.map((k) => ({ field: k, label: fieldLabel(k), before: displayValue(b[k]), after: displayValue(a[k]) }));
}
