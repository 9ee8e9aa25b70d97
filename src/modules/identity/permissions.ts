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
