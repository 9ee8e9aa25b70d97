import type { RequestContext } from "@/server/context.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { Card } from "@/ui";
import { listMyCompanies, listMySessions } from "../account.service.ts";
import { getMfaStatus } from "../mfa.service.ts";
import { CompanyList } from "./CompanySwitcher";
import { MfaPanel } from "./MfaPanel";
import { SessionsPanel } from "./SessionsPanel";

/**
 * The account security page body shared by the three portals: MFA, sessions and (for people in
 * several companies) the company list. Read-only while an admin acts as this person.
 */
export async function AccountSecurity({
  ctx,
  timeZone,
  afterEnableHref,
  showCompanies = false,
}: {
  ctx: RequestContext;
  timeZone: string;
  afterEnableHref?: string;
  showCompanies?: boolean;
}) {
  const [mfa, sessions, companies] = await loadOrUnavailable(() => Promise.all([getMfaStatus(ctx), listMySessions(ctx), listMyCompanies(ctx)]));
  const readOnly = !!ctx.impersonatorId;
  return (
    <div className="flex flex-col gap-6">
      {readOnly ? (
        <p role="note" className="rounded-md border border-warning-200 bg-warning-50 px-3 py-2.5 text-sm text-warning-800">
          You&rsquo;re acting as {ctx.user?.name}: you can see their security settings but not change them.
        </p>
      ) : null}
      <MfaPanel {...mfa} readOnly={readOnly} afterEnableHref={afterEnableHref} timeZone={timeZone} />
      <SessionsPanel sessions={sessions.items} timeZone={timeZone} readOnly={readOnly} />
      {showCompanies && companies.length > 1 && !readOnly ? (
        <Card title="Your companies" description="You work for more than one company. Switch to see the other one.">
          <CompanyList companies={companies} />
        </Card>
      ) : null}
    </div>
  );
}
