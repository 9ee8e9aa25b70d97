import type { Metadata } from "next";
import { AuditTimeline } from "@/modules/audit/components/AuditTimeline.tsx";
import { listAuditEvents } from "@/modules/audit/audit.service.ts";
import { teamSummary } from "@/modules/identity/users.service.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { loadChrome, requireTenantPage } from "@/server/http/portal.ts";
import { Card, formatDate, PageHeader } from "@/ui";

export const metadata: Metadata = { title: "Dashboard" };

const ROLE_WORDS = { ADMIN: "Admins", OFFICE: "Office staff", ENGINEER: "Engineers", CLIENT: "Client contacts" } as const;

export default async function AdminHome() {
  const ctx = await requireTenantPage(policy.can("dashboard.view"));
  const chrome = await loadChrome(ctx);
  const [team, activity] = await loadOrUnavailable(() => Promise.all([teamSummary(ctx), listAuditEvents(ctx, { limit: 10 })]));
  const firstName = ctx.user.name.split(" ")[0];

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <PageHeader
        title={`Good to see you, ${firstName}`}
        subtitle={chrome.name}
        status={chrome.status === "TRIAL" ? "Trial" : undefined}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Your company" className="lg:col-span-1">
          <dl className="grid grid-cols-2 gap-x-4 gap-y-3 text-sm">
            <dt className="text-neutral-600">Plan status</dt>
            <dd className="font-medium">{chrome.status === "TRIAL" ? "Trial" : chrome.status === "ACTIVE" ? "Active" : "Suspended"}</dd>
            {chrome.trialEndsAt ? (
              <>
                <dt className="text-neutral-600">Trial ends</dt>
                <dd className="font-medium">{formatDate(chrome.trialEndsAt, chrome.timeZone)}</dd>
              </>
            ) : null}
            <dt className="text-neutral-600">Time zone</dt>
            <dd className="font-medium">{chrome.timeZone.replace("_", " ")}</dd>
          </dl>
        </Card>
        <Card title="Team" description="Active people who can sign in to this company." className="lg:col-span-2">
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            {(Object.keys(ROLE_WORDS) as (keyof typeof ROLE_WORDS)[]).map((role) => (
              <div key={role} className="rounded-md border border-neutral-200 px-3 py-2">
                <dt className="text-xs text-neutral-600">{ROLE_WORDS[role]}</dt>
                <dd className="text-2xl font-semibold tabular-nums">{team[role]}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </div>
      <Card>
        <AuditTimeline title="Recent activity" events={activity.items} timeZone={chrome.timeZone} />
      </Card>
    </div>
  );
}
