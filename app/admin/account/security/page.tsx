import type { Metadata } from "next";
import { AccountSecurity } from "@/modules/identity/components/AccountSecurity.tsx";
import { ROLE_HOME } from "@/modules/identity/permissions.ts";
import { policy } from "@/server/http/operation.ts";
import { loadChrome, requireTenantPage } from "@/server/http/portal.ts";
import { PageHeader } from "@/ui";

export const metadata: Metadata = { title: "Account security" };

export default async function AdminAccountSecurity() {
  // Open while the company's MFA requirement holds the session: this is where enrolment happens.
  const ctx = await requireTenantPage(policy.ownAccount());
  const chrome = await loadChrome(ctx);
  return (
    <div className="mx-auto flex max-w-5xl flex-col">
      <PageHeader title="Account security" subtitle={`${ctx.user.name} · ${ctx.user.email}`} />
      {ctx.mfaEnrolmentPending ? (
        <p role="alert" className="mb-6 rounded-md border border-warning-200 bg-warning-50 px-4 py-3 text-sm text-warning-800">
          {chrome.name} requires two-factor authentication for admins and office staff. Set it up below to continue to Quantract.
        </p>
      ) : null}
      <AccountSecurity ctx={ctx} timeZone={chrome.timeZone} afterEnableHref={ctx.mfaEnrolmentPending ? ROLE_HOME[ctx.role] : undefined} showCompanies />
    </div>
  );
}
