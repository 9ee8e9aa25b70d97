/**
 * The one capability map, shared by server checks and UI (a hidden button and a refused request
 * agree). A membership's capabilities = its role's set + grants - revocations.
 */
export const ROLES = ["ADMIN", "OFFICE", "ENGINEER", "CLIENT"] as const;
export type RoleName = (typeof ROLES)[number];

export const CAPABILITIES = [
  "dashboard.view",
  "audit.view",
  "company.view",
  "settings.manage",
  "users.view",
  "users.manage",
  "users.impersonate",
  "billing.view",
  "billing.manage",
  "enquiries.manage",
  "clients.view",
  "clients.manage",
  "quotes.manage",
  "jobs.view",
  "jobs.manage",
  "jobs.view.assigned",
  "planner.manage",
  "timesheets.approve",
  "time.track",
  "invoices.view",
  "invoices.manage",
  "payments.manage",
  "expenses.manage",
  "suppliers.manage",
  "certificates.manage",
  "reports.view",
  "system.jobs.manage",
  "system.mailbox.view",
  "client.portal",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const OFFICE: Capability[] = [
  "dashboard.view",
  "audit.view",
  "company.view",
  "users.view",
  "enquiries.manage",
  "clients.view",
  "clients.manage",
  "quotes.manage",
  "jobs.view",
  "jobs.manage",
  "planner.manage",
  "timesheets.approve",
  "invoices.view",
  "invoices.manage",
  "payments.manage",
  "expenses.manage",
  "suppliers.manage",
  "certificates.manage",
  "reports.view",
];

export const ROLE_CAPABILITIES: Record<RoleName, ReadonlySet<Capability>> = {
  ADMIN: new Set<Capability>([
    ...OFFICE,
    "settings.manage",
    "users.manage",
    "users.impersonate",
    "billing.view",
    "billing.manage",
    "system.jobs.manage",
    "system.mailbox.view",
  ]),
  OFFICE: new Set<Capability>(OFFICE),
  ENGINEER: new Set<Capability>(["jobs.view.assigned", "time.track", "certificates.manage"]),
  CLIENT: new Set<Capability>(["client.portal"]),
};

/** Capabilities a grant may never add to a role (impersonation stays with ADMIN). */
const NEVER_GRANTABLE: Partial<Record<RoleName, Capability[]>> = {
  ENGINEER: ["users.impersonate", "users.manage", "billing.manage", "settings.manage"],
  CLIENT: CAPABILITIES.filter((c) => c !== "client.portal"),
};

export function effectiveCapabilities(role: RoleName, granted: readonly string[] = [], revoked: readonly string[] = []): Set<Capability> {
  const known = new Set<string>(CAPABILITIES);
  const out = new Set<Capability>(ROLE_CAPABILITIES[role]);
  const never = new Set(NEVER_GRANTABLE[role] ?? []);
  for (const c of granted) if (known.has(c) && !never.has(c as Capability)) out.add(c as Capability);
  for (const c of revoked) out.delete(c as Capability);
  return out;
}

/** Where each role lands after sign-in. */
export const ROLE_HOME: Record<RoleName, string> = {
  ADMIN: "/admin",
  OFFICE: "/admin",
  ENGINEER: "/engineer",
  CLIENT: "/client",
};

/** Can a member with this role be granted this capability on top of their role? */
export function isGrantable(role: RoleName, capability: Capability): boolean {
  return !(NEVER_GRANTABLE[role] ?? []).includes(capability);
}

/** Display names for the capability checkboxes on the users page. */
export const CAPABILITY_LABELS: Record<Capability, string> = {
  "dashboard.view": "See the dashboard",
  "audit.view": "See the audit trail",
  "company.view": "See company settings",
  "settings.manage": "Change company settings",
  "users.view": "See users",
  "users.manage": "Manage users",
  "users.impersonate": "Act as another user",
  "billing.view": "See the Quantract plan and billing",
  "billing.manage": "Manage the Quantract plan and billing",
  "enquiries.manage": "Manage enquiries",
  "clients.view": "See clients",
  "clients.manage": "Manage clients",
  "quotes.manage": "Manage quotes",
  "jobs.view": "See all jobs",
  "jobs.manage": "Manage jobs",
  "jobs.view.assigned": "See their assigned jobs",
  "planner.manage": "Use the planner",
  "timesheets.approve": "Approve timesheets",
  "time.track": "Track their time",
  "invoices.view": "See invoices",
  "invoices.manage": "Manage invoices",
  "payments.manage": "Record payments",
  "expenses.manage": "Manage expenses",
  "suppliers.manage": "Manage suppliers",
  "certificates.manage": "Manage certificates",
  "reports.view": "See reports",
  "system.jobs.manage": "Manage background jobs",
  "system.mailbox.view": "See the email mailbox",
  "client.portal": "Use the client portal",
};
