/** Human wording for audit actions and fields (pure; used by the timeline). */
const ACTION_LABELS: Record<string, string> = {
  "auth.login": "Signed in",
  "auth.logout": "Signed out",
  "auth.login_failed": "Failed sign-in",
  "company.settings_updated": "Updated company settings",
  "quote.created": "Created the quote",
  "quote.updated": "Edited the draft",
  "quote.sent": "Sent the quote",
  "quote.revised": "Started a revision",
  "quote.viewed": "Opened the quote (client)",
  "quote.accepted": "Accepted and signed (client)",
  "quote.declined": "Declined (client)",
  "quote.changes_requested": "Asked for changes (client)",
  "quote.expired": "Expired (past its valid-until date)",
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
