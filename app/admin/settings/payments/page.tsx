import type { Metadata } from "next";
import { AuditTimeline } from "@/modules/audit/components/AuditTimeline.tsx";
import { listAuditEvents } from "@/modules/audit/audit.service.ts";
import { ConnectStripeButton } from "@/modules/stripe/components/ConnectStripe.tsx";
import { PaymentSettingsForm } from "@/modules/stripe/components/PaymentSettingsForm.tsx";
import { getPaymentSettings, syncConnectStatus } from "@/modules/stripe/connect.service.ts";
import { can } from "@/server/context.ts";
import { policy } from "@/server/http/operation.ts";
import { loadChrome, requireTenantPage } from "@/server/http/portal.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { Card, PageHeader, StatusBadge } from "@/ui";

export const metadata: Metadata = { title: "Payment settings" };

const PAYMENT_ACTIONS = ["company.payment_settings_updated", "company.stripe_connect_started", "company.stripe_status_updated"];

export default async function PaymentSettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireTenantPage(policy.can("company.view"));
  const sp = await searchParams;
  const canEdit = can(ctx, "settings.manage");
  let syncProblem: string | null = null;
  if (sp.connect === "return" && canEdit) {
    // Back from Stripe's onboarding: read the account's status now rather than waiting for the webhook.
    try {
      await syncConnectStatus(ctx);
    } catch {
      syncProblem = "We couldn't check your Stripe account just now. The status below updates as soon as Stripe tells us.";
    }
  }
  const [settings, history, chrome] = await loadOrUnavailable(() =>
    Promise.all([getPaymentSettings(ctx), listAuditEvents(ctx, { entityType: "Company", entityId: ctx.companyId, limit: 50 }), loadChrome(ctx)]),
  );
  const events = history.items.filter((e) => PAYMENT_ACTIONS.includes(e.action)).slice(0, 20);
  const connected = !!settings.stripeAccountId;

  return (
    <div className="mx-auto grid max-w-6xl gap-6 xl:grid-cols-[1fr_20rem]">
      <div className="flex min-w-0 flex-col gap-6">
        <PageHeader title="Payments" subtitle="Card payments through your own Stripe account, reminders and late-payment rules." back={{ href: "/admin/settings", label: "Settings" }} />
        {syncProblem ? (
          <p role="status" className="rounded-md border border-warning-200 bg-warning-50 px-4 py-3 text-sm text-warning-900">
            {syncProblem}
          </p>
        ) : null}
        <Card title="Card payments (Stripe)">
          {!settings.stripeConfigured ? (
            <div role="note" className="rounded-md border border-neutral-300 bg-neutral-50 px-4 py-3 text-sm text-neutral-800">
              <p className="font-medium">Card payments are not configured on this installation.</p>
              <p className="mt-1">Clients see your bank details and pay by transfer; you record bank transfers, cash and cheques on each invoice. Manual payments work as normal.</p>
            </div>
          ) : settings.stripeChargesEnabled ? (
            <div className="flex flex-wrap items-center justify-between gap-4">
              <div className="text-sm">
                <p className="flex items-center gap-2 font-medium text-neutral-900">
                  Stripe account connected <StatusBadge status="PAID" label="Taking card payments" />
                </p>
                <p className="mt-1 text-neutral-600">
                  Account <span className="font-mono">{settings.stripeAccountId}</span>. Invoice links show a &ldquo;Pay by card&rdquo; button; payments arrive in your Stripe account.
                </p>
              </div>
            </div>
          ) : (
            <div className="flex flex-col gap-4">
              <div role="note" className="rounded-md border border-warning-200 bg-warning-50 px-4 py-3 text-sm text-warning-900">
                <p className="font-medium">{connected ? "Finish setting up your Stripe account" : "Card payment is hidden until you connect your Stripe account"}</p>
                <p className="mt-1">
                  {connected
                    ? "Stripe needs a few more details before it lets you take card payments. Until then card payment stays hidden on invoices; manual payments still work."
                    : "Connect your own Stripe account so clients can pay invoices by card; the money goes straight to you. Until then card payment is hidden on invoices; manual payments (bank transfer, cash, cheque) still work."}
                </p>
              </div>
              {connected ? (
                <p className="flex items-center gap-2 text-sm text-neutral-700">
                  Status: <StatusBadge status="DRAFT" label={settings.stripeDetailsSubmitted ? "Waiting for Stripe" : "Details needed"} />
                </p>
              ) : null}
              {canEdit ? (
                <div>
                  <ConnectStripeButton label={connected ? "Continue Stripe setup" : "Connect Stripe"} />
                </div>
              ) : (
                <p className="text-sm text-neutral-600">Ask an admin to connect your Stripe account.</p>
              )}
            </div>
          )}
        </Card>
        <PaymentSettingsForm settings={settings} canEdit={canEdit} />
      </div>
      <Card className="h-fit xl:mt-16">
        <AuditTimeline title="Change history" events={events} timeZone={chrome.timeZone} />
      </Card>
    </div>
  );
}
